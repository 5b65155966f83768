/**
 * metart's model zoo: AlexNet, VGG and ResNet networks with classification, year-regression or
 * binned-year heads, built in one fluent line and saved, loaded, fine-tuned and used for prediction
 * as one {@link io.github.metart.models.MetModel}.
 *
 * <pre>{@code
 * try (MetModel model = MetModels.vgg(16).hiddenUnits(256).dropout(0.5).batchNorm(true).classifier(15)) {
 *   System.out.println(model.summary().render());
 * }
 * }</pre>
 */
package io.github.metart.models;

package io.github.metart.examples.endtoend;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.examples.demo.DemoCollectionSpec;
import io.github.metart.models.spec.ModelRecipe;
import java.util.List;
import java.util.Locale;

/**
 * How big the demo is: the generated collection, the model and how long it trains. {@link
 * #STANDARD} is {@code metart demo}; {@link #QUICK} is the reduced run the tests use.
 *
 * @param name the name on the command line ({@code standard}, {@code quick})
 * @param objectsPerCulture public-domain objects with an image per culture class
 * @param imageSize the side of the generated images in pixels
 * @param model the architecture and input size of both models (the culture classifier and the year
 *     regressor)
 * @param cultureEpochs the culture classifier's epochs
 * @param yearEpochs the year regressor's epochs
 * @param batchSize images per training step
 * @param learningRate the Adam learning rate at the start of the cosine schedule
 */
public record DemoSize(
    String name,
    int objectsPerCulture,
    int imageSize,
    ModelRecipe model,
    int cultureEpochs,
    int yearEpochs,
    int batchSize,
    double learningRate) {

  /** The demo: 150 objects per culture, 96 px images, ResNet-18 at 64 px, 5 + 12 epochs. */
  public static final DemoSize STANDARD =
      new DemoSize("standard", 150, 96, ModelRecipe.of("resnet18", 64), 5, 12, 32, 0.002);

  /** A reduced demo for tests: 50 objects per culture, 64 px images, ResNet-18 at 48 px, few epochs. */
  public static final DemoSize QUICK =
      new DemoSize("quick", 50, 64, ModelRecipe.of("resnet18", 48), 3, 8, 16, 0.002);

  /** Validates the values. */
  public DemoSize {
    checkArgument(name != null && name.matches("[a-z][a-z0-9-]*"), "name must be a lower-case word, got '%s'", name);
    DemoCollectionSpec.builder().objectsPerCulture(objectsPerCulture).imageSize(imageSize).build();
    checkArgument(model != null, "the model is missing");
    checkArgument(
        model.inputSize() <= imageSize,
        "the model input (%s px) must not be larger than the images (%s px)",
        model.inputSize(),
        imageSize);
    checkArgument(cultureEpochs >= 1 && yearEpochs >= 1, "epochs must be at least 1");
    checkArgument(batchSize >= 1, "the batch size must be at least 1, got %s", batchSize);
    checkArgument(learningRate > 0, "the learning rate must be positive, got %s", learningRate);
  }

  /** The predefined sizes. */
  public static List<DemoSize> values() {
    return List.of(STANDARD, QUICK);
  }

  /**
   * The predefined size of that name.
   *
   * @throws IllegalArgumentException listing the names
   */
  public static DemoSize named(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return values().stream()
        .filter(size -> size.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown demo size '" + name + "': use "
                        + String.join(" or ", values().stream().map(DemoSize::name).toList())));
  }

  /** The collection to generate. */
  public DemoCollectionSpec collection() {
    return DemoCollectionSpec.builder().objectsPerCulture(objectsPerCulture).imageSize(imageSize).build();
  }
}

package io.github.metart.models.io;

/**
 * The contents of {@code model.json}: what wrote a model folder.
 *
 * @param format the folder format version (currently {@value ModelFolder#FORMAT})
 * @param name the model's name, e.g. {@code vgg16_bn}
 * @param description one line describing the spec
 * @param parameters the number of learnable parameters
 * @param weights the file holding the weights
 * @param metart the metart version
 * @param java the Java version
 * @param engine the engine and its version, e.g. {@code PyTorch 2.7.1}
 * @param djl the DJL version
 */
public record ModelFolderInfo(
    int format,
    String name,
    String description,
    long parameters,
    String weights,
    String metart,
    String java,
    String engine,
    String djl) {}

package io.github.metart.models.summary;

import ai.djl.ndarray.types.Shape;

/**
 * One row of a layer table.
 *
 * @param path the layer's place, e.g. {@code backbone.layer1.0}
 * @param type the layer type, e.g. {@code Conv2d 3x3/1 64}
 * @param outputShape the output shape for one input image
 * @param parameters the learnable parameters of the layer (running statistics excluded)
 */
public record LayerSummary(String path, String type, Shape outputShape, long parameters) {}

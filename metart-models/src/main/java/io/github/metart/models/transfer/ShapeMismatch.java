package io.github.metart.models.transfer;

import ai.djl.ndarray.types.Shape;

/**
 * A backbone parameter found in the source with another shape.
 *
 * @param name the parameter name in the target (e.g. {@code backbone_classifier_1_weight})
 * @param expected the target's shape
 * @param found the source's shape
 */
public record ShapeMismatch(String name, Shape expected, Shape found) {

  /** e.g. {@code backbone_classifier_1_weight (256, 9216) != (4096, 9216)}. */
  public String describe() {
    return name + " " + expected + " != " + found;
  }
}

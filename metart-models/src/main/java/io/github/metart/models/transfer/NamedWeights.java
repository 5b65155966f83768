package io.github.metart.models.transfer;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weight arrays by name, as read from a source, and how the names are spelled.
 *
 * @param arrays the arrays by name, in source order
 * @param description what the weights came from, for reports
 */
record NamedWeights(Map<String, NDArray> arrays, String description) {

  NamedWeights {
    arrays = new LinkedHashMap<>(arrays);
  }
}

/**
 * What a model is, as a value: the architecture, its knobs and its head ({@link
 * io.github.metart.models.spec.ModelSpec}, {@link io.github.metart.models.spec.HeadSpec}). A spec
 * is immutable, validated on construction, serializes to JSON ({@link
 * io.github.metart.models.spec.SpecJson}) and rebuilds exactly the same network.
 */
package io.github.metart.models.spec;

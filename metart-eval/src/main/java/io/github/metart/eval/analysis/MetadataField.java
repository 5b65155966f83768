package io.github.metart.eval.analysis;

import io.github.metart.eval.outcomes.ObjectMetadata;
import java.util.function.Function;

/** A Met metadata column that errors can be broken down by. */
public enum MetadataField {
  /** The Met department, e.g. {@code Greek and Roman Art}. */
  DEPARTMENT("department", ObjectMetadata::department),
  /** The Met classification, e.g. {@code Vases}. */
  CLASSIFICATION("classification", ObjectMetadata::classification),
  /** The Met object name, e.g. {@code Amphora}. */
  OBJECT_NAME("object name", ObjectMetadata::objectName);

  /** The group that objects with an empty field fall into. */
  public static final String UNKNOWN = "(unknown)";

  private final String displayName;
  private final Function<ObjectMetadata, String> getter;

  MetadataField(String displayName, Function<ObjectMetadata, String> getter) {
    this.displayName = displayName;
    this.getter = getter;
  }

  /** The field's name for people, e.g. {@code object name}. */
  public String displayName() {
    return displayName;
  }

  /** The object's value of this field, {@value #UNKNOWN} when empty. */
  public String valueOf(ObjectMetadata object) {
    String value = getter.apply(object);
    return value.isEmpty() ? UNKNOWN : value;
  }
}

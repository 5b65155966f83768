package io.github.metart.data.culture;

/**
 * What {@link CultureNormalizer} does with a Culture that names several cultures ("French or
 * Italian", "Sasanian or Islamic", "hilt, German; blade, Spanish").
 */
public enum AmbiguityPolicy {
  /** No label: the object cannot teach a single culture. The default. */
  NO_LABEL,
  /** The label of the first culture named. */
  FIRST
}

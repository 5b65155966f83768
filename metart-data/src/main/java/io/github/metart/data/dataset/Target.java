package io.github.metart.data.dataset;

/**
 * How a dataset turns a {@link LabeledObject} into the float a network learns, and back: the
 * convention every module shares (see ARCHITECTURE.md, "Tasks and targets").
 *
 * <ul>
 *   <li>{@link CultureTarget}: the class index (0..n-1) into the ordered label list;
 *   <li>{@link YearTarget}: the year normalized to 0..1 over {@code [minYear, maxYear]}.
 * </ul>
 */
public sealed interface Target permits CultureTarget, YearTarget {

  /** The task this target belongs to. */
  Task task();

  /** The target value of one object, as stored in a dataset record's {@code labels} array. */
  float encode(LabeledObject object);
}

package io.github.metart.data.dataset;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The culture task's target: the class index into an ordered list of labels (sorted
 * alphabetically when a dataset is built, so that the same labels always get the same indices).
 *
 * @param labels the class names, index {@code i} is class {@code i}; distinct, not blank
 */
public record CultureTarget(List<String> labels) implements Target {

  /** Copies the labels and checks that they are distinct and not blank. */
  public CultureTarget {
    labels = List.copyOf(labels);
    checkArgument(!labels.isEmpty(), "a culture target needs at least one label");
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      checkArgument(!label.isBlank(), "label %s is blank", i);
      Integer previous = seen.put(label, i);
      checkArgument(previous == null, "label '%s' appears twice (at %s and %s)", label, previous, i);
    }
  }

  @Override
  public Task task() {
    return Task.CULTURE;
  }

  /** The number of classes. */
  public int size() {
    return labels.size();
  }

  /** The class index of a label; throws naming the known labels when it is not one of them. */
  public int indexOf(String label) {
    int index = labels.indexOf(label);
    if (index < 0) {
      throw new IllegalArgumentException(
          "unknown label '" + label + "': the dataset's labels are " + labels);
    }
    return index;
  }

  /** The label of a class index. */
  public String label(int index) {
    checkArgument(
        index >= 0 && index < labels.size(),
        "class index %s out of range 0..%s",
        index,
        labels.size() - 1);
    return labels.get(index);
  }

  /** The class index of the object's label, as a float. */
  @Override
  public float encode(LabeledObject object) {
    return indexOf(object.label());
  }
}

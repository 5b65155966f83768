package io.github.metart.models.heads;

import com.google.common.base.Preconditions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A probability for every class of a classifier (they sum to 1). Immutable. */
public final class ClassPrediction implements Prediction {

  private final List<String> labels;
  private final float[] probabilities;
  private final int top;

  /**
   * Creates a prediction.
   *
   * @param labels the class names in index order
   * @param probabilities one probability per class
   */
  public ClassPrediction(List<String> labels, float[] probabilities) {
    Preconditions.checkArgument(
        labels.size() == probabilities.length,
        "%s labels but %s probabilities",
        labels.size(),
        probabilities.length);
    Preconditions.checkArgument(probabilities.length > 0, "no classes");
    this.labels = List.copyOf(labels);
    this.probabilities = probabilities.clone();
    this.top = ClassRanking.top(probabilities);
  }

  /** The number of classes. */
  public int classCount() {
    return probabilities.length;
  }

  /** The probability of class {@code index}. */
  public float probability(int index) {
    return probabilities[index];
  }

  /** A copy of all probabilities in class order. */
  public float[] probabilities() {
    return probabilities.clone();
  }

  /** The name of class {@code index}. */
  public String label(int index) {
    return labels.get(index);
  }

  /** The index of the most probable class (the first one on ties). */
  public int topIndex() {
    return top;
  }

  /** The name of the most probable class. */
  public String topLabel() {
    return labels.get(top);
  }

  /** The probability of the most probable class. */
  public float topProbability() {
    return probabilities[top];
  }

  /** The rank of class {@code index} (0 for the most probable), ties broken by index. */
  public int rankOf(int index) {
    return ClassRanking.rank(probabilities, index);
  }

  /**
   * The {@code k} most probable classes, most probable first (fewer when there are fewer classes).
   *
   * @param k at least 1
   */
  public List<LabelProbability> topK(int k) {
    Preconditions.checkArgument(k >= 1, "k must be at least 1, got %s", k);
    return IntStream.range(0, probabilities.length)
        .boxed()
        .sorted(Comparator.<Integer, Float>comparing(i -> -probabilities[i]))
        .limit(k)
        .map(i -> new LabelProbability(i, labels.get(i), probabilities[i]))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  @Override
  public String describe() {
    return topK(1).get(0).describe();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClassPrediction that
        && labels.equals(that.labels)
        && Arrays.equals(probabilities, that.probabilities);
  }

  @Override
  public int hashCode() {
    return 31 * labels.hashCode() + Arrays.hashCode(probabilities);
  }

  @Override
  public String toString() {
    return "ClassPrediction" + topK(Math.min(3, probabilities.length));
  }
}

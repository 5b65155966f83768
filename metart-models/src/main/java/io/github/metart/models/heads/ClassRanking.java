package io.github.metart.models.heads;

import com.google.common.base.Preconditions;

/**
 * How classes rank by their scores (probabilities or logits): the most probable class and the rank
 * of any class, ties always going to the lower class index. {@link ClassPrediction} and the
 * evaluation module both rank through here, so a model's top class and an evaluation's predicted
 * class never disagree.
 */
public final class ClassRanking {

  private ClassRanking() {}

  /**
   * The index of the highest score, the lowest such index on ties.
   *
   * @param scores one score per class, at least one
   */
  public static int top(double[] scores) {
    checkScores(scores);
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }

  /** {@link #top(double[])} of float scores. */
  public static int top(float[] scores) {
    return top(widen(scores));
  }

  /**
   * The rank of class {@code index}: 0 for the top class, 1 for the next, and so on. A class ranks
   * after every class with a higher score and every class with the same score and a lower index.
   *
   * @param scores one score per class, at least one
   * @param index a class index, 0 to {@code scores.length - 1}
   */
  public static int rank(double[] scores, int index) {
    checkScores(scores);
    Preconditions.checkElementIndex(index, scores.length, "class index");
    double score = scores[index];
    int rank = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > score || (scores[i] == score && i < index)) {
        rank++;
      }
    }
    return rank;
  }

  /** {@link #rank(double[], int)} of float scores. */
  public static int rank(float[] scores, int index) {
    return rank(widen(scores), index);
  }

  private static void checkScores(double[] scores) {
    Preconditions.checkNotNull(scores, "scores");
    Preconditions.checkArgument(scores.length > 0, "no class scores to rank");
  }

  private static double[] widen(float[] scores) {
    Preconditions.checkNotNull(scores, "scores");
    double[] wide = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      wide[i] = scores[i];
    }
    return wide;
  }
}

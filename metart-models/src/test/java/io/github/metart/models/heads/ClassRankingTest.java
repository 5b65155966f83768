package io.github.metart.models.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassRankingTest {

  @Test
  void theTopClassIsTheHighestScoreAndTheLowestIndexOnTies() {
    assertThat(ClassRanking.top(new double[] {0.1, 0.7, 0.2})).isEqualTo(1);
    assertThat(ClassRanking.top(new float[] {0.2f, 0.4f, 0.4f})).isEqualTo(1);
    assertThat(ClassRanking.top(new double[] {-3})).isZero();
  }

  @Test
  void ranksCountHigherScoresAndLowerIndicesWithTheSameScore() {
    double[] scores = {0.3, 0.1, 0.3, 0.3};

    assertThat(ClassRanking.rank(scores, 0)).isZero();
    assertThat(ClassRanking.rank(scores, 2)).isEqualTo(1);
    assertThat(ClassRanking.rank(scores, 3)).isEqualTo(2);
    assertThat(ClassRanking.rank(scores, 1)).isEqualTo(3);
  }

  @Test
  void aPredictionRanksThroughTheSameRules() {
    float[] probabilities = {0.2f, 0.4f, 0.4f};
    ClassPrediction prediction = new ClassPrediction(List.of("a", "b", "c"), probabilities);

    assertThat(prediction.topIndex()).isEqualTo(ClassRanking.top(probabilities)).isEqualTo(1);
    for (int i = 0; i < probabilities.length; i++) {
      assertThat(prediction.rankOf(i)).isEqualTo(ClassRanking.rank(probabilities, i));
    }
    assertThat(prediction.topK(3)).extracting(LabelProbability::index).containsExactly(1, 2, 0);
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> ClassRanking.top(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no class scores to rank");
    assertThatThrownBy(() -> ClassRanking.rank(new double[] {1, 2}, 2))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("class index (2) must be less than size (2)");
  }
}

package io.github.metart.eval.confusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.eval.outcomes.ClassOutcomes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

  private static final List<String> LABELS = List.of("etruscan", "greek", "roman");

  /** 9 romans predicted as etruscan, 2 greeks as roman, and some right answers. */
  private static ConfusionMatrix matrix() {
    int[] actual = new int[20];
    int[] predicted = new int[20];
    int i = 0;
    for (int k = 0; k < 9; k++, i++) {
      actual[i] = 2;
      predicted[i] = 0;
    }
    for (int k = 0; k < 2; k++, i++) {
      actual[i] = 1;
      predicted[i] = 2;
    }
    for (int k = 0; k < 4; k++, i++) {
      actual[i] = 2;
      predicted[i] = 2;
    }
    for (int k = 0; k < 3; k++, i++) {
      actual[i] = 0;
      predicted[i] = 0;
    }
    actual[i] = 1;
    predicted[i++] = 1;
    actual[i] = 0;
    predicted[i] = 1;
    return ConfusionMatrix.of(ClassOutcomes.of(LABELS, actual, predicted));
  }

  @Test
  void rowsArePredictedAndColumnsAreActual() {
    ConfusionMatrix m = matrix();

    assertThat(m.orientation()).isEqualTo(Orientation.PREDICTED_ROWS);
    assertThat(m.orientation().describe()).isEqualTo("rows = predicted, columns = actual");
    assertThat(m.count("etruscan", "roman")).isEqualTo(9); // predicted etruscan, actually roman
    assertThat(m.count("roman", "etruscan")).isZero();
    assertThat(m.cell(0, 2)).isEqualTo(9); // row etruscan (predicted), column roman (actual)
    assertThat(m.cells())
        .isDeepEqualTo(
            new long[][] {
              {3, 0, 9},
              {1, 1, 0},
              {0, 2, 4}
            });
    assertThat(m.total()).isEqualTo(20);
    assertThat(m.correct()).isEqualTo(8);
    assertThat(m.actualCount(2)).isEqualTo(13);
    assertThat(m.predictedCount(0)).isEqualTo(12);
  }

  @Test
  void theTransposedViewSwapsCellsButNotCounts() {
    ConfusionMatrix t = matrix().transposed();

    assertThat(t.orientation()).isEqualTo(Orientation.ACTUAL_ROWS);
    assertThat(t.orientation().describe()).isEqualTo("rows = actual, columns = predicted");
    assertThat(t.count("etruscan", "roman")).isEqualTo(9); // count() never changes meaning
    assertThat(t.cell(2, 0)).isEqualTo(9); // row roman (actual), column etruscan (predicted)
    assertThat(t.cells()[0]).containsExactly(3, 1, 0);
    assertThat(t.transposed()).isEqualTo(matrix());
    assertThat(t).isNotEqualTo(matrix());
  }

  @Test
  void fromCellsReadsTheGivenOrientation() {
    long[][] actualRows = {{3, 1, 0}, {0, 1, 2}, {9, 0, 4}};

    ConfusionMatrix m = ConfusionMatrix.fromCells(LABELS, actualRows, Orientation.ACTUAL_ROWS);

    assertThat(m.count("etruscan", "roman")).isEqualTo(9);
    assertThat(m.inOrientation(Orientation.PREDICTED_ROWS)).isEqualTo(matrix());
  }

  @Test
  void topConfusionsReadNaturally() {
    List<Confusion> top = matrix().topConfusions(2);

    assertThat(top)
        .extracting(Confusion::toString)
        .containsExactly("roman predicted as etruscan: 9", "greek predicted as roman: 2");
    assertThat(matrix().topConfusions(10)).hasSize(3); // only three off-diagonal pairs occur
    assertThat(matrix().topConfusions(0)).isEmpty();
  }

  @Test
  void normalizedByColumnMakesEachActualClassSumToOne() {
    double[][] shares = matrix().normalizedByColumn();

    assertThat(shares[0][2]).isEqualTo(9.0 / 13); // 9 of 13 romans predicted etruscan
    assertThat(shares[2][2]).isEqualTo(4.0 / 13); // roman recall
    assertThat(matrix().columnShare(0, 2)).isEqualTo(shares[0][2]);
    assertThat(matrix().columnTotal(2)).isEqualTo(13);
    assertThat(matrix().orientation().describeColumnShares())
        .isEqualTo(
            "each count divided by its column's total (all objects of one actual class); a column"
                + " with objects sums to 1, one without is all 0; the diagonal is each class's recall");
    assertThat(matrix().transposed().orientation().describeColumnShares())
        .contains("predicted as one class")
        .endsWith("precision");
    for (int column = 0; column < 3; column++) {
      double sum = 0;
      for (int row = 0; row < 3; row++) {
        sum += shares[row][column];
      }
      assertThat(sum).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }
    // transposed: the columns are predicted classes, so they give precision
    assertThat(matrix().transposed().normalizedByColumn()[0][0]).isEqualTo(3.0 / 12);
  }

  @Test
  void emptyColumnsStayZero() {
    ConfusionMatrix m = ConfusionMatrix.builder(List.of("a", "b")).add(0, 0).build();

    assertThat(m.normalizedByColumn()).isDeepEqualTo(new double[][] {{1, 0}, {0, 0}});
    assertThat(m.columnShare(0, 0)).isEqualTo(1.0);
    assertThat(m.columnShare(0, 1)).isNaN();
    assertThat(m.columnTotal(1)).isZero();
    assertThat(m.topConfusions(5)).isEmpty();
  }

  @Test
  void textStatesTheOrientation() {
    assertThat(matrix().toText())
        .isEqualTo(
            """
            confusion matrix (rows = predicted, columns = actual)
            predicted \\ actual  etruscan     greek     roman
            etruscan                   3         0         9
            greek                      1         1         0
            roman                      0         2         4
            """);
    assertThat(matrix().transposed().toText())
        .startsWith("confusion matrix (rows = actual, columns = predicted)\nactual \\ predicted");
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> ConfusionMatrix.builder(List.of("a", "b")).add(2, 0))
        .hasMessage("predicted class 2 out of range 0..1");
    assertThatThrownBy(() -> matrix().count("persian", "roman"))
        .hasMessage("no class 'persian' among [etruscan, greek, roman]");
    assertThatThrownBy(
            () -> ConfusionMatrix.fromCells(LABELS, new long[][] {{1}}, Orientation.PREDICTED_ROWS))
        .hasMessage("1 rows for 3 labels");
  }
}

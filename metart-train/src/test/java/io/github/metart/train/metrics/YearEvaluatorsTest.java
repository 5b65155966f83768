package io.github.metart.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.metart.data.dataset.YearTarget;
import io.github.metart.models.heads.Head;
import io.github.metart.models.heads.YearHead;
import io.github.metart.models.spec.HeadSpec;
import org.junit.jupiter.api.Test;

/** The DJL evaluators on real PyTorch arrays, in the dataset's {@code [B, 1]} layout. */
class YearEvaluatorsTest {

  private static final YearTarget TARGET = new YearTarget(1000, 2000);

  @Test
  void meanYearErrorIsInYearsAndAccumulatesOverBatches() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MeanYearError evaluator = new MeanYearError(TARGET);
      evaluator.addAccumulator("validate");

      // batch 1: errors 100 and 0 years; batch 2: error 40 years
      NDList labels1 = new NDList(manager.create(new float[] {0.5f, 0.25f}, new Shape(2, 1)));
      NDList predictions1 = new NDList(manager.create(new float[] {0.6f, 0.25f}, new Shape(2, 1)));
      assertThat(evaluator.evaluate(labels1, predictions1).getFloat())
          .isCloseTo(50f, within(1e-3f));
      evaluator.updateAccumulator("validate", labels1, predictions1);
      NDList labels2 = new NDList(manager.create(new float[] {0.9f}, new Shape(1, 1)));
      NDList predictions2 = new NDList(manager.create(new float[] {0.86f}, new Shape(1, 1)));
      evaluator.updateAccumulator("validate", labels2, predictions2);

      assertThat(evaluator.getAccumulator("validate")).isCloseTo(140f / 3, within(1e-2f));
      assertThat(evaluator.getName()).isEqualTo("MeanYearError");

      evaluator.resetAccumulator("validate");
      assertThat(evaluator.getAccumulator("validate")).isNaN();
    }
  }

  @Test
  void mismatchedShapesAreAClearError() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MeanYearError evaluator = new MeanYearError(TARGET);
      NDList labels = new NDList(manager.create(new float[] {0.5f, 0.5f}, new Shape(2, 1)));
      NDList predictions = new NDList(manager.create(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, new Shape(2, 2)));

      assertThatThrownBy(() -> evaluator.evaluate(labels, predictions))
          .hasMessage(
              "MeanYearError: one normalized year per object is expected, got labels (2, 1) and"
                  + " predictions (2, 2)");
      assertThatThrownBy(() -> evaluator.getAccumulator("never added"))
          .hasMessage("MeanYearError: no accumulator named 'never added'");
    }
  }

  @Test
  void updatingLeavesNoArraysBehind() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MeanYearError evaluator = new MeanYearError(TARGET);
      evaluator.addAccumulator("k");
      NDList labels = new NDList(manager.create(new float[] {0.5f}, new Shape(1, 1)));
      NDList predictions = new NDList(manager.create(new float[] {0.6f}, new Shape(1, 1)));
      int before = manager.getManagedArrays().size();

      evaluator.updateAccumulator("k", labels, predictions);

      assertThat(manager.getManagedArrays()).hasSize(before);
    }
  }

  @Test
  void yearHeadEvaluatorsReadTheHeadsRawOutputs() {
    Head binned = Head.of(HeadSpec.binnedYear(1000, 2000, 4));
    MeanYearError binnedError = new MeanYearError((YearHead) binned);

    try (NDManager manager = NDManager.newBaseManager()) {
      // logits all but certain of bin 2 (centre 0.625: year 1625) and bin 0 (centre 0.125: 1125)
      NDList logits =
          new NDList(manager.create(new float[] {0, 0, 60, 0, /* */ 60, 0, 0, 0}, new Shape(2, 4)));
      NDList labels = new NDList(manager.create(new float[] {0.6f, 0.2f}, new Shape(2, 1)));
      binnedError.addAccumulator("v");
      binnedError.updateAccumulator("v", labels, logits);
      // errors: |1625 - 1600| = 25 and |1125 - 1200| = 75
      assertThat(binnedError.getAccumulator("v")).isCloseTo(50f, within(1e-2f));
    }

    Head regression = Head.of(HeadSpec.regression(1000, 2000));
    try (NDManager manager = NDManager.newBaseManager()) {
      MeanYearError error = new MeanYearError((YearHead) regression);
      // the head clips outputs to 0..1 as its predictions do: 1.3 counts as 2000
      NDList outputs = new NDList(manager.create(new float[] {1.3f}, new Shape(1, 1)));
      NDList labels = new NDList(manager.create(new float[] {0.9f}, new Shape(1, 1)));
      assertThat(error.evaluate(labels, outputs).getFloat()).isCloseTo(100f, within(1e-2f));
    }
  }

  @Test
  void errorsAreInTheYearsOfTheDatasetsOwnTarget() {
    // a year range whose normalization a second copy could get wrong: B.C. to A.D., odd span
    YearTarget target = new YearTarget(-750, 1913);
    int[] actual = {-600, 0, 1500};
    int[] predicted = {-500, 120, 1497};
    float[] labels = new float[3];
    float[] outputs = new float[3];
    double meanError = 0;
    for (int i = 0; i < 3; i++) {
      labels[i] = (float) target.normalize(actual[i]);
      outputs[i] = (float) target.normalize(predicted[i]);
      meanError += Math.abs(target.decode(outputs[i]) - target.decode(labels[i])) / 3;
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList labelList = new NDList(manager.create(labels, new Shape(3, 1)));
      NDList outputList = new NDList(manager.create(outputs, new Shape(3, 1)));
      MeanYearError fromTarget = new MeanYearError(target);
      MeanYearError fromHead =
          new MeanYearError((YearHead) Head.of(HeadSpec.regression(-750, 1913)));

      assertThat(fromTarget.target()).isEqualTo(target);
      assertThat(fromHead.target()).isEqualTo(target);
      assertThat(meanError).isCloseTo((100 + 120 + 3) / 3.0, within(1e-2));
      assertThat(fromTarget.evaluate(labelList, outputList).getFloat())
          .isCloseTo((float) meanError, within(1e-2f));
      assertThat(fromHead.evaluate(labelList, outputList).getFloat())
          .isCloseTo((float) meanError, within(1e-2f));
    }
  }
}

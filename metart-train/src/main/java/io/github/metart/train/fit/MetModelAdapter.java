package io.github.metart.train.fit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.evaluator.Evaluator;
import io.github.metart.train.metrics.MeanYearError;
import io.github.metart.models.MetModel;
import ai.djl.training.loss.Loss;
import io.github.metart.models.heads.ClassifierHead;
import io.github.metart.models.heads.CultureYearHead;
import io.github.metart.train.config.LossConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.loss.CrossEntropyLoss;
import io.github.metart.train.loss.CultureYearLoss;
import io.github.metart.train.loss.Losses;
import io.github.metart.models.heads.Head;
import io.github.metart.models.heads.HeadKind;
import io.github.metart.models.heads.YearHead;
import io.github.metart.models.spec.SpecJson;
import java.nio.file.Path;

/** A {@link MetModel} as the training loop sees it. */
final class MetModelAdapter implements TrainableModel {

  private final MetModel model;
  private final TrainingTask task;

  MetModelAdapter(MetModel model) {
    this.model = model;
    this.task = taskOf(model.head());
  }

  @Override
  public Block block() {
    return model.network();
  }

  @Override
  public NDManager manager() {
    return model.djlModel().getNDManager();
  }

  @Override
  public Shape inputShape() {
    return model.inputShape(1);
  }

  @Override
  public TrainingTask task() {
    return task;
  }

  @Override
  public String specJson() {
    return SpecJson.toJson(model.spec());
  }

  @Override
  public void save(Path folder) {
    model.save(folder);
  }

  private static TrainingTask taskOf(Head head) {
    if (head instanceof ClassifierHead) {
      return new ClassificationTask(head);
    } else if (head instanceof CultureYearHead both) {
      return new CultureYearTask(both);
    }
    return new YearTask((YearHead) head);
  }

  /** Cross-entropy on the class index; DJL's accuracy. */
  private record ClassificationTask(Head head) implements TrainingTask {
    @Override
    public boolean classification() {
      return true;
    }

    @Override
    public NDArray trainingTargets(NDArray labels) {
      return head.trainingTargets(labels);
    }

    @Override
    public Evaluator newMetric() {
      return new Accuracy();
    }

    @Override
    public String metricName() {
      return "accuracy";
    }

    @Override
    public boolean higherIsBetter() {
      return true;
    }

    @Override
    public NDList metricPredictions(NDList outputs) {
      return outputs;
    }
  }

  /**
   * A year head: regression on the normalized year, or cross-entropy over year bins; measured by
   * metart-eval's mean year error, which turns the head's raw outputs into years as the head does.
   */
  private record YearTask(YearHead head) implements TrainingTask {
    @Override
    public boolean classification() {
      return head.kind() == HeadKind.BINNED_YEAR;
    }

    @Override
    public NDArray trainingTargets(NDArray labels) {
      return head.trainingTargets(labels);
    }

    @Override
    public Evaluator newMetric() {
      return new MeanYearError(head);
    }

    @Override
    public String metricName() {
      return "mean_year_error";
    }

    @Override
    public boolean higherIsBetter() {
      return false;
    }

    @Override
    public NDList metricPredictions(NDList outputs) {
      return outputs;
    }

    @Override
    public int labelWidth(TrainingConfig config) {
      return config.yearTarget().labelWidth();
    }
  }

  /**
   * Culture and year on one backbone: the loss {@code culture + yearLossWeight * year} ({@link
   * CultureYearLoss}), where the configured loss is the year head's (as for a year model: L1, L2 or
   * Huber for the direct head, cross-entropy for the binned one; a cross-entropy's label smoothing
   * applies to the culture head too) and the culture head's is cross-entropy; measured by the
   * culture accuracy (metart evaluate reports both tasks).
   */
  private record CultureYearTask(CultureYearHead head) implements TrainingTask {
    @Override
    public boolean classification() {
      return head.year().kind() == HeadKind.BINNED_YEAR;
    }

    @Override
    public NDArray trainingTargets(NDArray labels) {
      return head.trainingTargets(labels);
    }

    @Override
    public Loss loss(LossConfig chosen, TrainingConfig config, float[] classWeights) {
      double smoothing = chosen.kind() == LossConfig.Kind.CROSS_ENTROPY ? chosen.labelSmoothing() : 0;
      return new CultureYearLoss(
          head.classCount(), new CrossEntropyLoss(smoothing), Losses.of(chosen), config.yearLossWeight());
    }

    @Override
    public Evaluator newMetric() {
      return new Accuracy();
    }

    @Override
    public String metricName() {
      return "accuracy";
    }

    @Override
    public boolean higherIsBetter() {
      return true;
    }

    @Override
    public NDList metricPredictions(NDList outputs) {
      return new NDList(head.cultureOutputs(outputs.singletonOrThrow()));
    }

    @Override
    public NDList metricLabels(NDList labels) {
      return new NDList(head.cultureLabels(labels.singletonOrThrow()));
    }

    @Override
    public int labelWidth(TrainingConfig config) {
      return 1 + config.yearTarget().labelWidth();
    }
  }
}

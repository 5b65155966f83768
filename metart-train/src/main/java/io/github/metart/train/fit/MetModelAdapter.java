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
import io.github.metart.models.heads.RegressionHead;
import io.github.metart.models.heads.YearHead;
import io.github.metart.models.spec.SpecJson;
import java.nio.file.Path;

/** A {@link MetModel} as the training loop sees it. */
final class MetModelAdapter implements TrainableModel {

  private final MetModel model;
  private final TrainingTask task;

  MetModelAdapter(MetModel model) {
    this.model = model;
    this.task = new HeadTask(model.head());
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

  /**
   * The training task of a head, one record for every kind (the kinds differ in a few answers,
   * chosen by the head's type):
   *
   * <ul>
   *   <li>a classifier: cross-entropy on the class index, measured by DJL's accuracy;
   *   <li>a year head: regression on the normalized year, or cross-entropy over year bins; measured
   *       by the mean year error, which turns the head's raw outputs into years as the head does;
   *   <li>culture and year on one backbone: the loss {@code culture + yearLossWeight * year} ({@link
   *       CultureYearLoss}), where the configured loss is the year head's (as for a year model: L1,
   *       L2 or Huber for the direct head, cross-entropy for the binned one; a cross-entropy's label
   *       smoothing applies to the culture head too) and the culture head's is cross-entropy;
   *       measured by the culture accuracy (metart evaluate reports both tasks).
   * </ul>
   */
  private record HeadTask(Head head) implements TrainingTask {

    /** The head whose outputs the metric measures: the culture head of a culture+year model. */
    private Head measured() {
      return head instanceof CultureYearHead both ? both.culture() : head;
    }

    @Override
    public boolean classification() {
      Head trained = head instanceof CultureYearHead both ? both.year() : head;
      return !(trained instanceof RegressionHead);
    }

    @Override
    public NDArray trainingTargets(NDArray labels) {
      return head.trainingTargets(labels);
    }

    @Override
    public Loss loss(LossConfig chosen, TrainingConfig config, float[] classWeights) {
      if (!(head instanceof CultureYearHead both)) {
        return TrainingTask.super.loss(chosen, config, classWeights);
      }
      double smoothing = chosen.kind() == LossConfig.Kind.CROSS_ENTROPY ? chosen.labelSmoothing() : 0;
      return new CultureYearLoss(
          both.classCount(), new CrossEntropyLoss(smoothing), Losses.of(chosen), config.yearLossWeight());
    }

    @Override
    public Evaluator newMetric() {
      return measured() instanceof YearHead year ? new MeanYearError(year) : new Accuracy();
    }

    @Override
    public String metricName() {
      return measured() instanceof YearHead ? "mean_year_error" : "accuracy";
    }

    @Override
    public boolean higherIsBetter() {
      return !(measured() instanceof YearHead);
    }

    @Override
    public NDList metricPredictions(NDList outputs) {
      return head instanceof CultureYearHead both
          ? new NDList(both.cultureOutputs(outputs.singletonOrThrow()))
          : outputs;
    }

    @Override
    public NDList metricLabels(NDList labels) {
      return head instanceof CultureYearHead both
          ? new NDList(both.cultureLabels(labels.singletonOrThrow()))
          : labels;
    }

    @Override
    public int labelWidth(TrainingConfig config) {
      int years = config.yearTarget().labelWidth();
      return head instanceof ClassifierHead ? 1 : head instanceof CultureYearHead ? 1 + years : years;
    }
  }
}

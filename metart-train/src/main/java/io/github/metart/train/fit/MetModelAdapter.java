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
import io.github.metart.models.heads.ClassifierHead;
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
  }
}

package io.github.metart.models.heads;

import ai.djl.ndarray.NDArray;
import com.google.common.base.Preconditions;
import io.github.metart.models.spec.HeadSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier: the outputs are logits, one per class; probabilities are their softmax. The target
 * is the class index.
 */
public final class ClassifierHead implements Head {

  private final HeadSpec.Classifier spec;
  private final List<String> names;

  /** Creates the head for a classifier spec. */
  public ClassifierHead(HeadSpec.Classifier spec) {
    this.spec = Preconditions.checkNotNull(spec, "spec");
    this.names = spec.names();
  }

  @Override
  public HeadSpec.Classifier spec() {
    return spec;
  }

  /** The number of classes. */
  public int classCount() {
    return spec.classes();
  }

  /** The class names in index order (the indices as text when unnamed). */
  public List<String> labels() {
    return names;
  }

  /** The class indices, unchanged. */
  @Override
  public NDArray trainingTargets(NDArray labels) {
    return labels;
  }

  /** Softmax over the classes of a {@code [B, classes]} batch of logits. */
  public NDArray probabilities(NDArray logits) {
    checkOutputs(logits, spec.classes());
    return logits.softmax(1);
  }

  @Override
  public List<ClassPrediction> predict(NDArray outputs) {
    NDArray probabilities = probabilities(outputs);
    float[] flat = probabilities.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    probabilities.close();
    int classes = spec.classes();
    int batch = flat.length / classes;
    List<ClassPrediction> predictions = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      float[] row = new float[classes];
      System.arraycopy(flat, b * classes, row, 0, classes);
      predictions.add(new ClassPrediction(names, row));
    }
    return predictions;
  }

  static void checkOutputs(NDArray outputs, int units) {
    Preconditions.checkArgument(
        outputs.getShape().dimension() == 2 && outputs.getShape().get(1) == units,
        "expected outputs of shape [B, %s], got %s",
        units,
        outputs.getShape());
  }

  @Override
  public String toString() {
    return "ClassifierHead[" + spec.describe() + "]";
  }
}

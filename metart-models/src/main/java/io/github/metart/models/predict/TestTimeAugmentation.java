package io.github.metart.models.predict;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.github.metart.models.MetModel;
import io.github.metart.models.heads.Head;
import io.github.metart.models.heads.Prediction;
import io.github.metart.models.heads.RegressionHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test-time augmentation: a prediction averaged over several views of each image. The views are
 * cut from the prepared square (the stored image, at least the model's input size): its centre
 * crop, with {@link #FLIP} also mirrored, with {@link #FLIP_CROPS} also the four corner crops, each
 * plain and mirrored (ten views). Where the square is the model's input size the corner crops are
 * the centre crop.
 *
 * <p>The average is taken where it is meaningful: a classifier's (or binned-year head's) class
 * probabilities are averaged, and the prediction is made from their logarithm (whose softmax is
 * that average, so the binned head's expected year is the mean of the views' years); a year
 * regression's normalized years are averaged. Every prediction is therefore the mean of the views'
 * probabilities, or of the views' years.
 */
public enum TestTimeAugmentation {
  /** The centre crop alone, as without test-time augmentation. */
  NONE("none", 1),
  /** The centre crop and its mirror image. */
  FLIP("flip", 2),
  /** The centre and four corner crops, each plain and mirrored. */
  FLIP_CROPS("flip-crops", 10);

  private final String key;
  private final int views;

  TestTimeAugmentation(String key, int views) {
    this.key = key;
    this.views = views;
  }

  /** The name in options and {@code metrics.json}: {@code none}, {@code flip} or {@code flip-crops}. */
  public String key() {
    return key;
  }

  /** The number of views each image is predicted from. */
  public int views() {
    return views;
  }

  /** Whether the views need more of the image than the centre crop (the stored square). */
  public boolean usesCrops() {
    return this == FLIP_CROPS;
  }

  /**
   * Parses {@link #key()} (case-insensitive).
   *
   * @throws IllegalArgumentException for anything else, listing the choices
   */
  public static TestTimeAugmentation parse(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (TestTimeAugmentation tta : values()) {
      if (tta.key.equals(wanted)) {
        return tta;
      }
    }
    throw new IllegalArgumentException(
        "unknown test-time augmentation '" + text + "': use none, flip or flip-crops");
  }

  /**
   * The views of a batch of prepared squares, each {@code [B, C, n, n]} for the model input size
   * {@code n}.
   *
   * @param squares float32 {@code [B, C, S, S]}, normalized, with {@code S >= n}
   * @param n the model's input size
   */
  public List<NDArray> views(NDArray squares, int n) {
    Shape shape = squares.getShape();
    checkArgument(
        shape.dimension() == 4 && shape.get(2) == shape.get(3) && shape.get(2) >= n,
        "test-time augmentation needs square images [B, C, S, S] of at least the input size %s, got %s",
        n,
        shape);
    int side = Math.toIntExact(shape.get(2));
    int centre = (side - n) / 2;
    List<int[]> corners = new ArrayList<>();
    corners.add(new int[] {centre, centre});
    if (usesCrops()) {
      int far = side - n;
      corners.add(new int[] {0, 0});
      corners.add(new int[] {0, far});
      corners.add(new int[] {far, 0});
      corners.add(new int[] {far, far});
    }
    List<NDArray> views = new ArrayList<>(this.views);
    for (int[] corner : corners) {
      NDArray crop =
          side == n
              ? squares
              : squares.get(
                  new NDIndex(
                      ":, :, {}:{}, {}:{}", corner[0], corner[0] + n, corner[1], corner[1] + n));
      views.add(crop);
      if (this != NONE) {
        views.add(crop.flip(3));
      }
    }
    return views;
  }

  /**
   * The outputs the head turns into the averaged prediction: for a softmax head the logarithm of
   * the views' mean probabilities, else the views' mean outputs.
   *
   * @param head the model's head
   * @param outputs the head outputs of every view, each {@code [B, units]}
   */
  public static NDArray combine(Head head, List<NDArray> outputs) {
    checkArgument(!outputs.isEmpty(), "no views to combine");
    if (outputs.size() == 1) {
      return outputs.get(0);
    }
    NDList stacked = new NDList(outputs.size());
    // every head but a year regression outputs logits (culture+year: at least its culture outputs)
    boolean softmax = !(head instanceof RegressionHead);
    for (NDArray view : outputs) {
      // a regression predicts each view's year clamped to the range: the mean is of those years,
      // not of raw outputs outside it (which would pull the mean out of the range and clamp it there)
      stacked.add(softmax ? view.softmax(1) : view.clip(0, 1));
    }
    NDArray mean = NDArrays.stack(stacked).mean(new int[] {0});
    return softmax ? mean.log() : mean;
  }

  /**
   * Predicts a batch of prepared squares with this augmentation (with {@link #NONE} and squares of
   * the model's input size, exactly {@link MetModel#predict}).
   *
   * @param model the model
   * @param squares float32 {@code [B, 3, S, S]}, normalized like the training data, {@code S} at
   *     least the model's input size
   */
  public List<? extends Prediction> predict(MetModel model, NDArray squares) {
    int n = model.spec().inputSize();
    if (this == NONE && squares.getShape().get(2) == n) {
      return model.predict(squares);
    }
    try (NDManager scope = squares.getManager().newSubManager()) {
      squares.tempAttach(scope);
      List<NDArray> outputs = new ArrayList<>(views);
      for (NDArray view : views(squares, n)) {
        outputs.add(model.outputs(view.duplicate()));
      }
      return model.head().predict(combine(model.head(), outputs));
    }
  }
}

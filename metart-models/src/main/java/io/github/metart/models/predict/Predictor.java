package io.github.metart.models.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.common.base.Preconditions;
import io.github.metart.data.images.ImageDecodeException;
import io.github.metart.data.images.ImagePreprocessor;
import io.github.metart.data.images.RgbImage;
import io.github.metart.models.MetModel;
import io.github.metart.models.heads.ClassPrediction;
import io.github.metart.models.heads.LabelProbability;
import io.github.metart.models.heads.Prediction;
import io.github.metart.models.heads.YearPrediction;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Predicts images with a model: decodes (files and bytes through the data module's decoder),
 * prepares them with the model's recorded {@link Preprocessing} (resize, crop, centre crop,
 * normalize — the evaluation-mode path of the training data) and runs the model in inference mode,
 * optionally averaging over flipped and cropped views ({@link #testTimeAugmentation(
 * TestTimeAugmentation)}).
 *
 * <pre>{@code
 * try (MetModel model = MetModels.load(Path.of("runs/culture/model"))) {
 *   Predictor predictor = Predictor.of(model);
 *   for (LabelProbability top : predictor.topK(Path.of("vase.jpg"), 3)) {
 *     System.out.println(top.describe());            // e.g. "Japan 0.812"
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe; the model must stay open while the predictor is used.
 */
public final class Predictor {

  private final MetModel model;
  private final ImagePreprocessor preprocessor;
  private final TestTimeAugmentation testTimeAugmentation;

  private Predictor(
      MetModel model, ImagePreprocessor preprocessor, TestTimeAugmentation testTimeAugmentation) {
    this.model = model;
    this.preprocessor = preprocessor;
    this.testTimeAugmentation = testTimeAugmentation;
  }

  /**
   * A predictor that prepares images as the model's training data was prepared ({@link
   * MetModel#preprocessing()}).
   *
   * @throws IllegalArgumentException when the model does not take 3-channel (RGB) images
   */
  public static Predictor of(MetModel model) {
    return of(model, model.preprocessing());
  }

  /**
   * A predictor with explicit preprocessing.
   *
   * @throws IllegalArgumentException when the model does not take 3-channel (RGB) images or the
   *     preprocessing stores images smaller than the model input
   */
  public static Predictor of(MetModel model, Preprocessing preprocessing) {
    Preconditions.checkNotNull(model, "model");
    Preconditions.checkArgument(
        model.spec().inputChannels() == 3,
        "the predictor decodes RGB images, but %s takes %s input channels",
        model.spec().name(),
        model.spec().inputChannels());
    return new Predictor(
        model, preprocessing.preprocessor(model.spec().inputSize()), TestTimeAugmentation.NONE);
  }

  /**
   * This predictor with test-time augmentation: every prediction is averaged over the views of the
   * prepared image (see {@link TestTimeAugmentation}); {@link TestTimeAugmentation#NONE} (the
   * default) predicts the centre crop alone.
   */
  public Predictor testTimeAugmentation(TestTimeAugmentation augmentation) {
    Preconditions.checkNotNull(augmentation, "augmentation");
    return new Predictor(model, preprocessor, augmentation);
  }

  /** The test-time augmentation of every prediction. */
  public TestTimeAugmentation testTimeAugmentation() {
    return testTimeAugmentation;
  }

  /** The model. */
  public MetModel model() {
    return model;
  }

  /** The preprocessor applied to every image. */
  public ImagePreprocessor preprocessor() {
    return preprocessor;
  }

  /**
   * Predicts an image file (JPEG, PNG, WebP, TIFF, GIF, BMP).
   *
   * @throws ImageDecodeException naming the file when it cannot be decoded
   */
  public Prediction predict(Path image) throws ImageDecodeException {
    return predictPrepared(List.of(preprocessor.prepare(image))).get(0);
  }

  /**
   * Predicts an encoded image held in memory.
   *
   * @param bytes the encoded image
   * @param name a name for error messages (file name, URL or object id)
   * @throws ImageDecodeException naming {@code name} when the bytes cannot be decoded
   */
  public Prediction predict(byte[] bytes, String name) throws ImageDecodeException {
    RgbImage decoded =
        preprocessor.decoder().decode(bytes, name, preprocessor.recipe().resizeTo()).image();
    return predictPrepared(List.of(preprocessor.prepare(decoded))).get(0);
  }

  /** Predicts a decoded image (assumed sRGB). */
  public Prediction predict(BufferedImage image) {
    return predictPrepared(List.of(preprocessor.prepare(image))).get(0);
  }

  /**
   * The outcome of one image of {@link #predictEach}: its prediction, or why it has none.
   *
   * @param image the image file
   * @param prediction the prediction, or null when the image could not be predicted
   * @param problem why not (naming the file), or null when predicted
   */
  public record Outcome(Path image, Prediction prediction, String problem) {

    /** Checks that exactly one of prediction and problem is given. */
    public Outcome {
      java.util.Objects.requireNonNull(image, "image");
      Preconditions.checkArgument(
          (prediction == null) != (problem == null), "give a prediction or a problem, not both");
    }

    /** Whether the image was predicted. */
    public boolean predicted() {
      return prediction != null;
    }
  }

  /**
   * Predicts several files in batches of up to {@code batchSize}, in order, going on past the ones
   * that cannot be read or decoded: each of those has an outcome naming the file and the reason, so
   * a large folder with a few bad files still gets every good one predicted.
   */
  public List<Outcome> predictEach(List<Path> images, int batchSize) {
    Preconditions.checkArgument(batchSize >= 1, "batchSize must be at least 1, got %s", batchSize);
    Outcome[] outcomes = new Outcome[images.size()];
    List<Integer> indices = new ArrayList<>();
    List<RgbImage> batch = new ArrayList<>();
    for (int i = 0; i <= images.size(); i++) {
      if (i < images.size()) {
        Path image = images.get(i);
        try {
          if (java.nio.file.Files.isDirectory(image)) {
            throw new java.io.IOException(image + ": is a folder, expected an image file");
          }
          if (!java.nio.file.Files.isRegularFile(image)) {
            throw new java.io.IOException(image + ": no such file");
          }
          batch.add(preprocessor.prepare(image));
          indices.add(i);
        } catch (java.io.IOException | RuntimeException e) {
          String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          outcomes[i] =
              new Outcome(image, null, message.contains(image.toString()) ? message : image + ": " + message);
        }
      }
      if (!batch.isEmpty() && (batch.size() == batchSize || i == images.size())) {
        List<Prediction> predicted = predictPrepared(batch);
        for (int j = 0; j < predicted.size(); j++) {
          int index = indices.get(j);
          outcomes[index] = new Outcome(images.get(index), predicted.get(j), null);
        }
        batch.clear();
        indices.clear();
      }
    }
    return List.of(outcomes);
  }

  /**
   * Predicts several files in batches of up to {@code batchSize}, in order.
   *
   * @throws ImageDecodeException naming the first file that cannot be decoded
   */
  public List<Prediction> predictAll(List<Path> images, int batchSize)
      throws ImageDecodeException {
    Preconditions.checkArgument(batchSize >= 1, "batchSize must be at least 1, got %s", batchSize);
    List<Prediction> predictions = new ArrayList<>(images.size());
    for (int start = 0; start < images.size(); start += batchSize) {
      List<RgbImage> batch = new ArrayList<>();
      for (Path image : images.subList(start, Math.min(images.size(), start + batchSize))) {
        batch.add(preprocessor.prepare(image));
      }
      predictions.addAll(predictPrepared(batch));
    }
    return predictions;
  }

  /**
   * The {@code k} most probable labels of an image file, most probable first.
   *
   * @throws IllegalStateException when the model predicts years, not classes
   * @throws ImageDecodeException naming the file when it cannot be decoded
   */
  public List<LabelProbability> topK(Path image, int k) throws ImageDecodeException {
    return topKOf(predict(image), k);
  }

  /**
   * The {@code k} most probable labels of an encoded image held in memory, most probable first.
   *
   * @param bytes the encoded image
   * @param name a name for error messages (file name, URL or object id)
   * @param k at least 1
   * @throws IllegalStateException when the model predicts years, not classes
   * @throws ImageDecodeException naming {@code name} when the bytes cannot be decoded
   */
  public List<LabelProbability> topK(byte[] bytes, String name, int k)
      throws ImageDecodeException {
    return topKOf(predict(bytes, name), k);
  }

  /**
   * The {@code k} most probable labels of a decoded image (assumed sRGB), most probable first.
   *
   * @throws IllegalStateException when the model predicts years, not classes
   */
  public List<LabelProbability> topK(BufferedImage image, int k) {
    return topKOf(predict(image), k);
  }

  /**
   * The predicted year of an image file.
   *
   * @throws IllegalStateException when the model predicts classes, not years
   * @throws ImageDecodeException naming the file when it cannot be decoded
   */
  public double year(Path image) throws ImageDecodeException {
    return yearOf(predict(image));
  }

  /**
   * The predicted year of an encoded image held in memory.
   *
   * @param bytes the encoded image
   * @param name a name for error messages (file name, URL or object id)
   * @throws IllegalStateException when the model predicts classes, not years
   * @throws ImageDecodeException naming {@code name} when the bytes cannot be decoded
   */
  public double year(byte[] bytes, String name) throws ImageDecodeException {
    return yearOf(predict(bytes, name));
  }

  /**
   * The predicted year of a decoded image (assumed sRGB).
   *
   * @throws IllegalStateException when the model predicts classes, not years
   */
  public double year(BufferedImage image) {
    return yearOf(predict(image));
  }

  private List<LabelProbability> topKOf(Prediction prediction, int k) {
    if (prediction instanceof ClassPrediction classes) {
      return classes.topK(k);
    }
    if (prediction instanceof io.github.metart.models.heads.CultureYearPrediction both) {
      return both.culture().topK(k);
    }
    throw new IllegalStateException(
        model.spec().name() + " predicts years (" + model.spec().head().describe() + "), not labels");
  }

  private double yearOf(Prediction prediction) {
    if (prediction instanceof YearPrediction year) {
      return year.year();
    }
    if (prediction instanceof io.github.metart.models.heads.CultureYearPrediction both) {
      return both.year().year();
    }
    throw new IllegalStateException(
        model.spec().name() + " predicts labels (" + model.spec().head().describe() + "), not years");
  }

  private List<Prediction> predictPrepared(List<RgbImage> prepared) {
    if (testTimeAugmentation != TestTimeAugmentation.NONE) {
      return predictViews(prepared);
    }
    int size = preprocessor.inputSize();
    int sample = 3 * size * size;
    float[] batch = new float[prepared.size() * sample];
    for (int i = 0; i < prepared.size(); i++) {
      System.arraycopy(preprocessor.toChw(prepared.get(i)), 0, batch, i * sample, sample);
    }
    try (NDManager manager = model.djlModel().getNDManager().newSubManager()) {
      NDArray images = manager.create(batch, new Shape(prepared.size(), 3, size, size));
      return new ArrayList<>(model.predict(images));
    }
  }

  /** Test-time augmentation: the whole prepared squares, normalized, averaged over the views. */
  private List<Prediction> predictViews(List<RgbImage> prepared) {
    int side = preprocessor.recipe().cropTo();
    int sample = 3 * side * side;
    float[] batch = new float[prepared.size() * sample];
    java.nio.FloatBuffer out = java.nio.FloatBuffer.wrap(batch);
    for (int i = 0; i < prepared.size(); i++) {
      RgbImage image = prepared.get(i);
      preprocessor.normalization().writeChw(image.pixels(), 0, side, 0, 0, side, false, out, i * sample);
    }
    try (NDManager manager = model.djlModel().getNDManager().newSubManager()) {
      NDArray squares = manager.create(batch, new Shape(prepared.size(), 3, side, side));
      return new ArrayList<>(testTimeAugmentation.predict(model, squares));
    }
  }
}

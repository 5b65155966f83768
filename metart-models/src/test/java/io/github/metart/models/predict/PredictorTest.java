package io.github.metart.models.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Record;
import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImageDecodeException;
import io.github.metart.data.images.ImagePreprocessor;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.loading.CachedImageDataset;
import io.github.metart.data.loading.ImageExample;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.heads.ClassPrediction;
import io.github.metart.models.heads.LabelProbability;
import io.github.metart.models.heads.Prediction;
import io.github.metart.models.heads.YearPrediction;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.metart.models.engine.MetEngine;

/**
 * The predictor sees a real Met image exactly as the training dataset does: same pixels through
 * the prepared cache and the dataset as through the predictor's decoding of the original file.
 */
class PredictorTest {

  private static final List<Long> IDS = List.of(10808L, 13338L);
  private static final int INPUT = 64;

  @TempDir static Path dir;
  private static Path images;
  private static PreparedCache cache;
  private static CachedImageDataset dataset;
  private static MetModel classifier;
  private static NDManager manager;

  @BeforeAll
  static void prepare() throws IOException {
    String sample = System.getProperty("metart.sample.dir");
    assumeThat(sample != null && Files.isDirectory(Path.of(sample, "images")))
        .as("the real Met sample is absent (system property metart.sample.dir=" + sample + ")")
        .isTrue();
    images = Path.of(sample, "images");
    ImageRecipe recipe = ImageRecipe.forInput(INPUT);
    cache =
        CachePreparer.builder(recipe).root(dir.resolve("cache")).threads(1).build()
            .prepare(IDS, FolderImageSource.open(images))
            .open();
    dataset =
        CachedImageDataset.builder()
            .cache(cache)
            .examples(IDS.stream().map(id -> new ImageExample(id, 0f)).toList())
            .inputSize(INPUT)
            .seed(1)
            .setSampling(1, false)
            .build();
    classifier =
        MetModels.resnet(18).inputSize(INPUT).classifier(List.of("American", "French", "Japan"));
    classifier.setPreprocessing(Preprocessing.of(cache.recipe(), dataset.normalization()));
    manager = MetEngine.newManager(null);
  }

  @AfterAll
  static void close() {
    if (manager != null) {
      manager.close();
      classifier.close();
      dataset.close();
      cache.close();
    }
  }

  private static Path file(long id) {
    return images.resolve(id + ".webp");
  }

  @Test
  void aFileIsPredictedExactlyAsTheTrainingRecordOfItsObject() throws IOException {
    Predictor predictor = Predictor.of(classifier);
    for (int index = 0; index < IDS.size(); index++) {
      try (NDManager scope = manager.newSubManager()) {
        Record record = dataset.get(scope, index);
        NDArray trained = record.getData().singletonOrThrow().expandDims(0);
        Prediction expected = classifier.predict(trained).get(0);

        Prediction predicted = predictor.predict(file(dataset.objectIdAt(index)));

        assertThat(predicted).isEqualTo(expected);
      }
    }
  }

  @Test
  void bytesAndBatchesGiveTheSamePredictionsAsFiles() throws IOException {
    Predictor predictor = Predictor.of(classifier);
    Prediction first = predictor.predict(file(IDS.get(0)));

    assertThat(predictor.predict(Files.readAllBytes(file(IDS.get(0))), "10808.webp"))
        .isEqualTo(first);
    List<Prediction> all = predictor.predictAll(List.of(file(IDS.get(0)), file(IDS.get(1))), 2);
    assertThat(all).hasSize(2);
    ClassPrediction batched = (ClassPrediction) all.get(0);
    ClassPrediction single = (ClassPrediction) first;
    for (int i = 0; i < 3; i++) {
      assertThat(batched.probability(i)).isCloseTo(single.probability(i), offset(1e-5f));
    }
  }

  @Test
  void topKListsLabelsWithProbabilities() throws IOException {
    List<LabelProbability> top = Predictor.of(classifier).topK(file(IDS.get(1)), 2);

    assertThat(top).hasSize(2);
    assertThat(top.get(0).probability()).isGreaterThanOrEqualTo(top.get(1).probability());
    assertThat(List.of("American", "French", "Japan")).contains(top.get(0).label());
    assertThatThrownBy(() -> Predictor.of(classifier).year(file(IDS.get(1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("resnet18 predicts labels (classifier (3 classes)), not years");
  }

  @Test
  void aBufferedImageIsPredictedAsTheSameImageFromAFileOrBytes() throws IOException {
    // an image small enough that the file is decoded whole, like ImageIO.read does
    BufferedImage image = new BufferedImage(90, 70, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, (x * 255 / 89) << 16 | (y * 255 / 69) << 8 | ((x + y) * 7 & 0xFF));
      }
    }
    Path png = dir.resolve("gradient.png");
    ImageIO.write(image, "png", png.toFile());
    Predictor predictor = Predictor.of(classifier);

    Prediction fromImage = predictor.predict(ImageIO.read(png.toFile()));

    assertThat(fromImage).isInstanceOf(ClassPrediction.class);
    assertThat(fromImage).isEqualTo(predictor.predict(png));
    assertThat(fromImage).isEqualTo(predictor.predict(Files.readAllBytes(png), "gradient.png"));
    assertThat(predictor.topK(image, 3)).isEqualTo(predictor.topK(png, 3));
  }

  @Test
  void aDecodedMetImageIsPreparedLikeItsFile() throws IOException {
    Predictor predictor = Predictor.of(classifier);
    ImagePreprocessor preprocessor = predictor.preprocessor();
    BufferedImage decoded = ImageIO.read(file(IDS.get(0)).toFile());

    float[] fromFile = preprocessor.toChw(preprocessor.prepare(file(IDS.get(0))));
    float[] fromImage = preprocessor.toChw(preprocessor.prepare(decoded));

    // a large file is decoded subsampled for the model's input while an ImageIO image is resized
    // from full size: the inputs differ by resampling only (an untrained network can magnify even
    // that, so the inputs are compared, not the probabilities)
    assertThat(fromImage).hasSameSizeAs(fromFile);
    double sum = 0;
    for (int i = 0; i < fromFile.length; i++) {
      sum += Math.abs(fromImage[i] - fromFile[i]);
    }
    double meanDifference = sum / fromFile.length;
    assertThat(meanDifference).as("mean difference of the normalized inputs").isLessThan(0.05);
    assertThat(predictor.predict(decoded)).isInstanceOf(ClassPrediction.class);
  }

  @Test
  void topKAndYearWorkOnBytesAndDecodedImages() throws IOException {
    byte[] bytes = Files.readAllBytes(file(IDS.get(1)));
    Predictor predictor = Predictor.of(classifier);

    assertThat(predictor.topK(bytes, "13338.webp", 2)).isEqualTo(predictor.topK(file(IDS.get(1)), 2));
    assertThatThrownBy(() -> predictor.year(bytes, "13338.webp"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("resnet18 predicts labels (classifier (3 classes)), not years");
    try (MetModel year = MetModels.alexnet().hiddenUnits(16).inputSize(INPUT).regression(1600, 1900)) {
      Predictor years = Predictor.of(year);
      BufferedImage decoded = ImageIO.read(file(IDS.get(1)).toFile());

      assertThat(years.year(bytes, "13338.webp")).isEqualTo(years.year(file(IDS.get(1))));
      assertThat(years.year(decoded))
          .isEqualTo(((YearPrediction) years.predict(decoded)).year())
          .isBetween(1600.0, 1900.0);
      assertThatThrownBy(() -> years.topK(decoded, 2))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("alexnet predicts years (regression (1600..1900)), not labels");
    }
  }

  @Test
  void yearModelsPredictAYear() throws IOException {
    try (MetModel year = MetModels.alexnet().hiddenUnits(16).inputSize(INPUT).binnedYear(1600, 1900, 6)) {
      Predictor predictor = Predictor.of(year);

      double predicted = predictor.year(file(IDS.get(0)));

      assertThat(predicted).isBetween(1600.0, 1900.0);
      assertThat(((YearPrediction) predictor.predict(file(IDS.get(0)))).binProbabilities()).hasSize(6);
      assertThatThrownBy(() -> predictor.topK(file(IDS.get(0)), 3))
          .hasMessage("alexnet predicts years (binned-year (1600..1900, 6 bins)), not labels");
    }
  }

  @Test
  void undecodableImagesAreNamed() throws IOException {
    Path broken = Files.write(dir.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
    Predictor predictor = Predictor.of(classifier);

    assertThatThrownBy(() -> predictor.predict(broken))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining("broken.jpg");
    assertThatThrownBy(() -> predictor.predict(new byte[] {1, 2, 3}, "object 42"))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining("object 42");
  }

  @Test
  void modelsWithOtherThanThreeChannelsAreRefused() {
    try (MetModel grey = MetModels.resnet(18).inputSize(INPUT).inputChannels(1).classifier(2)) {
      assertThatThrownBy(() -> Predictor.of(grey))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the predictor decodes RGB images, but resnet18 takes 1 input channels");
    }
  }
}

package io.github.metart.models.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.Normalization;
import io.github.metart.data.images.RgbImage;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.heads.ClassPrediction;
import io.github.metart.models.heads.YearPrediction;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Test-time augmentation: the views, their average, and a mirror-symmetric image. */
class TestTimeAugmentationTest {

  private static final int INPUT = 32;
  private static final int SQUARE = 36;
  private static final Preprocessing PREPROCESSING =
      Preprocessing.of(ImageRecipe.of(SQUARE, SQUARE), Normalization.IMAGENET);

  private static MetModel classifier;
  private static MetModel years;

  @BeforeAll
  static void models() {
    classifier = MetModels.resnet(18).inputSize(INPUT).classifier(List.of("a", "b", "c", "d"));
    classifier.setPreprocessing(PREPROCESSING);
    years = MetModels.resnet(18).inputSize(INPUT).regression(1500, 1900);
    years.setPreprocessing(PREPROCESSING);
  }

  @AfterAll
  static void close() {
    classifier.close();
    years.close();
  }

  /** A square picture; mirror-symmetric about its vertical axis when {@code symmetric}. */
  private static BufferedImage picture(boolean symmetric) {
    BufferedImage image = new BufferedImage(SQUARE, SQUARE, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < SQUARE; y++) {
      for (int x = 0; x < SQUARE; x++) {
        int u = symmetric ? Math.min(x, SQUARE - 1 - x) : x;
        int r = (u * 14 + y * 3) & 0xff;
        int g = (u * u * 5 + 40) & 0xff;
        int b = ((u ^ y) * 9) & 0xff;
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return image;
  }

  @Test
  void aMirrorSymmetricImageIsPredictedAsWithoutAugmentation() {
    BufferedImage symmetric = picture(true);
    Predictor plain = Predictor.of(classifier);
    RgbImage prepared = plain.preprocessor().prepare(symmetric);
    for (int y = 0; y < SQUARE; y++) {
      for (int x = 0; x < SQUARE; x++) {
        assertThat(prepared.rgb(x, y)).as("the prepared square is symmetric").isEqualTo(prepared.rgb(SQUARE - 1 - x, y));
      }
    }
    ClassPrediction expected = (ClassPrediction) plain.predict(symmetric);
    ClassPrediction flipped =
        (ClassPrediction) plain.testTimeAugmentation(TestTimeAugmentation.FLIP).predict(symmetric);
    assertThat(flipped.probabilities()).containsExactly(expected.probabilities(), offset(1e-6f));
    YearPrediction year = (YearPrediction) Predictor.of(years).predict(symmetric);
    assertThat(Predictor.of(years).testTimeAugmentation(TestTimeAugmentation.FLIP).year(symmetric))
        .isCloseTo(year.year(), offset(1e-3));

    // an image that is not symmetric is predicted otherwise with the flip
    BufferedImage other = picture(false);
    ClassPrediction once = (ClassPrediction) plain.predict(other);
    ClassPrediction twice =
        (ClassPrediction) plain.testTimeAugmentation(TestTimeAugmentation.FLIP).predict(other);
    assertThat(twice.probabilities()).isNotEqualTo(once.probabilities());
  }

  /** The view at (x, y) of the prepared square, mirrored or not, as the model sees it. */
  private static float[] view(RgbImage prepared, int x, int y, boolean mirror) {
    float[] out = new float[3 * INPUT * INPUT];
    Normalization.IMAGENET.writeChw(prepared.pixels(), 0, SQUARE, x, y, INPUT, mirror, FloatBuffer.wrap(out), 0);
    return out;
  }

  @Test
  void theAverageIsTheMeanOfTheViewsProbabilitiesOrYears() {
    BufferedImage image = picture(false);
    Predictor predictor = Predictor.of(classifier);
    RgbImage prepared = predictor.preprocessor().prepare(image);
    int far = SQUARE - INPUT;
    int[][] corners = {{2, 2}, {0, 0}, {far, 0}, {0, far}, {far, far}};
    float[] mean = new float[4];
    double meanYear = 0;
    try (NDManager manager = classifier.djlModel().getNDManager().newSubManager()) {
      for (int[] corner : corners) {
        for (boolean mirror : new boolean[] {false, true}) {
          float[] view = view(prepared, corner[0], corner[1], mirror);
          ClassPrediction one =
              (ClassPrediction) classifier.predict(manager.create(view, new Shape(1, 3, INPUT, INPUT))).get(0);
          for (int c = 0; c < 4; c++) {
            mean[c] += one.probability(c) / 10f;
          }
          meanYear +=
              ((YearPrediction) years.predict(manager.create(view, new Shape(1, 3, INPUT, INPUT))).get(0)).year()
                  / 10;
        }
      }
    }
    ClassPrediction averaged =
        (ClassPrediction) predictor.testTimeAugmentation(TestTimeAugmentation.FLIP_CROPS).predict(image);
    assertThat(averaged.probabilities()).containsExactly(mean, offset(1e-5f));
    assertThat(Predictor.of(years).testTimeAugmentation(TestTimeAugmentation.FLIP_CROPS).year(image))
        .isCloseTo(meanYear, offset(1e-2));
    // without augmentation: the centre crop alone
    assertThat(predictor.testTimeAugmentation(TestTimeAugmentation.NONE).predict(image))
        .isEqualTo(predictor.predict(image));
  }

  @Test
  void aRegressionAveragesTheViewsYearsAsEachIsPredictedClampedToTheRange() {
    try (NDManager manager = years.djlModel().getNDManager().newSubManager()) {
      // one view far beyond the range (1.5, i.e. 2100 before clamping) and one inside (0.5)
      NDArray combined =
          TestTimeAugmentation.combine(
              years.head(), List.of(manager.create(new float[] {1.5f}, new Shape(1, 1)), manager.create(new float[] {0.5f}, new Shape(1, 1))));
      // the views predict 1900 and 1700: their mean is 1800, not the clamped mean of raw outputs (1900)
      assertThat(combined.getFloat(0, 0)).isCloseTo(0.75f, offset(1e-6f));
    }
  }

  @Test
  void namesParseAndCountTheirViews() {
    assertThat(TestTimeAugmentation.parse(" Flip-Crops ")).isEqualTo(TestTimeAugmentation.FLIP_CROPS);
    assertThat(TestTimeAugmentation.parse("flip").views()).isEqualTo(2);
    assertThat(TestTimeAugmentation.FLIP_CROPS.views()).isEqualTo(10);
    assertThat(TestTimeAugmentation.NONE.key()).isEqualTo("none");
    assertThatThrownBy(() -> TestTimeAugmentation.parse("five-crops"))
        .hasMessage("unknown test-time augmentation 'five-crops': use none, flip or flip-crops");
  }
}

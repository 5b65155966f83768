package io.github.metart.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.metart.models.heads.ClassPrediction;
import io.github.metart.models.heads.Prediction;
import io.github.metart.models.heads.YearHead;
import io.github.metart.models.heads.YearPrediction;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.github.metart.models.engine.MetEngine;

/** Batch prediction through a model, the way evaluation calls it. */
class MetModelTest {

  @Test
  void predictGivesOnePredictionPerImageMatchingTheHead() {
    try (MetModel model =
            MetModels.alexnet().hiddenUnits(16).inputSize(64).classifier(List.of("a", "b", "c"));
        NDManager manager = MetEngine.newManager(null)) {
      NDArray images = manager.randomNormal(model.inputShape(3));

      List<? extends Prediction> predictions = model.predict(images);

      assertThat(predictions).hasSize(3).allSatisfy(p -> assertThat(p).isInstanceOf(ClassPrediction.class));
      ClassPrediction first = (ClassPrediction) predictions.get(0);
      float sum = first.probability(0) + first.probability(1) + first.probability(2);
      assertThat(sum).isCloseTo(1f, within(1e-5f));
      assertThat(model.head().predict(model.outputs(images))).isEqualTo(predictions);
      // inference is deterministic: dropout is off
      assertThat(model.predict(images)).isEqualTo(predictions);
    }
  }

  @Test
  void yearModelsPredictYearsInsideTheirRange() {
    try (MetModel model = MetModels.resnet(18).inputSize(64).regression(-500, 1900);
        NDManager manager = MetEngine.newManager(null)) {
      List<? extends Prediction> predictions = model.predict(manager.randomNormal(model.inputShape(2)));

      assertThat(predictions)
          .hasSize(2)
          .allSatisfy(p -> assertThat(((YearPrediction) p).year()).isBetween(-500.0, 1900.0));
      assertThat(((YearHead) model.head()).maxYear()).isEqualTo(1900);
    }
  }

  @Test
  void imagesOfTheWrongShapeAreRefusedWithTheExpectedShape() {
    try (MetModel model = MetModels.resnet(18).inputSize(64).classifier(2);
        NDManager manager = MetEngine.newManager(null)) {
      NDArray images = manager.zeros(new Shape(1, 3, 32, 32));

      assertThatThrownBy(() -> model.predict(images))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("resnet18 expects images of shape [B, 3, 64, 64], got (1, 3, 32, 32)");
    }
  }
}

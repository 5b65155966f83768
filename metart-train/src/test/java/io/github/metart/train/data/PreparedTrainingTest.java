package io.github.metart.train.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.images.ImageRecipe;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.spec.ModelRecipe;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.fit.FitResult;
import io.github.metart.train.fit.Trainer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedTrainingTest {

  @TempDir Path temp;

  @Test
  void theModelFolderRecordsThePreprocessingOfTheCacheItWasTrainedOn() throws Exception {
    // a cache of 48 px squares resized from 56 px; the model trains on 32 px crops of them
    Path folder = PreparedFolders.culture(temp.resolve("prepared"), 16, 8, 48, 0);
    PreparedTraining training = PreparedTraining.on(folder);
    assertThat(training.preparedInputSize()).isEqualTo(ImageRecipe.of(56, 48).inputSize()).isEqualTo(42);
    assertThat(training.cacheFor(32)).contains(ImageRecipe.of(56, 48).key());

    FitResult result =
        training.train(
            ModelRecipe.of("resnet18", 32),
            TrainingConfig.builder().epochs(1).batchSize(8).devices(DeviceChoice.cpu()).build(),
            Trainer.builder().outputDirectory(temp.resolve("run")).build());

    try (MetModel model = MetModels.load(result.modelFolder().orElseThrow())) {
      assertThat(model.spec().inputSize()).isEqualTo(32);
      assertThat(model.preprocessing().recipe())
          .as("the cache's recipe, not the default for 24 px (%s)", ImageRecipe.forInput(32))
          .isEqualTo(ImageRecipe.of(56, 48));
    }
  }
}

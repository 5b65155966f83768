package io.github.metart.models.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.Normalization;
import io.github.metart.data.images.ResizeFilter;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.heads.ClassifierHead;
import io.github.metart.models.heads.YearPrediction;
import io.github.metart.models.predict.Preprocessing;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.SpecJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.metart.models.engine.MetEngine;

/** Save, load, and what loading refuses. */
class ModelFolderTest {

  @TempDir Path dir;
  private NDManager manager;

  @BeforeEach
  void openManager() {
    manager = MetEngine.newManager(null);
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  @Test
  void saveThenLoadGivesIdenticalOutputs() throws IOException {
    Path folder = dir.resolve("culture");
    NDArray images = manager.randomNormal(new ai.djl.ndarray.types.Shape(2, 3, 64, 64));
    float[] before;
    try (MetModel model =
        MetModels.resnet(18).inputSize(64).dropout(0.2).classifier(List.of("Japan", "China", "Egypt"))) {
      before = model.outputs(images).toFloatArray();
      model.save(folder);
    }

    try (MetModel loaded = MetModels.load(folder)) {
      assertThat(loaded.outputs(images).toFloatArray()).containsExactly(before);
      assertThat(((ClassifierHead) loaded.head()).labels()).containsExactly("Japan", "China", "Egypt");
      assertThat(loaded.spec().dropout()).isEqualTo(0.2);
    }
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "spec.json", "preprocessing.json", "model.json", "weights-0000.params");
    }
    ModelFolderInfo info = ModelFolder.readInfo(folder);
    assertThat(info.format()).isEqualTo(1);
    assertThat(info.name()).isEqualTo("resnet18");
    assertThat(info.engine()).isEqualTo("PyTorch 2.7.1");
    assertThat(info.parameters()).isEqualTo(11_689_512 - 997 * 513);
  }

  @Test
  void batchNormStatisticsAndYearHeadsSurviveTheRoundTrip() {
    Path folder = dir.resolve("year");
    NDArray images = manager.randomNormal(new ai.djl.ndarray.types.Shape(1, 3, 64, 64));
    List<YearPrediction> before;
    try (MetModel model = MetModels.alexnet().batchNorm(true).hiddenUnits(16).inputSize(64)
        .binnedYear(1500, 1900, 8)) {
      // move the running statistics away from their 0/1 initialization
      model.parameters().get("backbone_features_1_runningMean").addi(0.5f);
      before = yearPredictions(model, images);
      model.save(folder);
    }

    try (MetModel loaded = MetModels.load(folder)) {
      assertThat(yearPredictions(loaded, images)).isEqualTo(before);
      assertThat(loaded.spec().head()).isEqualTo(HeadSpec.binnedYear(1500, 1900, 8));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<YearPrediction> yearPredictions(MetModel model, NDArray images) {
    return (List<YearPrediction>) model.predict(images);
  }

  @Test
  void savingAgainReplacesTheFolderCleanly() throws IOException {
    Path folder = dir.resolve("model");
    try (MetModel first = MetModels.alexnet().hiddenUnits(16).inputSize(64).classifier(2);
        MetModel second = MetModels.alexnet().hiddenUnits(16).inputSize(64).regression(1, 9)) {
      first.save(folder);
      second.save(folder);
    }

    try (MetModel loaded = MetModels.load(folder)) {
      assertThat(loaded.spec().head()).isEqualTo(HeadSpec.regression(1, 9));
    }
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("model");
    }
  }

  @Test
  void savingRefusesToOverwriteAFolderThatIsNotAModel() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(folder.resolve("holiday.jpg"), "not a model");

    try (MetModel model = MetModels.alexnet().hiddenUnits(16).inputSize(64).classifier(2)) {
      assertThatThrownBy(() -> model.save(folder))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "refusing to overwrite " + folder + ": it exists and is not a metart model folder");
    }
    assertThat(folder.resolve("holiday.jpg")).hasContent("not a model");
  }

  @Test
  void loadingNamesWhatIsMissingOrWrong() throws IOException {
    Path folder = dir.resolve("model");
    try (MetModel model = MetModels.alexnet().hiddenUnits(64).inputSize(64).classifier(3)) {
      model.save(folder);
    }

    assertThatThrownBy(() -> MetModels.load(dir.resolve("nothing")))
        .hasMessage("model folder " + dir.resolve("nothing") + " does not exist");
    assertThatThrownBy(() -> MetModels.load(dir))
        .hasMessage(dir + " is not a metart model folder: spec.json is missing");

    // a spec whose knobs do not match the weights
    Path specFile = folder.resolve("spec.json");
    String spec = Files.readString(specFile);
    Files.writeString(specFile, spec.replace("\"hiddenUnits\" : 64", "\"hiddenUnits\" : 65"));
    assertThatThrownBy(() -> MetModels.load(folder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            folder.resolve("weights-0000.params")
                + ": parameter backbone_classifier_1_weight has shape (64, 9216) but alexnet in"
                + " spec.json needs (65, 9216)");

    // a spec of another layout
    Files.writeString(specFile, spec.replace("\"batchNorm\" : false", "\"batchNorm\" : true"));
    assertThatThrownBy(() -> MetModels.load(folder))
        .hasMessageStartingWith(
            folder.resolve("weights-0000.params") + " does not hold the weights of alexnet_bn");

    // truncated weights: the reason, not "null"
    Files.writeString(specFile, spec);
    Path weights = folder.resolve("weights-0000.params");
    byte[] whole = Files.readAllBytes(weights);
    Files.write(weights, java.util.Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> MetModels.load(folder))
        .hasMessageStartingWith(weights + " ")
        .hasMessageContaining("ends early (truncated")
        .hasMessageNotContaining("null");
    Files.delete(folder.resolve("weights-0000.params"));
    assertThatThrownBy(() -> MetModels.load(folder))
        .hasMessage(folder + " has no weights file (weights-NNNN.params)");
  }

  @Test
  void aFolderFromANewerFormatIsRefused() throws IOException {
    Path folder = dir.resolve("model");
    try (MetModel model = MetModels.alexnet().hiddenUnits(16).inputSize(64).classifier(2)) {
      model.save(folder);
    }
    Path info = folder.resolve("model.json");
    Files.writeString(info, Files.readString(info).replace("\"format\" : 1", "\"format\" : 2"));

    assertThatThrownBy(() -> MetModels.load(folder))
        .hasMessageStartingWith(info + ": model folder format 2 was written by a newer metart");
  }

  @Test
  void theSpecFileIsReadableJson() {
    Path folder = dir.resolve("model");
    try (MetModel model = MetModels.alexnet().hiddenUnits(16).inputSize(64).regression(1500, 1900)) {
      model.save(folder);
      assertThat(SpecJson.read(folder.resolve("spec.json"))).isEqualTo(model.spec());
    }
  }

  @Test
  void preprocessingIsSavedWithTheModel() {
    Path folder = dir.resolve("model");
    Preprocessing preprocessing =
        Preprocessing.of(
            ImageRecipe.of(80, 72).withFilter(ResizeFilter.BICUBIC),
            Normalization.of(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f}));
    try (MetModel model = MetModels.alexnet().hiddenUnits(16).inputSize(64).classifier(2)) {
      assertThat(model.preprocessing()).isEqualTo(Preprocessing.defaults(64));
      model.setPreprocessing(preprocessing).save(folder);
    }

    try (MetModel loaded = MetModels.load(folder)) {
      assertThat(loaded.preprocessing()).isEqualTo(preprocessing);
      assertThat(loaded.preprocessing().recipe().filter()).isEqualTo(ResizeFilter.BICUBIC);
    }
  }

  @Test
  void preprocessingSmallerThanTheInputIsRefused() {
    try (MetModel model = MetModels.alexnet().hiddenUnits(16).inputSize(64).classifier(2)) {
      assertThatThrownBy(() -> model.setPreprocessing(Preprocessing.defaults(48)))
          .hasMessage("the preprocessing stores 55 px images, smaller than the 64 px input of alexnet");
    }
  }
}

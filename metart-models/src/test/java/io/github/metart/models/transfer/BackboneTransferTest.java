package io.github.metart.models.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.ModelBuilder;
import io.github.metart.models.heads.RegressionHead;
import io.github.metart.models.spec.HeadSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.metart.models.engine.MetEngine;

/** Loading backbones from folders, DJL files and named arrays; swapping heads. */
class BackboneTransferTest {

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

  /** A small AlexNet with batch norm (2.5 M parameters, has running statistics). */
  private static ModelBuilder tiny() {
    return MetModels.alexnet().batchNorm(true).hiddenUnits(16).inputSize(64);
  }

  private static Map<String, float[]> snapshot(MetModel model) {
    Map<String, float[]> values = new LinkedHashMap<>();
    model.parameters().forEach((name, array) -> values.put(name, array.toFloatArray()));
    return values;
  }

  private static void assertBackboneEquals(MetModel a, MetModel b) {
    Map<String, float[]> left = snapshot(a);
    Map<String, float[]> right = snapshot(b);
    left.keySet().stream()
        .filter(name -> name.startsWith("backbone_"))
        .forEach(name -> assertThat(Arrays.equals(left.get(name), right.get(name))).as(name).isTrue());
  }

  /** Moves running statistics away from 0/1 so their transfer is visible. */
  private static void perturbStatistics(MetModel model) {
    model.parameters().forEach((name, array) -> {
      if (name.endsWith("runningMean") || name.endsWith("runningVar")) {
        array.addi(0.25f);
      }
    });
  }

  @Test
  void loadsTheBackboneOfAModelFolderWithAnotherHead() {
    Path folder = dir.resolve("culture");
    try (MetModel source = tiny().classifier(5);
        MetModel target = tiny().regression(1500, 1900)) {
      perturbStatistics(source);
      source.save(folder);
      float[] headBefore = target.parameters().get("head_weight").toFloatArray();

      TransferReport report = target.loadBackbone(folder);

      assertBackboneEquals(source, target);
      assertThat(Arrays.equals(target.parameters().get("head_weight").toFloatArray(), headBefore)).isTrue();
      assertThat(report.isComplete()).isTrue();
      assertThat(report.naming()).isEqualTo("metart");
      assertThat(report.loaded()).hasSize(14 + 5 * 4).contains("backbone_features_1_runningMean");
      assertThat(report.skipped()).containsExactly("head_weight", "head_bias");
      assertThat(report.missing()).isEmpty();
      assertThat(report.describe())
          .isEqualTo(
              "loaded 34 backbone parameters from "
                  + folder
                  + " (metart names); skipped 2 (head_weight, head_bias); unused 0; missing 0;"
                  + " shape mismatches 0");
    }
  }

  @Test
  void loadsABareDjlParamsFileSavedByMetart() throws IOException {
    Path folder = dir.resolve("checkpoint");
    Path params = dir.resolve("backbone.params");
    try (MetModel source = tiny().classifier(5);
        MetModel target = tiny().binnedYear(1500, 1900, 8)) {
      perturbStatistics(source);
      source.save(folder);
      Files.copy(folder.resolve("weights-0000.params"), params);

      TransferReport report = target.loadBackbone(params);

      assertBackboneEquals(source, target);
      assertThat(report.loaded()).hasSize(34);
      assertThat(report.skipped()).isEmpty();
    }
  }

  @Test
  void aDjlParamsFileOfAnotherLayoutIsRefused() throws IOException {
    Path folder = dir.resolve("checkpoint");
    Path params = dir.resolve("other.params");
    try (MetModel source = MetModels.alexnet().hiddenUnits(16).inputSize(64).classifier(5);
        MetModel target = tiny().classifier(5)) {
      source.save(folder);
      Files.copy(folder.resolve("weights-0000.params"), params);

      assertThatThrownBy(() -> target.loadBackbone(params))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              params + " does not hold a alexnet_bn backbone saved by metart (its layout differs)");
    }
  }

  private Path writeNamed(Map<String, NDArray> arrays, String fileName, NDList.Encoding encoding)
      throws IOException {
    NDList list = new NDList();
    arrays.forEach(
        (name, array) -> {
          NDArray copy = array.duplicate();
          copy.setName(name);
          list.add(copy);
        });
    Path file = dir.resolve(fileName);
    try (OutputStream out = Files.newOutputStream(file)) {
      list.encode(out, encoding);
    }
    return file;
  }

  @Test
  void loadsTorchvisionNamedArraysFromNpzAndSafetensors() throws IOException {
    try (MetModel source = tiny().classifier(1000);
        MetModel target = tiny().classifier(15)) {
      perturbStatistics(source);
      // a torchvision state dict: classifier.6 is the head, BN layers count their batches
      Map<String, NDArray> torchvision = new LinkedHashMap<>();
      source.parameters().forEach((name, array) -> {
        String key =
            name.startsWith("head_") ? "classifier.6." + name.substring(5) : TorchvisionNames.of(name);
        torchvision.put(key, array);
        if (name.endsWith("runningVar")) {
          torchvision.put(key.replace("running_var", "num_batches_tracked"),
              manager.create(new long[] {7}).reshape(new Shape()));
        }
      });

      for (Map.Entry<String, NDList.Encoding> format :
          Map.of("alexnet_bn.npz", NDList.Encoding.NPZ,
              "alexnet_bn.safetensors", NDList.Encoding.SAFETENSORS).entrySet()) {
        Path file = writeNamed(torchvision, format.getKey(), format.getValue());

        TransferReport report = target.loadBackbone(file);

        assertBackboneEquals(source, target);
        assertThat(report.naming()).isEqualTo("torchvision");
        assertThat(report.isExact()).isTrue();
        assertThat(report.unused()).isEmpty();
        assertThat(report.loaded()).hasSize(34).contains("backbone_features_1_runningVar");
        assertThat(report.skipped())
            .containsExactlyInAnyOrder(
                "classifier.6.weight",
                "classifier.6.bias",
                "features.1.num_batches_tracked",
                "features.5.num_batches_tracked",
                "features.9.num_batches_tracked",
                "features.12.num_batches_tracked",
                "features.15.num_batches_tracked");
      }
    }
  }

  @Test
  void aModulePrefixFromDataParallelIsIgnored() throws IOException {
    try (MetModel source = tiny().classifier(3);
        MetModel target = tiny().classifier(3)) {
      Map<String, NDArray> prefixed = new LinkedHashMap<>();
      source.parameters().forEach((name, array) -> prefixed.put(
          "module."
              + (name.startsWith("head_") ? "classifier.6." + name.substring(5) : TorchvisionNames.of(name)),
          array));
      Path file = writeNamed(prefixed, "ddp.npz", NDList.Encoding.NPZ);

      TransferReport report = target.loadBackbone(file);

      assertThat(report.loaded()).hasSize(34);
      assertThat(report.skipped()).containsExactly("classifier.6.weight", "classifier.6.bias");
      assertBackboneEquals(source, target);
    }
  }

  @Test
  void strictTransferRefusesDifferentShapesAndChangesNothing() {
    Path folder = dir.resolve("wide");
    try (MetModel source = tiny().hiddenUnits(32).classifier(3);
        MetModel target = tiny().classifier(3)) {
      source.save(folder);
      Map<String, float[]> before = snapshot(target);

      assertThatThrownBy(() -> target.loadBackbone(folder))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cannot load the alexnet_bn backbone strictly (nothing was changed)")
          .hasMessageContaining("shape mismatches 4 (backbone_classifier_1_weight (16, 9216) != (32, 9216)");

      Map<String, float[]> after = snapshot(target);
      before.forEach((name, values) -> assertThat(Arrays.equals(after.get(name), values)).as(name).isTrue());
    }
  }

  /** The target's parameters as metart-named arrays, without {@code dropped}, plus {@code extra}. */
  private Path namedArrays(
      MetModel source, String fileName, Set<String> dropped, Map<String, NDArray> extra)
      throws IOException {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    source.parameters().forEach((name, array) -> {
      if (!dropped.contains(name)) {
        arrays.put(name, array);
      }
    });
    arrays.putAll(extra);
    return writeNamed(arrays, fileName, NDList.Encoding.NPZ);
  }

  @Test
  void strictTransferRefusesMissingBackboneWeightsNamingThem() throws IOException {
    try (MetModel source = tiny().classifier(3);
        MetModel target = tiny().classifier(3)) {
      Path file =
          namedArrays(
              source,
              "missing.npz",
              Set.of("backbone_features_0_bias", "backbone_classifier_4_weight"),
              Map.of());
      Map<String, float[]> before = snapshot(target);

      assertThatThrownBy(() -> target.loadBackbone(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cannot load the alexnet_bn backbone strictly (nothing was changed)")
          .hasMessageContaining(
              "missing 2 (backbone_features_0_bias, backbone_classifier_4_weight)");
      Map<String, float[]> after = snapshot(target);
      before.forEach((name, values) -> assertThat(Arrays.equals(after.get(name), values)).as(name).isTrue());
    }
  }

  @Test
  void strictTransferRefusesBackboneWeightsTheTargetHasNoPlaceFor() throws IOException {
    try (MetModel source = tiny().classifier(3);
        MetModel target = tiny().classifier(3)) {
      // a hidden layer the target lacks, and the source's own head (which is expected and dropped)
      Path file =
          namedArrays(
              source,
              "extra.npz",
              Set.of(),
              Map.of(
                  "backbone_hidden_0_weight", manager.ones(new Shape(8, 16)),
                  "backbone_hidden_0_bias", manager.zeros(new Shape(8))));
      Map<String, float[]> before = snapshot(target);

      assertThatThrownBy(() -> target.loadBackbone(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cannot load the alexnet_bn backbone strictly (nothing was changed)")
          .hasMessageContaining("skipped 2 (head_weight, head_bias)")
          .hasMessageContaining("unused 2 (")
          .hasMessageContaining("backbone_hidden_0_weight")
          .hasMessageContaining("backbone_hidden_0_bias")
          .hasMessageContaining("missing 0; shape mismatches 0");
      Map<String, float[]> after = snapshot(target);
      before.forEach((name, values) -> assertThat(Arrays.equals(after.get(name), values)).as(name).isTrue());
    }
  }

  @Test
  void strictTransferRefusesAnUnusedTorchvisionStemButDropsTheHeadAndBatchCounters()
      throws IOException {
    try (MetModel source = tiny().classifier(1000);
        MetModel target = tiny().classifier(15)) {
      Map<String, NDArray> torchvision = new LinkedHashMap<>();
      source.parameters().forEach((name, array) -> torchvision.put(
          name.startsWith("head_") ? "classifier.6." + name.substring(5) : TorchvisionNames.of(name),
          array));
      torchvision.put("features.1.num_batches_tracked", manager.create(new long[] {7}).reshape(new Shape()));
      torchvision.put("stem.0.weight", manager.ones(new Shape(4, 3, 1, 1)));
      Path file = writeNamed(torchvision, "stem.safetensors", NDList.Encoding.SAFETENSORS);

      assertThatThrownBy(() -> target.loadBackbone(file))
          .hasMessageStartingWith("cannot load the alexnet_bn backbone strictly (nothing was changed)")
          .hasMessageContaining("unused 1 (stem.0.weight)");

      TransferReport report = target.loadBackbone(file, TransferMode.LENIENT);
      assertBackboneEquals(source, target);
      assertThat(report.isComplete()).isTrue();
      assertThat(report.isExact()).isFalse();
      assertThat(report.unused()).containsExactly("stem.0.weight");
      assertThat(report.skipped())
          .containsExactlyInAnyOrder(
              "classifier.6.weight", "classifier.6.bias", "features.1.num_batches_tracked");
    }
  }

  @Test
  void lenientTransferReportsMissingAndUnusedWeightsAndLoadsTheRest() throws IOException {
    try (MetModel source = tiny().classifier(3);
        MetModel target = tiny().classifier(3)) {
      Path file =
          namedArrays(
              source,
              "both.npz",
              Set.of("backbone_features_0_bias"),
              Map.of("backbone_hidden_0_weight", manager.ones(new Shape(8, 16))));
      float[] biasBefore = target.parameters().get("backbone_features_0_bias").toFloatArray();

      TransferReport report = target.loadBackbone(file, TransferMode.LENIENT);

      assertThat(report.loaded()).hasSize(33);
      assertThat(report.missing()).containsExactly("backbone_features_0_bias");
      assertThat(report.unused()).containsExactly("backbone_hidden_0_weight");
      assertThat(report.skipped()).containsExactly("head_weight", "head_bias");
      assertThat(report.isComplete()).isFalse();
      assertThat(report.describe())
          .contains("unused 1 (backbone_hidden_0_weight); missing 1 (backbone_features_0_bias)");
      assertThat(target.parameters().get("backbone_features_0_bias").toFloatArray())
          .containsExactly(biasBefore);
      assertThat(target.parameters().get("backbone_features_0_weight").toFloatArray())
          .containsExactly(source.parameters().get("backbone_features_0_weight").toFloatArray());
    }
  }

  @Test
  void lenientTransferLoadsWhatMatchesAndReportsTheRest() {
    Path folder = dir.resolve("wide");
    try (MetModel source = tiny().hiddenUnits(32).classifier(3);
        MetModel target = tiny().classifier(3)) {
      source.save(folder);

      TransferReport report = target.loadBackbone(folder, TransferMode.LENIENT);

      assertThat(report.isComplete()).isFalse();
      assertThat(report.loaded()).hasSize(30).contains("backbone_features_0_weight");
      assertThat(report.mismatched())
          .extracting(ShapeMismatch::name)
          .containsExactly(
              "backbone_classifier_1_weight",
              "backbone_classifier_1_bias",
              "backbone_classifier_4_weight",
              "backbone_classifier_4_bias");
      assertThat(
              Arrays.equals(
                  target.parameters().get("backbone_features_0_weight").toFloatArray(),
                  source.parameters().get("backbone_features_0_weight").toFloatArray()))
          .isTrue();
    }
  }

  @Test
  void unusableSourcesAreNamed() throws IOException {
    Path text = Files.writeString(dir.resolve("weights.txt"), "hello");
    Path empty = writeNamed(Map.of("unrelated", manager.ones(new Shape(2))), "other.npz", NDList.Encoding.NPZ);
    try (MetModel target = tiny().classifier(3)) {
      assertThatThrownBy(() -> target.loadBackbone(text))
          .hasMessage(
              "unsupported weights source "
                  + text
                  + ": expected a metart model folder, a DJL .params file, .pth, .npz or .safetensors");
      assertThatThrownBy(() -> target.loadBackbone(dir.resolve("missing.npz")))
          .hasMessage(
              "weights source " + dir.resolve("missing.npz") + " is neither a metart model folder nor a file");
      assertThatThrownBy(() -> target.loadBackbone(empty))
          .hasMessageStartingWith(
              empty + " holds no backbone weights of alexnet_bn (neither metart nor torchvision names match)");
    }
  }

  @Test
  void withHeadKeepsTheBackboneAndStartsAFreshHead() {
    try (MetModel culture = tiny().classifier(5);
        MetModel year = culture.withHead(HeadSpec.regression(1500, 1900))) {
      assertBackboneEquals(culture, year);
      assertThat(year.head()).isInstanceOf(RegressionHead.class);
      assertThat(year.parameters().get("head_weight").getShape()).isEqualTo(new Shape(1, 16));
      assertThat(culture.parameters().get("head_weight").getShape()).isEqualTo(new Shape(5, 16));
      assertThat(year.spec()).isEqualTo(culture.spec().withHead(HeadSpec.regression(1500, 1900)));
      NDArray images = manager.randomNormal(year.inputShape(1));
      assertThat(year.outputs(images).getShape()).isEqualTo(new Shape(1, 1));
      assertThat(year.parameters().get("backbone_features_0_weight").getDataType())
          .isEqualTo(DataType.FLOAT32);
    }
  }
}

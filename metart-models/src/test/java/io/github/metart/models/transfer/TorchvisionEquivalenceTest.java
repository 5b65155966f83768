package io.github.metart.models.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.github.metart.models.engine.MetEngine;

/**
 * metart's networks compute what torchvision's compute, given torchvision's weights: the backbone
 * features (everything but the last linear layer) agree to float precision at 224 px and at 100 px
 * (where adaptive pooling has overlapping windows). Needs reference files written by {@code
 * src/test/python/torchvision_reference.py}; skipped when {@code metart.torchvision.dir} is not set.
 */
class TorchvisionEquivalenceTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"alexnet", "vgg11_bn", "resnet18", "resnet50"})
  void backboneFeaturesMatchTorchvision(String architecture) throws IOException {
    String dir = System.getProperty("metart.torchvision.dir");
    assumeThat(dir)
        .as("no torchvision reference (set metart.torchvision.dir, see torchvision_reference.py)")
        .isNotNull();
    Path file = Path.of(dir, architecture + ".npz");
    assumeThat(Files.isRegularFile(file)).as(file + " is missing").isTrue();
    try (NDManager manager = MetEngine.newManager(null)) {
      Map<String, NDArray> arrays = new HashMap<>();
      try (InputStream in = Files.newInputStream(file)) {
        for (NDArray array : NDList.decode(manager, in)) {
          arrays.put(array.getName(), array);
        }
      }
      for (int size : new int[] {224, 100}) {
        try (MetModel model = MetModels.named(architecture).inputSize(size).classifier(1000)) {
          // lenient: the file also holds the reference inputs and features, which are not weights
          TransferReport report = model.loadBackbone(file, TransferMode.LENIENT);
          NDArray expected = arrays.get("reference_features_" + size);

          NDArray features =
              model
                  .network()
                  .backbone()
                  .forward(
                      new ParameterStore(manager, false),
                      new NDList(arrays.get("reference_input_" + size)),
                      false)
                  .singletonOrThrow();

          assertThat(report.naming()).isEqualTo("torchvision");
          assertThat(report.isComplete()).isTrue();
          assertThat(report.unused()).allMatch(name -> name.startsWith("reference_"));
          assertThat(features.getShape()).isEqualTo(expected.getShape());
          float scale = expected.abs().max().getFloat();
          float difference = features.sub(expected).abs().max().getFloat();
          assertThat(difference).as("%s at %s px", architecture, size).isLessThan(1e-5f * scale + 1e-6f);
        }
      }
    }
  }
}

package io.github.metart.models.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.network.MetNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.github.metart.models.engine.MetEngine;

/**
 * metart's networks compute what torchvision's compute, given torchvision's weights: the backbone
 * features (everything but the last linear layer) agree to float precision at 224 px and at 100 px
 * (where adaptive pooling has overlapping windows). Needs reference files written by {@code
 * src/test/python/torchvision_reference.py}; skipped when {@code metart.torchvision.dir} is not set.
 *
 * <p>And metart reads the {@code .pth} files {@code torch.save} writes: for one architecture of each
 * family, {@code src/test/python/torchvision_pth.py} (run with {@value #PYTHON}, skipped when it
 * lacks torch and torchvision, e.g. Debian's {@code python3-torchvision}) saves a state dict with
 * random weights and narrow fully connected layers, and metart reproduces torchvision's features
 * and logits from it to float precision at 64 px.
 */
class TorchvisionEquivalenceTest {

  private static final String PYTHON = "/usr/bin/python3";
  private static final int PTH_SIZE = 64;
  private static final int PTH_HIDDEN = 128;
  private static final int PTH_CLASSES = 10;

  @TempDir static Path pthDir;
  private static String pthProblem;

  /** Writes the state dicts once, or says why it cannot. */
  @BeforeAll
  static void writeStateDicts() throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      pthProblem = PYTHON + " is missing";
      return;
    }
    Process check =
        new ProcessBuilder(PYTHON, "-c", "import torch, torchvision").redirectErrorStream(true).start();
    String checkOutput = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (check.waitFor() != 0) {
      pthProblem = PYTHON + " lacks torch/torchvision (apt-get install python3-torchvision): " + checkOutput.strip();
      return;
    }
    Process write =
        new ProcessBuilder(
                PYTHON,
                "src/test/python/torchvision_pth.py",
                pthDir.toString(),
                String.valueOf(PTH_SIZE),
                String.valueOf(PTH_HIDDEN),
                String.valueOf(PTH_CLASSES),
                "alexnet",
                "vgg11_bn",
                "resnet18")
            .redirectErrorStream(true)
            .start();
    String output = new String(write.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(write.waitFor()).as("torchvision_pth.py failed:%n%s", output).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"alexnet", "vgg11_bn", "resnet18"})
  void pthStateDictReproducesTorchvisionLogits(String architecture) throws IOException {
    assumeThat(pthProblem).as("skipped: %s", pthProblem).isNull();
    Path pth = pthDir.resolve(architecture + ".pth");
    try (NDManager manager = MetEngine.newManager(null);
        MetModel model =
            MetModels.named(architecture)
                .inputSize(PTH_SIZE)
                .hiddenUnits(architecture.startsWith("resnet") ? 0 : PTH_HIDDEN)
                .classifier(PTH_CLASSES)) {
      Map<String, NDArray> reference = new HashMap<>();
      try (InputStream in = Files.newInputStream(pthDir.resolve(architecture + "-ref.npz"))) {
        for (NDArray array : NDList.decode(manager, in)) {
          reference.put(array.getName(), array);
        }
      }
      // strict, as --pretrained loads: every backbone weight found, only the head left over
      TransferReport report = model.loadBackbone(pth, TransferMode.STRICT);
      assertThat(report.naming()).isEqualTo("torchvision");
      assertThat(report.isExact()).isTrue();
      // the head is not part of a transfer: copy torchvision's last layer in to compare logits
      String head = TorchvisionNames.headModule(model.spec().architecture().family());
      Map<String, NDArray> state = TorchCheckpoint.read(pth, manager);
      int copied = 0;
      for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> parameter : model.network().getParameters()) {
        String name = parameter.getKey();
        if (name.startsWith(MetNetwork.HEAD + "_")) {
          String leaf = name.endsWith("weight") ? "weight" : "bias";
          BackboneTransfer.copyInto(parameter.getValue(), state.get(head + "." + leaf));
          copied++;
        }
      }
      assertThat(copied).isEqualTo(2);
      NDList input = new NDList(reference.get("input"));
      NDArray features =
          model.network().backbone().forward(new ParameterStore(manager, false), input, false).singletonOrThrow();
      NDArray logits =
          model.network().forward(new ParameterStore(manager, false), input, false).singletonOrThrow();

      assertClose(features, reference.get("features"), architecture + " features");
      assertClose(logits, reference.get("logits"), architecture + " logits");
    }
  }

  private static void assertClose(NDArray actual, NDArray expected, String what) {
    assertThat(actual.getShape()).as(what).isEqualTo(expected.getShape());
    float scale = expected.abs().max().getFloat();
    float difference = actual.sub(expected).abs().max().getFloat();
    assertThat(difference).as(what).isLessThan(1e-5f * scale + 1e-6f);
  }

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

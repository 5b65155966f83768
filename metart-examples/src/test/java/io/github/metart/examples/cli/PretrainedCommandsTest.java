package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import io.github.metart.data.images.Normalization;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.network.MetNetwork;
import io.github.metart.models.pretrained.PretrainedWeights;
import io.github.metart.models.pretrained.WeightCache;
import io.github.metart.models.transfer.StateDictWriter;
import io.github.metart.models.transfer.TorchvisionNames;
import io.github.metart.train.data.PreparedFolders;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --pretrained} and {@code --allow-downloads} through train, summary and experiment, with
 * the weight cache moved into the test's folder ({@value WeightCache#CACHE_PROPERTY}): nothing is
 * downloaded; "the published file" is resnet18 weights written under its published name.
 */
class PretrainedCommandsTest {

  @TempDir static Path temp;
  private static Path data;
  private static Path cacheRoot;
  private static String savedCache;
  private static String savedAllow;

  @BeforeAll
  static void prepare() throws Exception {
    data = PreparedFolders.culture(temp.resolve("prepared"), 16, 8, 32, 0);
    savedCache = System.getProperty(WeightCache.CACHE_PROPERTY);
    savedAllow = System.setProperty(WeightCache.ALLOW_PROPERTY, "false");
  }

  @AfterAll
  static void restore() {
    restore(WeightCache.CACHE_PROPERTY, savedCache);
    restore(WeightCache.ALLOW_PROPERTY, savedAllow);
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  /** A cache of the test's own. */
  private static void useCache(String name) {
    cacheRoot = temp.resolve(name);
    System.setProperty(WeightCache.CACHE_PROPERTY, cacheRoot.toString());
  }

  private static Path publishedResnet18(MetModel donor) throws Exception {
    Path file = cacheRoot.resolve("weights").resolve(PretrainedWeights.RESNET18.fileName());
    Files.createDirectories(file.getParent());
    Map<String, NDArray> state = new LinkedHashMap<>();
    donor.parameters().forEach((name, array) -> {
      if (name.startsWith(MetNetwork.BACKBONE + "_")) {
        state.put(TorchvisionNames.of(name), array);
      }
    });
    return StateDictWriter.write(file, state);
  }

  private static String[] train(Path out, String... extra) {
    java.util.List<String> all =
        new java.util.ArrayList<>(
            java.util.List.of(
                "train", "--model", "resnet18", "--data", data.toString(), "--input-size", "32",
                "--epochs", "1", "--batch-size", "8", "--devices", "cpu", "--no-progress",
                "--out", out.toString()));
    all.addAll(java.util.List.of(extra));
    return all.toArray(String[]::new);
  }

  @Test
  void trainWithImagenetIsRefusedOfflineThenStartsFromTheFilePlacedByHand() throws Exception {
    useCache("train-cache");
    Path expected = cacheRoot.resolve("weights").resolve("resnet18-f37072fd.pth").toAbsolutePath();
    Path refusedOut = temp.resolve("refused");
    MetartCliTest.Run refused = MetartCliTest.run(train(refusedOut, "--pretrained", "imagenet"));

    assertThat(refused.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(refused.err().strip())
        .doesNotContain("\n")
        .contains("resnet18 IMAGENET1K_V1 (resnet18-f37072fd.pth)")
        .contains("--allow-downloads")
        .contains("place it at " + expected);
    assertThat(refusedOut).doesNotExist();

    try (MetModel donor = MetModels.resnet(18).inputSize(32).classifier(3)) {
      publishedResnet18(donor);
      Path out = temp.resolve("pretrained-run");
      MetartCliTest.Run run = MetartCliTest.run(train(out, "--pretrained", "imagenet"));

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("training resnet18 32px pretrained=imagenet");
      try (MetModel model = MetModels.load(out.resolve("model"))) {
        // the ImageNet preprocessing the weights expect, recorded in the model folder
        assertThat(model.preprocessing().normalization()).isEqualTo(Normalization.IMAGENET);
        assertThat(model.spec().inputSize()).isEqualTo(32);
      }
    }
  }

  @Test
  void allowedDownloadsThatFailTheChecksumLeaveNothingInTheCache() throws Exception {
    useCache("download-cache");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<String> requested = Collections.synchronizedList(new ArrayList<>());
    server.createContext("/", exchange -> {
      try (exchange) {
        requested.add(exchange.getRequestURI().getPath());
        byte[] body = new byte[4096]; // not the published file: its SHA-256 does not match
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    server.start();
    String savedUrl =
        System.setProperty(WeightCache.BASE_URL_PROPERTY, "http://127.0.0.1:" + server.getAddress().getPort() + "/");
    try {
      MetartCliTest.Run run =
          MetartCliTest.run(train(temp.resolve("bad-download"), "--pretrained", "imagenet", "--allow-downloads"));

      assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
      assertThat(requested).containsExactly("/resnet18-f37072fd.pth");
      assertThat(run.err().strip())
          .doesNotContain("\n")
          .contains("checksum mismatch for http://127.0.0.1:")
          .contains("the download was deleted");
      try (var files = Files.list(cacheRoot.resolve("weights"))) {
        assertThat(files.map(f -> f.getFileName().toString())).containsOnly(".metart.lock");
      }
    } finally {
      restore(WeightCache.BASE_URL_PROPERTY, savedUrl);
      server.stop(0);
    }
  }

  @Test
  void summaryLoadsTheWeightsAndNamesTheFile() throws Exception {
    useCache("summary-cache");
    MetartCliTest.Run missing =
        MetartCliTest.run("summary", "resnet50", "--size", "32", "--pretrained", "IMAGENET1K_V1");
    assertThat(missing.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(missing.err()).contains("resnet50-0676ba61.pth").contains("--allow-downloads");

    Path file;
    try (MetModel donor = MetModels.resnet(18).inputSize(32).classifier(3)) {
      file = publishedResnet18(donor);
    }
    MetartCliTest.Run run =
        MetartCliTest.run("summary", "resnet18", "--size", "32", "--classes", "5", "--pretrained", "imagenet");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("parameters: ").contains("pretrained: " + file);

    MetartCliTest.Run byPath =
        MetartCliTest.run("summary", "resnet18", "--size", "32", "--pretrained", file.toString());
    assertThat(byPath.exitCode()).as(byPath.err()).isZero();

    MetartCliTest.Run wrong =
        MetartCliTest.run("summary", "resnet18", "--pretrained", "IMAGENET1K_V2");
    assertThat(wrong.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(wrong.err()).contains("torchvision publishes IMAGENET1K_V1 weights for resnet18, not IMAGENET1K_V2");
  }

  @Test
  void experimentCarriesPretrainedIntoItsSpec() {
    MetartCliTest.Run run =
        MetartCliTest.run(
            "experiment", "--model", "resnet18", "--input-size", "32", "--dropout", "0,0.5",
            "--pretrained", "imagenet", "--print-spec");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"pretrained\" : \"imagenet\"");
  }
}

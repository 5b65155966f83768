package io.github.metart.examples.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.examples.cli.MetartCli;
import io.github.metart.examples.demo.DemoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "whole job from your application" snippet runs, and gives the same {@code
 * metrics.json} (and the same splits) as the same commands through the command line with the same
 * seed. Both run in their own JVM, as a user would run them.
 */
class WholeJobSnippetTest {

  static final String SNIPPET = "whole-job";

  @TempDir Path work;

  @Test
  void theLibraryCallsGiveWhatTheCommandsGive() throws Exception {
    MarkdownSnippet snippet =
        MarkdownSnippet.extract(MarkdownSnippetsTest.readme()).stream()
            .filter(s -> s.name().equals(SNIPPET))
            .findFirst()
            .orElseThrow();
    SnippetRunner.Run library = SnippetRunner.withRuntimeClassPath().run(snippet, work).assertSucceeded();
    Path app = work.resolve("whole-job");
    assertThat(library.output()).contains("prepared culture dataset: ").contains("accuracy");
    assertThat(app.resolve("report/metrics.json")).isNotEmptyFile();

    Path collection = app.resolve("collection");
    Path csv = collection.resolve(DemoCollection.CSV_FILE);
    Path cli = work.resolve("cli");
    metart("prepare", "--csv", csv.toString(), "--task", "culture", "--min-per-label", "6", "--exclude", "european",
        "--split", "8:1:1", "--seed", "42", "--images", collection.resolve(DemoCollection.IMAGES_DIRECTORY).toString(), "--image-size", "32",
        "--out", cli.resolve("prepared").toString());
    metart("train", "--data", cli.resolve("prepared").toString(), "--model", "resnet18", "--epochs", "2",
        "--batch-size", "16", "--seed", "42", "--no-progress", "--out", cli.resolve("run").toString());
    metart("evaluate", "--model", cli.resolve("run").toString(), "--data", cli.resolve("prepared").toString(),
        "--name", "resnet18", "--out", cli.resolve("report").toString());

    ObjectMapper json = new ObjectMapper();
    JsonNode fromLibrary = json.readTree(app.resolve("report/metrics.json").toFile());
    JsonNode fromCommands = json.readTree(cli.resolve("report/metrics.json").toFile());
    assertThat(json.readTree(cli.resolve("prepared/manifest.json").toFile()).path("splitHash"))
        .isEqualTo(json.readTree(app.resolve("prepared/manifest.json").toFile()).path("splitHash"));
    assertThat(fromCommands.path("count").asInt()).isPositive();
    assertThat(fromLibrary).isEqualTo(fromCommands);
  }

  /** Runs {@code metart args...} in a JVM of its own; fails with its output when it fails. */
  private void metart(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Dai.djl.offline=true",
        "-cp", RuntimeClassPath.asString(RuntimeClassPath.entries()), MetartCli.class.getName()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(work, "metart-" + args[0], ".txt");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("metart " + args[0] + " ends").isTrue();
    assertThat(process.exitValue()).as("metart %s:%n%s", args[0], Files.readString(output)).isZero();
  }
}

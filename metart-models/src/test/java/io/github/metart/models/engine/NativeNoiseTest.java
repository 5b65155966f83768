package io.github.metart.models.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyTorch's native warnings reach the process's stderr directly (not through Java), so a child JVM
 * shows them: convolutions through {@link MetEngine} print no NNPACK line where DJL alone prints one
 * per convolution.
 */
class NativeNoiseTest {

  @TempDir Path folder;

  @Test
  void convolutionsThroughMetEnginePrintNoNnpackWarning() throws Exception {
    List<String> raw = run("raw");
    List<String> metart = run("metart");

    assertThat(metart).contains("done");
    assertThat(metart).noneMatch(line -> line.contains("NNPACK"));
    if (MetEngine.nnpackDisabled()) {
      // NNPACK cannot start here: DJL alone warns at every convolution, so the test above can fail
      assertThat(raw).filteredOn(line -> line.contains("Could not initialize NNPACK")).hasSize(3);
    }
  }

  private List<String> run(String mode) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path output = folder.resolve(mode + ".txt");
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "-cp",
                classPath,
                NativeNoiseChild.class.getName(),
                mode)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
    return lines;
  }
}

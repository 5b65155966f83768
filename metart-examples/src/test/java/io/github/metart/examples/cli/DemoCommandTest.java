package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metart demo}'s argument and folder errors (the run itself: DemoRunTest). */
class DemoCommandTest {

  @TempDir Path dir;

  @Test
  void anUnknownSizeIsAOneLineUsageError() {
    CliRun.Result run = CliRun.run("demo", "--size", "huge", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .isEqualTo("metart demo: --size: unknown demo size 'huge': use standard or quick (see 'metart demo --help')");
  }

  @Test
  void zeroThreadsIsAUsageError() {
    CliRun.Result run = CliRun.run("demo", "--threads", "0", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err()).contains("--threads must be at least 1, got 0");
  }

  @Test
  void anOutputThatIsAFileFailsNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "x");

    CliRun.Result run = CliRun.run("demo", "--size", "quick", "--out", file.toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip()).isEqualTo("metart: " + file + ": exists and is not a folder");
  }

  @Test
  void aFolderOfOtherFilesIsRefused() throws IOException {
    Files.writeString(dir.resolve("thesis.tex"), "x");

    CliRun.Result run = CliRun.run("demo", "--size", "quick", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip())
        .isEqualTo("metart: " + dir + ": is not empty and holds no earlier demo output: choose a new or empty folder");
    assertThat(dir.resolve("thesis.tex")).exists();
  }

  @Test
  void helpSaysTheImagesAreGenerated() {
    CliRun.Result run = CliRun.run("demo", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("GENERATED").contains("--size").contains("--out");
  }
}

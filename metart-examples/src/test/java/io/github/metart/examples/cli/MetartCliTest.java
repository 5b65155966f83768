package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetartCliTest {

  /** Every command of /work/shared/CONTRACT.md: outside checks call them by these names. */
  static final List<String> CONTRACT_COMMANDS =
      List.of("demo", "stats", "normalize", "prepare", "download", "models", "summary", "train",
          "evaluate", "predict", "experiment", "doctor", "classpath");

  @TempDir Path dir;

  /** What one run of the command line printed and returned. */
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = MetartCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheCommands() {
    Run run = run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: metart").contains("classpath");
  }

  @Test
  void helpListsEveryCommandOfTheContract() {
    Run run = run("--help");

    assertThat(run.exitCode()).isZero();
    String commands = run.out().substring(run.out().indexOf("Commands:"));
    for (String command : CONTRACT_COMMANDS) {
      assertThat(commands).as("metart --help lists '%s'", command).containsPattern("(?m)^\\s+" + command + "\\s");
    }
  }

  /** A runtime failure that is quick to provoke: stats on a file that does not exist. */
  private Run failingStats(List<String> before, List<String> after) {
    List<String> args = new ArrayList<>(before);
    args.addAll(List.of("stats", "--csv", dir.resolve("missing.csv").toString()));
    args.addAll(after);
    return run(args.toArray(String[]::new));
  }

  @Test
  void aRuntimeFailureIsOneLineWithoutVerbose() {
    Run run = failingStats(List.of(), List.of());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip()).isEqualTo("metart: " + dir.resolve("missing.csv") + ": no such file");
  }

  @Test
  void verboseAfterTheCommandPrintsTheStackTrace() {
    Run run = failingStats(List.of(), List.of("--verbose"));

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().lines().findFirst())
        .hasValue("metart: " + dir.resolve("missing.csv") + ": no such file");
    assertThat(run.err()).contains("java.io.IOException: " + dir.resolve("missing.csv")).contains("\tat io.github.metart.");
  }

  @Test
  void verboseBeforeTheCommandPrintsTheStackTrace() {
    Run run = failingStats(List.of("--verbose"), List.of());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().lines().findFirst())
        .hasValue("metart: " + dir.resolve("missing.csv") + ": no such file");
    assertThat(run.err()).contains("\tat io.github.metart.");
  }

  @Test
  void aUsageErrorStaysOneLineWithVerbose() {
    Run after = run("stats", "--csv", "x.csv", "--bogus", "--verbose");
    Run before = run("--verbose", "stats", "--bogus");
    Run missing = run("stats", "--verbose");

    for (Run run : List.of(after, before, missing)) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(MetartCli.EXIT_USAGE);
      assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("\tat ");
    }
    assertThat(after.err()).contains("--bogus");
    assertThat(missing.err()).contains("--csv");
  }

  @Test
  void anUnknownOptionOfModelsIsAOneLineUsageError() {
    Run run = run("models", "--bogus");

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err().strip()).doesNotContain("\n").startsWith("metart models: ").contains("--bogus");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void prepareWithAMissingCsvFailsInOneLineNamingIt() {
    Path missing = dir.resolve("missing.csv");

    Run run = run("prepare", "--csv", missing.toString(), "--task", "culture", "--out", dir.resolve("prepared").toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip()).doesNotContain("\n").startsWith("metart: ").contains(missing.toString());
    assertThat(dir.resolve("prepared")).doesNotExist();
  }

  @Test
  void downloadWithAMissingCsvFailsInOneLineNamingIt() {
    Path missing = dir.resolve("missing.csv");

    Run run = run("download", "--csv", missing.toString(), "--out", dir.resolve("images").toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.err().strip()).doesNotContain("\n").startsWith("metart: ").contains(missing.toString());
  }

  @Test
  void unknownCommandIsAUsageErrorWithOneLine() {
    Run run = run("frobnicate");

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .doesNotContain("Unmatched argument")
        .startsWith("metart: unknown command 'frobnicate'; the commands are ")
        .contains("demo, ")
        .contains("train");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run run = run("classpath", "--bogus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains("--bogus");
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing command");
  }

  @Test
  void classpathPrintsAbsoluteEntries() {
    Run run = run("classpath");

    assertThat(run.exitCode()).isZero();
    String[] entries = run.out().strip().split(File.pathSeparator);
    assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(new File(e)).isAbsolute());
    assertThat(run.out()).contains("picocli");
  }

  @Test
  void describeTurnsAMultiLineMessageIntoOneLine() {
    assertThat(MetartCli.describe(new IllegalStateException("objects.csv, line 3:\n  bad quote")))
        .isEqualTo("objects.csv, line 3:; bad quote");
    assertThat(MetartCli.describe(new RuntimeException(new java.io.IOException("disk full"))))
        .isEqualTo("java.io.IOException: disk full");
  }

  @Test
  void aFileErrorThatIsOnlyAPathSaysWhatIsWrongWithIt() {
    assertThat(MetartCli.describe(new java.nio.file.AccessDeniedException("/data/images/1.jpg")))
        .isEqualTo("/data/images/1.jpg: permission denied");
    assertThat(
            MetartCli.describe(
                new java.io.UncheckedIOException(
                    "/runs/a/.last.tmp", new java.nio.file.NoSuchFileException("/runs/a/.last.tmp"))))
        .isEqualTo("/runs/a/.last.tmp: no such file or folder");
    assertThat(
            MetartCli.describe(
                new java.io.IOException(
                    "cannot write the report: /out",
                    new java.nio.file.FileAlreadyExistsException("/out"))))
        .isEqualTo("cannot write the report: /out: already exists");
    assertThat(MetartCli.describe(new java.nio.file.FileSystemException("/x", null, "disk full")))
        .isEqualTo("/x: disk full");
  }
}

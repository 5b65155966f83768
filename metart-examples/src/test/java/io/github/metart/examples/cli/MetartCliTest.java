package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MetartCliTest {

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
  void unknownCommandIsAUsageErrorWithOneLine() {
    Run run = run("frobnicate");

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err().strip()).doesNotContain("\n").contains("frobnicate");
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
}

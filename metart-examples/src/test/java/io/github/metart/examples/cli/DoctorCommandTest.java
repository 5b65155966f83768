package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

  @TempDir Path dir;

  @Test
  void aHealthyMachinePassesWithExitCodeZero() {
    MetartCliTest.Run run = MetartCliTest.run("doctor", "--dir", dir.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("OK    java")
        .contains("OK    engine     PyTorch 2.7.1")
        .contains("natives")
        .contains("cpu")
        .contains("onednn")
        .contains("gpu")
        .contains("disk")
        .contains("djl cache")
        .contains("charts")
        .contains("OK    output     " + dir.toAbsolutePath().normalize())
        .containsPattern("doctor: \\d+ checks: \\d+ OK, \\d+ WARN, 0 FAIL");
    assertThat(run.err()).doesNotContain("metart:");
  }

  @Test
  void aFailedCheckGivesItsFixAndExitCodeOne() {
    Path missing = dir.resolve("prepared");

    MetartCliTest.Run run = MetartCliTest.run("doctor", "--dir", dir.toString(), "--data", missing.toString());

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_FAILURE);
    assertThat(run.out()).contains("FAIL  data").contains(missing + " does not exist").contains("fix: ");
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .isEqualTo("metart: doctor: 1 check failed: data (see the fix under each)");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    MetartCliTest.Run run = MetartCliTest.run("doctor", "--frobnicate");

    assertThat(run.exitCode()).isEqualTo(MetartCli.EXIT_USAGE);
    assertThat(run.err().strip()).doesNotContain("\n").contains("--frobnicate");
  }

  @Test
  void helpListsDoctor() {
    assertThat(MetartCliTest.run("--help").out()).contains("doctor");
  }
}

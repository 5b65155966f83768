package io.github.metart.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job scripts {@code metart experiment --slurm} writes (submission: SlurmClusterTest). */
class SlurmSubmissionTest {

  private static final Path OUT = Path.of("/scratch/me/study");
  private static final List<String> LAUNCHER = List.of("/usr/bin/java", "-Dai.djl.offline=true", "-cp", "/opt/a.jar:/opt/b c.jar", "Main");

  @Test
  void theArrayHasOneTaskPerRunEachAWorkerForItsOwnRunWithItsOwnLog() {
    SlurmSubmission.Options options =
        new SlurmSubmission.Options("gpu", "proj42", 1, 8, "32G", "12:00:00", List.of("--qos=debug", "#SBATCH --exclusive"));

    String script = SlurmSubmission.arrayScript("metart-study", options, List.of(1, 2, 3, 5), OUT, LAUNCHER, Duration.ofMinutes(2));

    assertThat(script)
        .startsWith("#!/bin/bash\n")
        .contains(
            "#SBATCH --job-name=metart-study\n"
                + "#SBATCH --partition=gpu\n"
                + "#SBATCH --account=proj42\n"
                + "#SBATCH --time=12:00:00\n"
                + "#SBATCH --cpus-per-task=8\n"
                + "#SBATCH --gres=gpu:1\n"
                + "#SBATCH --mem=32G\n"
                + "#SBATCH --qos=debug\n"
                + "#SBATCH --exclusive\n"
                + "#SBATCH --array=1-3,5\n"
                + "#SBATCH --output=/scratch/me/study/slurm/logs/run-%a-%A.out\n")
        .endsWith(
            "exec /usr/bin/java -Dai.djl.offline=true -cp '/opt/a.jar:/opt/b c.jar' Main experiment --out /scratch/me/study"
                + " --run-index \"$SLURM_ARRAY_TASK_ID\" --stale-after 120 --no-progress\n");
  }

  @Test
  void theReportJobAsksForNoGpuAndWritesTheReportOnly() {
    SlurmSubmission.Options options = new SlurmSubmission.Options("gpu", null, 2, 8, "32G", "1:00:00", List.of());

    String script = SlurmSubmission.reportScript("metart-study", options, OUT, List.of("/opt/metart/metart"));

    assertThat(script)
        .contains("#SBATCH --job-name=metart-study-report\n#SBATCH --partition=gpu\n#SBATCH --time=1:00:00\n")
        .contains("#SBATCH --output=/scratch/me/study/slurm/logs/report-%j.out\n")
        .doesNotContain("--gres")
        .doesNotContain("--account")
        .doesNotContain("--cpus-per-task")
        .endsWith("exec /opt/metart/metart experiment --out /scratch/me/study --report-only\n");
  }

  @Test
  void clusterDefaultsWriteNoOptionLine() {
    String script =
        SlurmSubmission.arrayScript("metart-x", SlurmSubmission.Options.defaults(), List.of(2), OUT, List.of("metart"), Duration.ofSeconds(30));

    assertThat(script.lines().filter(l -> l.startsWith("#SBATCH")))
        .containsExactly(
            "#SBATCH --job-name=metart-x",
            "#SBATCH --array=2",
            "#SBATCH --output=/scratch/me/study/slurm/logs/run-%a-%A.out");
    assertThat(script).contains("--stale-after 30 ");
  }

  @Test
  void arraySpecsAreRangesOfConsecutiveRuns() {
    assertThat(SlurmSubmission.arraySpec(List.of(1))).isEqualTo("1");
    assertThat(SlurmSubmission.arraySpec(List.of(1, 2, 3))).isEqualTo("1-3");
    assertThat(SlurmSubmission.arraySpec(List.of(7, 1, 2, 4, 5, 9))).isEqualTo("1-2,4-5,7,9");
    assertThatThrownBy(() -> SlurmSubmission.arraySpec(List.of())).hasMessage("no run to submit");
  }

  @Test
  void namesAndWordsAreSafeForTheShellAndSlurm() {
    assertThat(SlurmSubmission.jobName("Dropout & hidden units (culture)")).isEqualTo("metart-dropout-hidden-units-culture");
    assertThat(SlurmSubmission.jobName("x".repeat(80))).hasSize(40);
    assertThat(SlurmSubmission.shellWords(List.of("a", "it's", "$HOME", "--out=/x/y")))
        .isEqualTo("a 'it'\\''s' '$HOME' --out=/x/y");
  }

  @Test
  void badOptionsAreRefusedNamingThem() {
    assertThatThrownBy(() -> new SlurmSubmission.Options("gpu normal", null, null, null, null, null, List.of()))
        .hasMessage("the partition must be one word, got 'gpu normal'");
    assertThatThrownBy(() -> new SlurmSubmission.Options(null, null, null, 0, null, null, List.of()))
        .hasMessage("CPUs per run must be 1 or more, got 0");
    assertThatThrownBy(() -> new SlurmSubmission.Options(null, null, -1, null, null, null, List.of()))
        .hasMessage("GPUs per run must be 0 or more, got -1");
    assertThatThrownBy(() -> new SlurmSubmission.Options(null, null, null, null, null, null, List.of("qos=debug")))
        .hasMessage("an #SBATCH line is an sbatch option such as --qos=debug, got 'qos=debug'");
    assertThatThrownBy(() -> new SlurmSubmission.Options(null, null, null, null, null, null, List.of("--qos=a\n#SBATCH --x")))
        .hasMessageStartingWith("an #SBATCH line holds a line break");
  }
}

package io.github.metart.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.models.spec.ModelRecipe;
import io.github.metart.train.config.TrainingSettings;
import io.github.metart.train.data.PreparedFolders;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.HistoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three worker processes on one experiment folder, one of them killed with {@code kill -9} in the
 * middle of a run: every run is done exactly once, the killed run is taken over and resumed from
 * its checkpoint, and the report compares all runs.
 */
class SharedSweepFolderTest {

  private static final long STALE_AFTER_MILLIS = 3000;

  @TempDir Path dir;

  private static ExperimentSpec spec() {
    return new ExperimentSpec(
        "Three workers",
        "",
        "culture",
        ModelRecipe.of("resnet18", 32),
        TrainingSettings.builder().epochs(2).batchSize(8).learningRate(0.002).cpuThreads(1).build(),
        List.of(Sweep.hiddenUnits("hidden units", List.of(16, 32, 64))));
  }

  private Process worker(Path out, String name, String... more) throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(List.of(javaBin, "-Xmx512m", "-Dai.djl.offline=true", "-cp", classPath,
            SweepWorkerMain.class.getName(), out.toString(), String.valueOf(STALE_AFTER_MILLIS)));
    command.addAll(List.of(more));
    return new ProcessBuilder(command)
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .start();
  }

  private String output(String name) throws IOException {
    return Files.readString(dir.resolve(name + ".out")) + Files.readString(dir.resolve(name + ".err"));
  }

  @Test
  void threeWorkersOneKilledEveryRunDoneOnceTheKilledOneResumed() throws Exception {
    Path data = PreparedFolders.culture(dir.resolve("data"), 16, 8, 32, 0);
    Path out = dir.resolve("sweep");
    ExperimentRunner.builder().spec(spec()).data(data).output(out).build().prepare();
    Path marker = dir.resolve("hung");

    Process killed = worker(out, "a", marker.toString());
    List<Process> others = new ArrayList<>();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!Files.exists(marker) && killed.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(marker).as(output("a")).exists();
      // the run the worker holds: its claim names the worker's process
      Path hung = null;
      for (String folder : List.of("resnet18_32px_hidden-16", "resnet18_32px_hidden-32", "resnet18_32px_hidden-64")) {
        Path run = out.resolve("runs").resolve(folder);
        if (Files.isRegularFile(run.resolve("claims/0001.json"))
            && RunClaim.holder(run, 1).pid() == killed.pid()) {
          hung = run;
        }
      }
      assertThat(hung).as("the run claimed by process %s", killed.pid()).isNotNull();
      EpochRecord firstEpoch = HistoryFiles.read(hung.resolve("train")).history().epochs().get(0);

      others.add(worker(out, "b"));
      others.add(worker(out, "c"));
      killed.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up, the heartbeat just stops
      assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (Process worker : others) {
        assertThat(worker.waitFor(4, TimeUnit.MINUTES)).as("a worker ended").isTrue();
      }
      assertThat(others.get(0).exitValue()).as(output("b")).isZero();
      assertThat(others.get(1).exitValue()).as(output("c")).isZero();

      List<RunState> states = ExperimentRunner.builder().output(out).build().status();
      assertThat(states).extracting(RunState::phase).containsOnly(RunState.Phase.FINISHED);
      for (RunState state : states) {
        String log = Files.readString(state.folder().resolve(RunClaim.LOG), StandardCharsets.UTF_8);
        assertThat(count(log, "    finished")).as("%s finished once:%n%s", state.run().name(), log).isEqualTo(1);
        assertThat(HistoryFiles.read(state.folder().resolve("train")).history().epochs()).hasSize(2);
        if (state.folder().equals(hung)) {
          assertThat(state.claim()).as("taken over once").isEqualTo(2);
          // claim 1 trained it until the kill, claim 2 resumed it from the checkpoint
          assertThat(count(log, ": training")).isEqualTo(1);
          assertThat(count(log, ": resuming from ")).isEqualTo(1);
          assertThat(log.substring(log.indexOf("== claim 2: ")))
              .contains(": resuming from runs/" + hung.getFileName() + "/train/checkpoints/last");
          assertThat(HistoryFiles.read(hung.resolve("train")).history().epochs().get(0))
              .as("the epoch trained before the kill is kept, not redone")
              .isEqualTo(firstEpoch);
        } else {
          assertThat(state.claim()).as("claimed once").isEqualTo(1);
          assertThat(count(log, ": training")).isEqualTo(1);
          assertThat(log).doesNotContain("resuming");
        }
      }
      assertThat(output("b") + output("c")).contains("its worker stopped").contains("taking it over");
      String page = Files.readString(out.resolve("report/index.html"), StandardCharsets.UTF_8);
      for (RunState state : states) {
        assertThat(page).contains("runs/" + state.run().folderName() + "/report/index.html");
      }
      assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(4);
    } finally {
      killed.destroyForcibly();
      others.forEach(Process::destroyForcibly);
    }
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}

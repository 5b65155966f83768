package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.checkpoint.StoredCheckpoint;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.history.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in the middle of an epoch and resumed ends with exactly the weights,
 * optimizer state and history of a run that was never interrupted (same seed, on the CPU).
 */
class ResumeAfterKillTest {

  @TempDir Path temp;

  @Test
  void aRunKilledMidEpochAndResumedEqualsAnUninterruptedRun() throws Exception {
    Path straight = temp.resolve("straight");
    Path killed = temp.resolve("killed");

    // the uninterrupted run goes on beside the one that will be killed
    ChildJvm uninterrupted = child(straight, "fit", 0);

    // kill after the mid-epoch checkpoint of epoch 2 (after step 7) and one more step
    ChildJvm victim = child(killed, "fit", 300);
    boolean sawStepSeven = false;
    boolean sawCheckpointAfter = false;
    String line;
    while ((line = victim.readLine()) != null) {
      if (line.equals("step 7")) {
        sawStepSeven = true;
      } else if (sawStepSeven && line.equals("checkpoint last")) {
        sawCheckpointAfter = true;
      } else if (sawCheckpointAfter && line.startsWith("step ")) {
        victim.kill();
        break;
      }
    }
    assertThat(sawCheckpointAfter).as(victim.log()).isTrue();
    assertThat(victim.awaitExit()).as("killed by SIGKILL").isEqualTo(137);
    StoredCheckpoint atKill =
        new CheckpointStore(killed.resolve("checkpoints")).read(CheckpointStore.LAST).orElseThrow();
    assertThat(atKill.state().epoch()).as("mid epoch 2").isEqualTo(1);
    assertThat(atKill.state().sampler().batchesDone()).isEqualTo(2);
    assertThat(atKill.state().status()).isEqualTo(RunStatus.RUNNING);

    ChildJvm resumed = child(killed, "resume", 0);
    assertThat(resumed.awaitExit()).as(resumed.log()).isZero();
    assertThat(uninterrupted.awaitExit()).as(uninterrupted.log()).isZero();
    assertThat(resumed.lines()).first().isEqualTo("step 8");

    for (String name : List.of(CheckpointStore.LAST, CheckpointStore.BEST)) {
      for (String file : List.of(CheckpointStore.WEIGHTS, CheckpointStore.OPTIMIZER)) {
        assertThat(Files.readAllBytes(killed.resolve("checkpoints").resolve(name).resolve(file)))
            .as("%s/%s", name, file)
            .isEqualTo(
                Files.readAllBytes(straight.resolve("checkpoints").resolve(name).resolve(file)));
      }
    }
    HistoryFiles.Snapshot a = HistoryFiles.read(straight);
    HistoryFiles.Snapshot b = HistoryFiles.read(killed);
    assertThat(b.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(b.history().size()).isEqualTo(3);
    assertThat(b.history().withoutTiming()).isEqualTo(a.history().withoutTiming());
    assertThat(b.bestEpoch()).isEqualTo(a.bestEpoch());
  }

  /** A child JVM running {@link ResumeChild} on {@code folder}. */
  private static ChildJvm child(Path folder, String mode, long sleepMillis) throws IOException {
    return ChildJvm.start(
        folder.resolve("child-" + mode + ".err"),
        "512m",
        ResumeChild.class,
        folder.toString(),
        mode,
        Long.toString(sleepMillis));
  }
}

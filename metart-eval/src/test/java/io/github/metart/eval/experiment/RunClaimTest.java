package io.github.metart.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.models.spec.ModelRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims of a run: one winner per number, heartbeats, takeover of stale claims, done and failed. */
class RunClaimTest {

  private static final Duration STALE = Duration.ofSeconds(30);
  private static final PlannedRun RUN = PlannedRun.of(ModelRecipe.of("resnet18", 32));

  @TempDir Path dir;

  private RunState state() throws IOException {
    return RunState.read(1, RUN, dir, STALE);
  }

  /** A claim file as another machine's worker wrote it, its heartbeat some time ago. */
  private void foreignClaim(int number, Duration ago) throws IOException {
    Path file = Files.createDirectories(dir.resolve(RunClaim.CLAIMS)).resolve(String.format("%04d.json", number));
    Files.writeString(file, "{\"number\":" + number + ",\"host\":\"node7\",\"pid\":4242,\"started\":\"2026-12-07T10:00:00Z\"}");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(ago)));
  }

  @Test
  void onlyOneWorkerGetsAClaimNumberAndTheHolderIsRunning() throws IOException {
    assertThat(state().phase()).isEqualTo(RunState.Phase.PENDING);
    try (RunClaim first = RunClaim.claim(dir, 0, STALE).orElseThrow()) {
      assertThat(RunClaim.claim(dir, 0, STALE)).as("the same number again").isEmpty();
      assertThat(first.holder().pid()).isEqualTo(ProcessHandle.current().pid());
      RunState running = state();
      assertThat(running.phase()).isEqualTo(RunState.Phase.RUNNING);
      assertThat(running.describe()).contains("running").contains("process " + ProcessHandle.current().pid());
    }
  }

  @Test
  void aClaimWhoseHeartbeatStoppedIsStaleAndTakenOverByTheNextNumber() throws IOException {
    foreignClaim(1, Duration.ofSeconds(5));
    assertThat(state().phase()).as("a fresh heartbeat on another machine").isEqualTo(RunState.Phase.RUNNING);

    foreignClaim(1, Duration.ofMinutes(5));
    RunState stale = state();
    assertThat(stale.phase()).isEqualTo(RunState.Phase.STALE);
    assertThat(stale.describe()).contains("process 4242 on node7").contains("the next worker resumes it");
    assertThat(RunClaim.claim(dir, 0, STALE)).as("a worker that looked before the claim").isEmpty();
    try (RunClaim takeover = RunClaim.claim(dir, stale.claim(), STALE).orElseThrow()) {
      assertThat(takeover.holder().number()).isEqualTo(2);
      assertThat(RunClaim.claim(dir, stale.claim(), STALE)).as("a second worker taking it over too").isEmpty();
      assertThat(state().phase()).isEqualTo(RunState.Phase.RUNNING);
      assertThat(takeover.markDone()).isTrue();
    }
    assertThat(state().phase()).isEqualTo(RunState.Phase.FINISHED);
  }

  @Test
  void theHeartbeatKeepsAClaimFreshAndALateHolderLearnsItLostTheRun() throws Exception {
    Duration stale = Duration.ofMillis(400);
    try (RunClaim claim = RunClaim.claim(dir, 0, stale).orElseThrow()) {
      Thread.sleep(1000); // longer than the timeout: only the heartbeat keeps it running
      assertThat(RunState.read(1, RUN, dir, stale).phase()).isEqualTo(RunState.Phase.RUNNING);
      foreignClaim(2, Duration.ZERO); // another worker took it over
      assertThat(claim.lost()).isTrue();
      assertThat(claim.markDone()).as("not marked done by the worker that lost it").isFalse();
    }
    assertThat(dir.resolve(RunClaim.DONE)).doesNotExist();
  }

  @Test
  void aClaimOfAProcessOfThisMachineThatIsGoneIsStaleAtOnce() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path file = Files.createDirectories(dir.resolve(RunClaim.CLAIMS)).resolve("0001.json");
    Files.writeString(file, "{\"number\":1,\"host\":\"" + RunClaim.host() + "\",\"pid\":" + gone.pid() + ",\"started\":\"x\"}");

    RunState state = state();
    assertThat(state.phase()).isEqualTo(RunState.Phase.STALE);
    assertThat(state.detail()).endsWith("its process is gone");
  }

  @Test
  void aFailedClaimIsFailedWithItsReasonAndLogUntilTheNextClaim() throws IOException {
    Path log = dir.resolve(RunClaim.LOG);
    try (RunClaim claim = RunClaim.claim(dir, 0, STALE).orElseThrow()) {
      claim.markFailed("out of memory", log);
    }
    RunState failed = state();
    assertThat(failed.phase()).isEqualTo(RunState.Phase.FAILED);
    assertThat(failed.describe()).endsWith(": out of memory (log: " + log + ")");
    assertThat(failed.log()).isEqualTo(Optional.of(log));
    try (RunClaim retry = RunClaim.claim(dir, failed.claim(), STALE).orElseThrow()) {
      assertThat(state().phase()).isEqualTo(RunState.Phase.RUNNING);
      retry.markDone();
    }
    assertThat(dir.resolve(RunClaim.FAILED)).doesNotExist();
    assertThat(state().phase()).isEqualTo(RunState.Phase.FINISHED);
  }
}

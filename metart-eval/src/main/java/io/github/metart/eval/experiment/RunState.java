package io.github.metart.eval.experiment;

import io.github.metart.eval.evaluation.EvaluationFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where one run of a sweep stands, as its folder's claim files say ({@link RunClaim}).
 *
 * @param index the run's number in the plan, from 1 (the Slurm array task of the run)
 * @param run the run
 * @param folder the run's folder
 * @param phase where it stands
 * @param claim the current claim's number, 0 when it was never claimed
 * @param detail who holds it (running, stale), the reason (failed), or empty
 * @param log the run's log, when it has one
 */
public record RunState(
    int index, PlannedRun run, Path folder, Phase phase, int claim, String detail, Optional<Path> log) {

  /** Where a run stands. */
  public enum Phase {
    /** Never claimed: waits for a worker. */
    PENDING,
    /** Claimed by a worker whose heartbeat is fresh. */
    RUNNING,
    /** Claimed by a worker whose heartbeat stopped: the next worker takes it over and resumes it. */
    STALE,
    /** Trained, evaluated and reported. */
    FINISHED,
    /** Its last attempt failed; rerunning the experiment tries it again. */
    FAILED;

    /** The lower-case name, e.g. {@code finished}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates the fields. */
  public RunState {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(phase, "phase");
    detail = Objects.requireNonNullElse(detail, "");
    Objects.requireNonNull(log, "log");
  }

  /**
   * Reads a run's state from its folder.
   *
   * @param staleAfter how old a heartbeat may be before its worker counts as dead
   */
  public static RunState read(int index, PlannedRun run, Path folder, Duration staleAfter) throws IOException {
    Path log = folder.resolve(RunClaim.LOG);
    Optional<Path> logFile = Files.isRegularFile(log) ? Optional.of(log) : Optional.empty();
    OptionalInt latest = RunClaim.latest(folder);
    if (RunClaim.done(folder).isPresent()
        || (latest.isEmpty() && Files.isRegularFile(folder.resolve("report").resolve(EvaluationFiles.METRICS_JSON)))) {
      // done.json, or a run finished by a version that wrote no claims
      return new RunState(index, run, folder, Phase.FINISHED, latest.orElse(0), "", logFile);
    }
    if (latest.isEmpty()) {
      return new RunState(index, run, folder, Phase.PENDING, 0, "", logFile);
    }
    int claim = latest.getAsInt();
    Optional<RunClaim.Failure> failure = RunClaim.failure(folder);
    if (failure.isPresent() && failure.get().claim() == claim) {
      return new RunState(index, run, folder, Phase.FAILED, claim, failure.get().reason(), Optional.of(Path.of(failure.get().log())));
    }
    RunClaim.Holder holder = RunClaim.holder(folder, claim);
    Optional<Duration> age = RunClaim.heartbeatAge(folder, claim);
    String beat = age.map(a -> ", heartbeat " + Math.max(0, a.toSeconds()) + " s ago").orElse("");
    if (holder.pid() > 0 && holder.host().equals(RunClaim.host())
        && ProcessHandle.of(holder.pid()).map(p -> !p.isAlive()).orElse(true)) {
      // a worker of this machine that is gone (Ctrl-C, kill -9): no need to wait for its heartbeat
      return new RunState(index, run, folder, Phase.STALE, claim, holder.describe() + ", its process is gone", logFile);
    }
    if (age.isPresent() && age.get().compareTo(staleAfter) <= 0) {
      return new RunState(index, run, folder, Phase.RUNNING, claim, holder.describe() + beat, logFile);
    }
    return new RunState(index, run, folder, Phase.STALE, claim, holder.describe() + beat, logFile);
  }

  /**
   * One line for {@code --status}, e.g. {@code 2 running resnet18 32px hidden=32: process 12 on n7
   * since ..., heartbeat 3 s ago}.
   */
  public String describe() {
    String line = String.format(Locale.ROOT, "%3d %-8s %s", index, phase.id(), run.name());
    return switch (phase) {
      case PENDING, FINISHED -> line;
      case RUNNING -> line + ": " + detail;
      case STALE -> line + ": " + detail + " (its worker stopped; the next worker resumes it)";
      case FAILED -> line + ": " + detail + log.map(l -> " (log: " + l + ")").orElse("");
    };
  }
}

package io.github.metart.eval.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.data.files.JsonFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.data.files.AtomicFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's claim of one run of a sweep, for workers (processes, on one machine or on several
 * sharing a file system) that work on the same experiment folder. The claims of a run are numbered
 * files {@code runs/NAME/claims/0001.json}, {@code 0002.json}, ... created with {@code CREATE_NEW}, so
 * that of two workers claiming the same number only one succeeds; the highest number is the current
 * claim. The file names the worker (host, process id, start time) and its modification time is the
 * heartbeat, refreshed by a daemon thread while the claim is held. A claim whose heartbeat is older
 * than the stale timeout belongs to a worker that died (killed, its node lost): the next worker takes
 * the run over by creating the next number, and resumes it from its last checkpoint.
 *
 * <p>A finished run has {@code done.json}; a failed one {@code failed.json} with the reason and the
 * log, naming the claim it ended. Heartbeats compare modification times with the local clock: the
 * machines of a cluster keep their clocks in step (NTP), and the default timeout leaves minutes of
 * margin. Operating system locks are not used for claims because they are unreliable on some shared
 * file systems; training still takes its own lock of the run's training folder.
 */
public final class RunClaim implements AutoCloseable {

  /** The folder of a run's claims. */
  public static final String CLAIMS = "claims";

  /** The file that marks a run finished. */
  public static final String DONE = "done.json";

  /** The file that marks a run failed (with the reason and the log). */
  public static final String FAILED = "failed.json";

  /** The log of a run's attempts, in its folder. */
  public static final String LOG = "run.log";

  /** The default stale timeout: a claim whose heartbeat is older belongs to a dead worker. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(2);

  private static final Logger LOGGER = LoggerFactory.getLogger(RunClaim.class);
  private static final Pattern CLAIM_FILE = Pattern.compile("(\\d{4,})\\.json");
  static final ObjectMapper JSON = JsonFiles.lenient();

  /**
   * What a claim file says.
   *
   * @param number the claim's number (1 for the first worker, higher for each takeover)
   * @param host the worker's host name
   * @param pid the worker's process id
   * @param started when the claim was made (ISO-8601)
   */
  public record Holder(int number, String host, long pid, String started) {

    /** {@code process 1234 on node7 since 2026-12-07T23:30:00Z}. */
    public String describe() {
      return "process " + pid + " on " + host + " since " + started;
    }
  }

  /**
   * What {@code failed.json} says.
   *
   * @param claim the number of the claim that failed
   * @param reason the error's message
   * @param log the run's log (with the stack trace)
   * @param host the worker's host
   * @param pid the worker's process id
   * @param at when it failed (ISO-8601)
   */
  public record Failure(int claim, String reason, String log, String host, long pid, String at) {}

  /**
   * What {@code done.json} says.
   *
   * @param claim the number of the claim that finished the run
   * @param host the worker's host
   * @param pid the worker's process id
   * @param at when it finished (ISO-8601)
   */
  public record Done(int claim, String host, long pid, String at) {}

  private final Path runFolder;
  private final Holder holder;
  private final Path file;
  private final ScheduledExecutorService heartbeat;
  private volatile boolean lost;

  private RunClaim(Path runFolder, Holder holder, Duration staleAfter) {
    this.runFolder = runFolder;
    this.holder = holder;
    this.file = claimFile(runFolder, holder.number());
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "metart heartbeat " + runFolder.getFileName());
              thread.setDaemon(true);
              return thread;
            });
    long every = heartbeatInterval(staleAfter).toMillis();
    heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /** How often a held claim's heartbeat is refreshed: a quarter of the stale timeout, 50 ms to 30 s. */
  static Duration heartbeatInterval(Duration staleAfter) {
    long quarter = staleAfter.toMillis() / 4;
    return Duration.ofMillis(Math.max(50, Math.min(quarter, 30_000)));
  }

  /**
   * Claims a run that no live worker holds: creates claim number {@code expected + 1}, where {@code
   * expected} is the current claim's number the caller judged free (0 when the run was never
   * claimed, the stale or failed claim's number otherwise).
   *
   * @return the held claim, or empty when another worker created that number first
   */
  static Optional<RunClaim> claim(Path runFolder, int expected, Duration staleAfter) throws IOException {
    Path claims = Files.createDirectories(runFolder.resolve(CLAIMS));
    OptionalInt latest = latest(runFolder);
    if (latest.orElse(0) != expected) {
      return Optional.empty(); // someone was faster since the caller looked
    }
    Holder holder =
        new Holder(expected + 1, host(), ProcessHandle.current().pid(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    Path file = claims.resolve(fileName(holder.number()));
    try {
      Files.write(file, JSON.writeValueAsBytes(holder), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      return Optional.empty();
    }
    return Optional.of(new RunClaim(runFolder, holder, staleAfter));
  }

  private void beat() {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
      if (latest(runFolder).orElse(0) != holder.number() && !lost) {
        lost = true;
        LOGGER.warn("{}: another worker took this run over (its heartbeat was late); this worker's result will not be marked done", runFolder);
      }
    } catch (IOException | RuntimeException e) {
      LOGGER.warn("{}: heartbeat not written: {}", file, e.toString());
    }
  }

  /** This claim's holder. */
  public Holder holder() {
    return holder;
  }

  /** Whether another worker has taken the run over (this worker's heartbeat was late). */
  public boolean lost() throws IOException {
    return lost || latest(runFolder).orElse(0) != holder.number();
  }

  /**
   * Marks the run finished, unless another worker took it over meanwhile.
   *
   * @return whether it was marked
   */
  boolean markDone() throws IOException {
    if (lost()) {
      return false;
    }
    Done done = new Done(holder.number(), holder.host(), holder.pid(), now());
    AtomicFiles.write(runFolder.resolve(DONE), out -> out.write(JSON.writeValueAsBytes(done)));
    Files.deleteIfExists(runFolder.resolve(FAILED));
    return true;
  }

  /** Marks the run failed with the reason and its log. */
  void markFailed(String reason, Path log) throws IOException {
    Failure failure =
        new Failure(holder.number(), reason, log.toString(), holder.host(), holder.pid(), now());
    AtomicFiles.write(runFolder.resolve(FAILED), out -> out.write(JSON.writeValueAsBytes(failure)));
  }

  /** Stops the heartbeat (the claim file stays: it records who ran the run). */
  @Override
  public void close() {
    heartbeat.shutdownNow();
  }

  // ---- reading a run's claims

  /** The current claim's number, or empty when the run was never claimed. */
  static OptionalInt latest(Path runFolder) throws IOException {
    Path claims = runFolder.resolve(CLAIMS);
    if (!Files.isDirectory(claims)) {
      return OptionalInt.empty();
    }
    try (Stream<Path> files = Files.list(claims)) {
      return files
          .map(p -> CLAIM_FILE.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .mapToInt(m -> Integer.parseInt(m.group(1)))
          .max();
    }
  }

  /** The holder named by a claim file, or a placeholder while the file is being written. */
  static Holder holder(Path runFolder, int number) {
    try {
      return JSON.readValue(claimFile(runFolder, number).toFile(), Holder.class);
    } catch (IOException e) { // created but not yet written, or broken: still a claim
      return new Holder(number, "an unknown host", -1, "an unknown time");
    }
  }

  /** How long ago the claim's heartbeat was, or empty when the file is gone. */
  static Optional<Duration> heartbeatAge(Path runFolder, int number) throws IOException {
    try {
      Instant beat = Files.getLastModifiedTime(claimFile(runFolder, number)).toInstant();
      return Optional.of(Duration.between(beat, Instant.now()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  static Optional<Failure> failure(Path runFolder) {
    return read(runFolder.resolve(FAILED), Failure.class);
  }

  static Optional<Done> done(Path runFolder) {
    return read(runFolder.resolve(DONE), Done.class);
  }

  private static <T> Optional<T> read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), type));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(file + ": not a valid " + file.getFileName() + " (" + JsonFiles.problem(e) + ")", e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(file + ": not a valid " + file.getFileName() + " (" + e.getMessage() + ")", e);
    }
  }

  private static Path claimFile(Path runFolder, int number) {
    return runFolder.resolve(CLAIMS).resolve(fileName(number));
  }

  private static String fileName(int number) {
    checkArgument(number > 0, "claim numbers start at 1, got %s", number);
    return String.format(java.util.Locale.ROOT, "%04d.json", number);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }
}

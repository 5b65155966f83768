package io.github.metart.train.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.common.io.MoreFiles;
import com.google.common.hash.HashingOutputStream;
import com.google.common.hash.Hashing;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.metart.data.files.AtomicFiles;
import io.github.metart.data.files.JsonFiles;
import io.github.metart.train.files.TrainJson;
import io.github.metart.train.provenance.RunProvenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's {@code checkpoints/} folder: named checkpoints ({@link #LAST}, {@link #BEST}), each a
 * folder with the weights, the optimizer state and {@code state.json} (where the run stood, its
 * provenance and the SHA-256 of the other two files).
 *
 * <p>A checkpoint is replaced atomically: it is written whole into {@code .<name>.tmp}, forced to
 * disk, then swapped in (the previous one moved aside to {@code <name>.old}, the new one moved into
 * place, the old one deleted). A process killed at any point leaves a complete checkpoint: {@link
 * #read} falls back to {@code <name>.old} when {@code <name>} is missing or fails its checksums.
 */
public final class CheckpointStore {

  /** The checkpoint of the latest state. */
  public static final String LAST = "last";

  /** The checkpoint of the best epoch. */
  public static final String BEST = "best";

  /** The weights file of a checkpoint. */
  public static final String WEIGHTS = "weights.params";

  /** The optimizer state file of a checkpoint. */
  public static final String OPTIMIZER = "optimizer.ndlist";

  /** The state file of a checkpoint (written last). */
  public static final String STATE = "state.json";

  /** The file of the weights' moving average, in a checkpoint of a run that keeps one. */
  public static final String EMA = "ema.ndlist";

  private static final int FORMAT = 1;

  /** {@code state.json}: the format, where the run stands, its provenance, and the files' SHA-256 by name. */
  record StateFile(int format, TrainingState state, RunProvenance provenance, Map<String, String> sha256) {}
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

  private final Path folder;

  /**
   * The store in a folder (created on first write).
   *
   * @param folder the {@code checkpoints} folder
   */
  public CheckpointStore(Path folder) {
    this.folder = folder;
  }

  /** The {@code checkpoints} folder. */
  public Path folder() {
    return folder;
  }

  /** The folder of a named checkpoint (whether or not it exists). */
  public Path path(String name) {
    return folder.resolve(name);
  }

  /**
   * Writes a checkpoint atomically.
   *
   * @param name {@link #LAST} or {@link #BEST}
   * @param state where the run stands
   * @param provenance where the run comes from
   * @param weights writes the model weights
   * @param optimizer writes the optimizer state
   * @return the checkpoint's folder
   */
  public Path write(
      String name,
      TrainingState state,
      RunProvenance provenance,
      AtomicFiles.Content weights,
      AtomicFiles.Content optimizer)
      throws IOException {
    return write(name, state, provenance, weights, optimizer, null);
  }

  /**
   * Writes a checkpoint as {@link #write(String, TrainingState, RunProvenance,
   * AtomicFiles.Content, AtomicFiles.Content)} does, with the weights' moving average beside the
   * weights ({@value #EMA}, hashed like them) when {@code ema} is not {@code null}.
   */
  public Path write(
      String name,
      TrainingState state,
      RunProvenance provenance,
      AtomicFiles.Content weights,
      AtomicFiles.Content optimizer,
      AtomicFiles.Content ema)
      throws IOException {
    Path temporary = folder.resolve("." + name + ".tmp");
    AtomicFiles.deleteRecursively(temporary);
    Files.createDirectories(temporary);
    String weightsHash = writeHashed(temporary.resolve(WEIGHTS), weights);
    String optimizerHash = writeHashed(temporary.resolve(OPTIMIZER), optimizer);
    String emaHash = ema == null ? null : writeHashed(temporary.resolve(EMA), ema);
    Map<String, String> hashes = new LinkedHashMap<>();
    hashes.put(WEIGHTS, weightsHash);
    hashes.put(OPTIMIZER, optimizerHash);
    if (emaHash != null) {
      hashes.put(EMA, emaHash);
    }
    StateFile root = new StateFile(FORMAT, state, provenance, hashes);
    AtomicFiles.writeDurably(
        temporary.resolve(STATE), out -> TrainJson.mapper().writeValue(out, root));
    AtomicFiles.syncFolder(temporary);
    return swapIn(temporary, name);
  }

  /**
   * Makes checkpoint {@code to} a copy of checkpoint {@code from} (hard links where the file system
   * allows), atomically.
   *
   * @return the new checkpoint's folder
   */
  public Path copy(String from, String to) throws IOException {
    Path source = folder.resolve(from);
    Path temporary = folder.resolve("." + to + ".tmp");
    AtomicFiles.deleteRecursively(temporary);
    Files.createDirectories(temporary);
    for (String file : List.of(WEIGHTS, OPTIMIZER, STATE, EMA)) {
      if (file.equals(EMA) && !Files.exists(source.resolve(file))) {
        continue;
      }
      Path target = temporary.resolve(file);
      try {
        Files.createLink(target, source.resolve(file));
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(source.resolve(file), target);
      }
    }
    AtomicFiles.syncFolder(temporary);
    return swapIn(temporary, to);
  }

  private Path swapIn(Path temporary, String name) throws IOException {
    Path target = folder.resolve(name);
    Path old = folder.resolve(name + ".old");
    if (Files.exists(target)) {
      AtomicFiles.deleteRecursively(old);
      AtomicFiles.move(target, old);
    }
    AtomicFiles.move(temporary, target);
    AtomicFiles.syncFolder(folder);
    AtomicFiles.deleteRecursively(old);
    return target;
  }

  /**
   * Finds and verifies a checkpoint.
   *
   * @param name {@link #LAST} or {@link #BEST}
   * @return the checkpoint, or empty when there is none
   * @throws IOException when checkpoints exist but none is complete; the message names the files
   */
  public Optional<StoredCheckpoint> read(String name) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path candidate : List.of(folder.resolve(name), folder.resolve(name + ".old"))) {
      if (!Files.isDirectory(candidate)) {
        continue;
      }
      try {
        StoredCheckpoint checkpoint = verify(candidate);
        if (!problems.isEmpty()) {
          LOG.warn("using {}: {}", candidate, String.join("; ", problems));
        }
        return Optional.of(checkpoint);
      } catch (IOException | RuntimeException e) {
        problems.add(candidate + ": " + e.getMessage());
      }
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    throw new IOException("no complete checkpoint '" + name + "': " + String.join("; ", problems));
  }

  private static StoredCheckpoint verify(Path candidate) throws IOException {
    Path stateFile = candidate.resolve(STATE);
    if (!Files.isRegularFile(stateFile)) {
      throw new IOException(STATE + " is missing (interrupted write)");
    }
    StateFile root;
    try {
      JsonNode tree = TrainJson.mapper().readTree(stateFile.toFile());
      int format = tree.path("format").asInt(-1);
      if (format != FORMAT) {
        throw new IOException(STATE + " has format " + format + ", expected " + FORMAT);
      }
      root = TrainJson.mapper().treeToValue(tree, StateFile.class);
    } catch (JsonProcessingException e) {
      throw new IOException(STATE + ": " + JsonFiles.problem(e), e);
    }
    if (root.state() == null || root.provenance() == null || root.sha256() == null) {
      throw new IOException(STATE + " needs 'state', 'provenance' and 'sha256'");
    }
    List<String> hashed = new ArrayList<>(List.of(WEIGHTS, OPTIMIZER));
    if (root.sha256().containsKey(EMA)) {
      hashed.add(EMA);
    }
    for (String file : hashed) {
      String expected = root.sha256().getOrDefault(file, "");
      Path path = candidate.resolve(file);
      if (!Files.isRegularFile(path)) {
        throw new IOException(file + " is missing");
      }
      String actual = sha256(path);
      if (!actual.equals(expected)) {
        throw new IOException(file + " does not match its SHA-256 in " + STATE + " (damaged)");
      }
    }
    return new StoredCheckpoint(candidate, root.state(), root.provenance());
  }

  private static String writeHashed(Path file, AtomicFiles.Content content) throws IOException {
    HashingOutputStream[] hashing = new HashingOutputStream[1];
    AtomicFiles.writeDurably(
        file,
        out -> {
          hashing[0] = new HashingOutputStream(Hashing.sha256(), out);
          content.writeTo(hashing[0]);
          hashing[0].flush();
        });
    return hashing[0].hash().toString();
  }

  /** The SHA-256 of a file, in lower-case hex. */
  public static String sha256(Path file) throws IOException {
    return MoreFiles.asByteSource(file).hash(Hashing.sha256()).toString();
  }
}

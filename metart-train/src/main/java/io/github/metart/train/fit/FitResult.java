package io.github.metart.train.fit;

import io.github.metart.train.history.History;
import io.github.metart.train.history.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param history every epoch
 * @param status {@link RunStatus#COMPLETED} or {@link RunStatus#EARLY_STOPPED}
 * @param message a line on how the run ended
 * @param bestEpoch the best epoch (from 1) by the monitored quantity, 0 when none
 * @param monitor the history column that decided the best epoch, e.g. {@code val_accuracy}
 * @param weightsEpoch the epoch whose weights the model holds now (the best one when restored)
 * @param outputDirectory the run's output folder, or {@code null} when it wrote none
 * @param devices the devices trained on
 * @param updater the parameter update implementation
 */
public record FitResult(
    History history,
    RunStatus status,
    String message,
    int bestEpoch,
    String monitor,
    int weightsEpoch,
    Path outputDirectory,
    List<String> devices,
    String updater) {

  /** The model folder's name in the output folder. */
  public static final String MODEL_FOLDER = io.github.metart.models.io.ModelFolder.IN_TRAINING_FOLDER;

  /** Normalizes the lists. */
  public FitResult {
    devices = List.copyOf(devices);
  }

  /** The folder of the last checkpoint, when the run wrote files. */
  public Optional<Path> lastCheckpoint() {
    return Optional.ofNullable(outputDirectory).map(d -> d.resolve("checkpoints").resolve("last"));
  }

  /**
   * The model folder ({@code model/}: the weights the model ends with, its spec), written when the
   * run finished with an output folder.
   */
  public Optional<Path> modelFolder() {
    return Optional.ofNullable(outputDirectory).map(d -> d.resolve(MODEL_FOLDER));
  }

  /** The folder of the best checkpoint, when the run wrote files. */
  public Optional<Path> bestCheckpoint() {
    return Optional.ofNullable(outputDirectory).map(d -> d.resolve("checkpoints").resolve("best"));
  }
}

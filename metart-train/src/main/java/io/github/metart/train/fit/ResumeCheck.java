package io.github.metart.train.fit;

import io.github.metart.train.checkpoint.StoredCheckpoint;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.files.TrainJson;
import io.github.metart.train.provenance.RunProvenance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where a run starts: a fresh run must not overwrite another in its output folder; a
 * resumed run needs a checkpoint trained with the same recipe, model spec and data.
 */
final class ResumeCheck {

  private static final Logger LOG = LoggerFactory.getLogger(ResumeCheck.class);

  private ResumeCheck() {}

  /**
   * The checkpoint to continue from.
   *
   * @param files the output folder, or {@code null} for a run without files
   * @param resume whether the run is to continue
   * @return the last checkpoint when resuming, else empty
   * @throws IllegalArgumentException when a fresh run would overwrite one, or there is nothing to
   *     resume
   */
  static Optional<StoredCheckpoint> start(RunFiles files, boolean resume) throws IOException {
    if (files == null) {
      if (resume) {
        throw new IllegalArgumentException("resuming needs the output folder of the run");
      }
      return Optional.empty();
    }
    Optional<StoredCheckpoint> last = files.last();
    if (!resume && last.isPresent()) {
      throw new IllegalArgumentException(
          files.folder()
              + " already holds a training run ("
              + last.get().folder()
              + "): resume it, or train into another folder");
    }
    if (resume && last.isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to resume in " + files.folder() + ": " + files.lastFolder() + " does not exist");
    }
    return last;
  }

  /**
   * Checks that a checkpoint can continue with this configuration, model and data.
   *
   * @throws IllegalArgumentException naming the checkpoint and listing every difference
   */
  static void compatible(
      StoredCheckpoint checkpoint, TrainingConfig config, String modelSpec, TrainingData data) {
    RunProvenance saved = checkpoint.provenance();
    List<String> problems = new ArrayList<>(config.resumeDifferences(saved.config()));
    if (!TrainJson.parse(saved.modelSpec(), "the checkpoint's model spec")
        .equals(TrainJson.parse(modelSpec, "the model spec"))) {
      problems.add("the model spec differs from the checkpoint's");
    }
    if (!saved.datasetManifestSha256().equals(data.manifestSha256())) {
      problems.add(
          "the dataset manifest hash is "
              + data.manifestSha256()
              + ", the checkpoint's "
              + saved.datasetManifestSha256());
    }
    if (checkpoint.state().trainSize() != data.train().size()) {
      problems.add(
          "the training dataset has "
              + data.train().size()
              + " records, the checkpoint's "
              + checkpoint.state().trainSize());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot resume from " + checkpoint.folder() + ": " + String.join("; ", problems));
    }
  }

  /**
   * Says exactly what a resumed run with another number of epochs changes: the schedule is planned
   * over the run's epochs, so a cosine or step schedule gives other learning rates from the resumed
   * step on (a constant one does not). Logged as a warning.
   *
   * @param checkpoint the checkpoint resumed from
   * @param config the configuration of the resumed run
   * @param batchesPerEpoch the training batches of one epoch
   * @return the warning, or empty when the epochs are the same or the learning rate does not change
   */
  static Optional<String> describeEpochChange(
      StoredCheckpoint checkpoint, TrainingConfig config, int batchesPerEpoch) {
    int before = checkpoint.provenance().config().epochs();
    if (before == config.epochs()) {
      return Optional.empty();
    }
    double progress =
        checkpoint.state().sampler().epoch()
            + (double) checkpoint.state().sampler().batchesDone() / batchesPerEpoch;
    double base = config.optimizer().learningRate();
    double planned = base * config.schedule().factor(progress, before);
    double now = base * config.schedule().factor(progress, config.epochs());
    String change =
        String.format(
            java.util.Locale.ROOT,
            "resuming %s with %d epochs instead of the checkpoint's %d: ",
            checkpoint.folder(),
            config.epochs(),
            before);
    if (planned == now) {
      change += "the learning rate plan (" + config.schedule().describe() + ") is unchanged so far";
      LOG.info(change);
      return Optional.of(change);
    }
    change +=
        String.format(
            java.util.Locale.ROOT,
            "the %s schedule is planned over %d epochs now, so the learning rate at the resumed"
                + " step (epoch %.2f) is %.3g instead of %.3g and follows the new plan from there",
            config.schedule().describe(),
            config.epochs(),
            progress,
            now,
            planned);
    LOG.warn(change);
    return Optional.of(change);
  }

  /**
   * Logs a warning when the resumed run computes with another number of CPU threads than the
   * checkpoint's run: PyTorch may split float reductions differently, so the resumed run need not
   * continue bit for bit (it still trains correctly).
   *
   * @return the warning, or empty when the thread count is the same or the checkpoint's is unknown
   */
  static Optional<String> warnOnThreadChange(StoredCheckpoint checkpoint, int computeThreads) {
    int before = checkpoint.provenance().computeThreads();
    if (before == 0 || before == computeThreads) {
      return Optional.empty();
    }
    String warning =
        "resuming "
            + checkpoint.folder()
            + " with "
            + computeThreads
            + " CPU compute threads, the checkpoint's run used "
            + before
            + ": float reductions may round differently, so the run may not continue bit for bit"
            + " (set cpuThreads to "
            + before
            + " for an exact continuation)";
    LOG.warn(warning);
    return Optional.of(warning);
  }
}

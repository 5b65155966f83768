package io.github.metart.train.checkpoint;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.train.history.History;
import io.github.metart.train.history.RunStatus;
import io.github.metart.data.loading.SamplerState;

/**
 * Where a run stands, as a checkpoint saves it (the weights and the optimizer state are stored
 * beside it): the epoch and batch to continue from, the step count (which also seeds the engine's
 * random numbers), the running sums of the epoch in progress, early stopping, the history so far.
 *
 * @param sampler where the training data's sampler stands: the epoch in progress (0-based) and the
 *     batches of it already done (the data module's {@code EpochSampler} state)
 * @param trainSize the number of training records (a resumed run must see the same)
 * @param globalStep the number of steps done since the start of the run
 * @param totals the running sums of the epoch in progress
 * @param best the best value of the quantity that decides the best checkpoint
 * @param stopping the early-stopping watch (its value unused when early stopping is off)
 * @param history the completed epochs
 * @param status how the run stands
 * @param message a line on how the run ended, or empty
 */
public record TrainingState(
    SamplerState sampler,
    long trainSize,
    long globalStep,
    EpochTotals totals,
    BestSoFar best,
    BestSoFar stopping,
    History history,
    RunStatus status,
    String message) {

  /** Validates the state. */
  public TrainingState {
    checkArgument(sampler != null, "the sampler state is missing");
    checkArgument(trainSize >= 1, "the training set size must be at least 1, got %s", trainSize);
    checkArgument(globalStep >= 0, "the step count must be 0 or more, got %s", globalStep);
    checkArgument(totals != null && best != null && stopping != null, "totals or watches missing");
    checkArgument(history != null, "the history is missing");
    checkArgument(
        history.size() == sampler.epoch(),
        "the history has %s epochs but the run stands in epoch %s (0-based)",
        history.size(),
        sampler.epoch());
    checkArgument(status != null, "the status is missing");
    message = message == null ? "" : message;
  }

  /** The epoch in progress (0-based): the number of completed epochs. */
  public int epoch() {
    return sampler.epoch();
  }

  /** This state with another status and message. */
  public TrainingState withStatus(RunStatus newStatus, String newMessage) {
    return new TrainingState(
        sampler, trainSize, globalStep, totals, best, stopping, history, newStatus, newMessage);
  }
}

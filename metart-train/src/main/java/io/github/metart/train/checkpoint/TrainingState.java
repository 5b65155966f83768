package io.github.metart.train.checkpoint;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.train.history.History;
import io.github.metart.train.history.RunStatus;
import io.github.metart.train.sampling.SamplerState;

/**
 * Where a run stands, as a checkpoint saves it (the weights and the optimizer state are stored
 * beside it): the epoch and batch to continue from, the step count (which also seeds the engine's
 * random numbers), the running sums of the epoch in progress, early stopping, the history so far.
 *
 * @param sampler where the epoch in progress stands: its epoch (0-based) and next batch
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
}

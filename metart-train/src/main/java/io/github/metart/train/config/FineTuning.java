package io.github.metart.train.config;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * How a network with a backbone and a head (a {@code MetNetwork}) is fine-tuned: the backbone
 * frozen for the first epochs while the new head learns, then trained with a learning rate that is
 * a fraction of the head's (two parameter groups, as in PyTorch's {@code param_groups}).
 *
 * <p>While the backbone is frozen its parameters get no gradient and no update (their optimizer
 * state, momentum or Adam moments, stays zero), and it runs in inference mode, so its batch-norm
 * running statistics stay as they were and its dropout is off. From epoch {@code
 * freezeBackboneEpochs + 1} on it is trained at {@code backboneLrFactor} times the scheduled
 * learning rate; the head always at the scheduled rate. Both decide the result, so they are
 * recorded in the run's provenance and a resumed run must use the same.
 *
 * @param freezeBackboneEpochs the epochs at the start with the backbone frozen, 0 for none
 * @param backboneLrFactor the backbone's learning rate as a multiple of the head's, in (0, 100]
 *     (1 for one learning rate for all)
 */
public record FineTuning(int freezeBackboneEpochs, double backboneLrFactor) {

  /** Validates the settings. */
  public FineTuning {
    checkArgument(
        freezeBackboneEpochs >= 0 && freezeBackboneEpochs <= TrainingConfig.MAX_EPOCHS,
        "freezeBackboneEpochs must be between 0 (never frozen) and %s, got %s",
        TrainingConfig.MAX_EPOCHS,
        freezeBackboneEpochs);
    checkArgument(
        backboneLrFactor > 0 && backboneLrFactor <= 100 && Double.isFinite(backboneLrFactor),
        "backboneLrFactor must be above 0 and at most 100 (1 for the head's learning rate), got %s",
        backboneLrFactor);
  }

  /** Every parameter trained from the first epoch at the one scheduled learning rate. */
  public static FineTuning none() {
    return new FineTuning(0, 1);
  }

  /** This fine-tuning with the backbone frozen for the first {@code epochs} epochs. */
  public FineTuning withFrozenBackboneEpochs(int epochs) {
    return new FineTuning(epochs, backboneLrFactor);
  }

  /** This fine-tuning with the backbone's learning rate {@code factor} times the head's. */
  public FineTuning withBackboneLrFactor(double factor) {
    return new FineTuning(freezeBackboneEpochs, factor);
  }

  /** Whether this changes nothing: no frozen epoch and one learning rate for all. */
  @JsonIgnore
  public boolean isNone() {
    return freezeBackboneEpochs == 0 && backboneLrFactor == 1;
  }

  /**
   * Whether the backbone is frozen in an epoch.
   *
   * @param epoch the epoch, counted from 0
   */
  public boolean backboneFrozenIn(int epoch) {
    return epoch < freezeBackboneEpochs;
  }

  /**
   * The learning-rate factor of the backbone's parameters in an epoch: 0 while frozen, else {@link
   * #backboneLrFactor}.
   *
   * @param epoch the epoch, counted from 0
   */
  public double backboneFactorIn(int epoch) {
    return backboneFrozenIn(epoch) ? 0 : backboneLrFactor;
  }

  /** One line such as {@code backbone frozen for 2 epochs, then at 0.1 x the learning rate}. */
  public String describe() {
    if (isNone()) {
      return "off";
    }
    String factor =
        backboneLrFactor == 1
            ? "the head's learning rate"
            : String.format(Locale.ROOT, "%s x the learning rate", backboneLrFactor);
    return freezeBackboneEpochs == 0
        ? "backbone at " + factor
        : "backbone frozen for "
            + freezeBackboneEpochs
            + (freezeBackboneEpochs == 1 ? " epoch" : " epochs")
            + ", then at "
            + factor;
  }
}

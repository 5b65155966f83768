package io.github.metart.train.fit;

import ai.djl.nn.Block;
import io.github.metart.models.network.MetNetwork;
import io.github.metart.train.config.FineTuning;
import io.github.metart.train.optim.ParameterUpdater;
import java.util.List;

/**
 * Applies a run's {@link FineTuning} at the start of every epoch (also of a resumed one): freezes
 * or unfreezes the {@link MetNetwork}'s backbone (frozen, it runs in inference mode, so its
 * batch-norm statistics stay put) and gives the updater the backbone's learning-rate factor (0
 * while frozen). Both follow from the epoch alone, so a resumed run continues exactly. {@link
 * #close()} leaves the backbone unfrozen, as the run found it.
 */
final class BackboneSchedule implements AutoCloseable {

  private final FineTuning fineTuning;
  private final MetNetwork network;
  private final boolean[] backbone;
  private final ParameterUpdater updater;
  private boolean frozeIt;

  private BackboneSchedule(
      FineTuning fineTuning, MetNetwork network, boolean[] backbone, ParameterUpdater updater) {
    this.fineTuning = fineTuning;
    this.network = network;
    this.backbone = backbone;
    this.updater = updater;
  }

  /**
   * The schedule of a run.
   *
   * @param fineTuning the configuration's fine-tuning
   * @param block the network trained
   * @param names the trainable parameters' names, in the updater's order
   * @param updater the run's updater
   * @throws IllegalArgumentException when fine-tuning is asked of a network without a backbone and
   *     a head, or a frozen-backbone phase of a model whose backbone is frozen for good
   */
  static BackboneSchedule of(
      FineTuning fineTuning, Block block, List<String> names, ParameterUpdater updater) {
    if (fineTuning.isNone()) {
      return new BackboneSchedule(fineTuning, null, null, updater);
    }
    if (!(block instanceof MetNetwork network)) {
      throw new IllegalArgumentException(
          "fine-tuning ("
              + fineTuning.describe()
              + ") needs a network with a backbone and a head (a MetModel), not a "
              + block.getClass().getSimpleName());
    }
    if (fineTuning.freezeBackboneEpochs() > 0 && network.isBackboneFrozen()) {
      throw new IllegalArgumentException(
          "the model's backbone is frozen for the whole run (MetModel.freezeBackbone), so it cannot"
              + " be unfrozen after freezeBackboneEpochs "
              + fineTuning.freezeBackboneEpochs()
              + ": unfreeze the model, or set freezeBackboneEpochs to 0");
    }
    boolean[] backbone = new boolean[names.size()];
    String prefix = MetNetwork.BACKBONE + "_";
    for (int i = 0; i < backbone.length; i++) {
      backbone[i] = names.get(i).startsWith(prefix);
    }
    return new BackboneSchedule(fineTuning, network, backbone, updater);
  }

  /** Sets the backbone up for an epoch (counted from 0). */
  void enter(int epoch) {
    if (network == null) {
      return;
    }
    boolean frozen = fineTuning.backboneFrozenIn(epoch);
    if (fineTuning.freezeBackboneEpochs() > 0 && network.isBackboneFrozen() != frozen) {
      network.freezeBackbone(frozen);
      frozeIt = frozen;
    }
    double backboneFactor = fineTuning.backboneFactorIn(epoch);
    double[] factors = new double[backbone.length];
    for (int i = 0; i < factors.length; i++) {
      factors[i] = backbone[i] ? backboneFactor : 1;
    }
    updater.learningRateFactors(factors);
  }

  /** Unfreezes the backbone if this schedule froze it. */
  @Override
  public void close() {
    if (frozeIt) {
      network.freezeBackbone(false);
      frozeIt = false;
    }
  }
}

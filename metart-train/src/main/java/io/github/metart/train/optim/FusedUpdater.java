package io.github.metart.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;
import ai.djl.training.GradientCollector;
import io.github.metart.train.config.GradientClipping;
import io.github.metart.train.config.OptimizerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Updates through PyTorch's fused optimizer kernels ({@link FusedStepProgram}): per step one call
 * into the engine computes the gradients, clips them, updates every parameter in one pass and
 * refreshes the replicas. With {@linkplain #learningRateFactors parameter groups} of different
 * factors, the gradients come back from the engine once and each group is updated by its own
 * kernel call at its own learning rate; parameters at factor 0 are left out of every list.
 */
final class FusedUpdater implements ParameterUpdater {

  private final FusedStepProgram program;
  private final OptimizerConfig optimizer;
  private final GradientClipping clipping;
  private final OptimizerState state;
  private final ReplicatedParameters parameters;
  private final int parameterCount;
  private final int replicaCount;
  private final List<IValue> owned = new ArrayList<>();
  private LearningRateFactors factors;
  // the updated parameters in factors.order(): every replica's, and per group the main replica's
  // with their optimizer state
  private int activeCount;
  private int[] groupEnds;
  private IValue flat;
  private List<Group> groups;
  private boolean accumulated;

  /** One parameter group's lists for the kernels. */
  private record Group(
      int start, int end, IValue main, IValue momentum, IValue expAvg, IValue expAvgSq, IValue steps) {}

  FusedUpdater(
      FusedStepProgram program,
      OptimizerConfig optimizer,
      GradientClipping clipping,
      ReplicatedParameters parameters,
      OptimizerState state) {
    this.program = program;
    this.optimizer = optimizer;
    this.clipping = clipping;
    this.state = state;
    this.parameters = parameters;
    this.parameterCount = parameters.size();
    this.replicaCount = parameters.replicaCount();
    useFactors(LearningRateFactors.ones(parameterCount));
  }

  @Override
  public void learningRateFactors(double[] values) {
    useFactors(LearningRateFactors.of(values, parameterCount));
  }

  /** Builds the engine's lists of the updated parameters and their state, group after group. */
  private void useFactors(LearningRateFactors chosen) {
    int[] order = chosen.order();
    double[] ends = chosen.groupEnds();
    List<NDArray> flatActive = new ArrayList<>(order.length * replicaCount);
    for (int k = 0; k < replicaCount; k++) {
      flatActive.addAll(pick(parameters.replica(k), order, 0, order.length));
    }
    close();
    factors = chosen;
    activeCount = order.length;
    flat = own(list(flatActive));
    groupEnds = new int[ends.length];
    List<Group> built = new ArrayList<>();
    int start = 0;
    for (int g = 0; g < ends.length; g++) {
      int end = (int) ends[g];
      groupEnds[g] = end;
      built.add(
          new Group(
              start,
              end,
              own(list(pick(parameters.main(), order, start, end))),
              own(list(pick(state.slot(OptimizerState.Slot.MOMENTUM), order, start, end))),
              own(list(pick(state.slot(OptimizerState.Slot.EXP_AVG), order, start, end))),
              own(list(pick(state.slot(OptimizerState.Slot.EXP_AVG_SQ), order, start, end))),
              own(list(pick(state.slot(OptimizerState.Slot.STEP), order, start, end)))));
      start = end;
    }
    groups = List.copyOf(built);
  }

  /** The arrays at {@code order[from..to)}; an empty slot (no such state) stays empty. */
  private static List<NDArray> pick(List<NDArray> arrays, int[] order, int from, int to) {
    if (arrays.isEmpty()) {
      return arrays;
    }
    List<NDArray> picked = new ArrayList<>(to - from);
    for (int p = from; p < to; p++) {
      picked.add(arrays.get(order[p]));
    }
    return picked;
  }

  @Override
  public double step(
      GradientCollector collector, List<NDArray> losses, double[] weights, double learningRate) {
    if (losses.size() != weights.length || losses.isEmpty() || losses.size() > replicaCount) {
      throw new IllegalArgumentException(
          losses.size()
              + " losses and "
              + weights.length
              + " weights for "
              + replicaCount
              + " replicas; one per replica used expected");
    }
    List<IValue> temporary = new ArrayList<>();
    try {
      IValue lossList = keep(temporary, list(losses));
      IValue weightList = keep(temporary, IValue.listFrom(weights));
      double[] rates = factors.groupLearningRates(learningRate);
      double norm;
      if (groups.size() == 1) {
        norm = fusedStep(temporary, lossList, weightList, groups.get(0), rates[0]);
      } else {
        norm = groupedStep(temporary, lossList, weightList, rates);
      }
      state.countUpdate();
      accumulated = false;
      return norm < 0 ? Double.NaN : norm;
    } finally {
      temporary.forEach(IValue::close);
    }
  }

  /** One call: gradients, clipping, the update of the one group, the replicas. */
  private double fusedStep(
      List<IValue> temporary, IValue lossList, IValue weightList, Group group, double rate) {
    double maxNorm = clipping.maxNorm();
    double maxValue = clipping.maxValue();
    IValue result;
    if (optimizer instanceof OptimizerConfig.Sgd sgd) {
      result =
          keep(
              temporary,
              program.run(
                  "sgd_step",
                  lossList,
                  weightList,
                  flat,
                  group.momentum(),
                  keep(temporary, IValue.from((long) activeCount)),
                  keep(temporary, IValue.from(rate)),
                  keep(temporary, IValue.from(sgd.momentum())),
                  keep(temporary, IValue.from(sgd.weightDecay())),
                  keep(temporary, IValue.from(sgd.nesterov())),
                  keep(temporary, IValue.from(state.updates() == 0)),
                  keep(temporary, IValue.from(maxNorm)),
                  keep(temporary, IValue.from(maxValue)),
                  keep(temporary, IValue.from(accumulated))));
    } else {
      OptimizerConfig.Adam adam = (OptimizerConfig.Adam) optimizer;
      result =
          keep(
              temporary,
              program.run(
                  "adam_step",
                  lossList,
                  weightList,
                  flat,
                  group.expAvg(),
                  group.expAvgSq(),
                  group.steps(),
                  keep(temporary, IValue.from((long) activeCount)),
                  keep(temporary, IValue.from(rate)),
                  keep(temporary, IValue.from(adam.beta1())),
                  keep(temporary, IValue.from(adam.beta2())),
                  keep(temporary, IValue.from(adam.epsilon())),
                  keep(temporary, IValue.from(adam.weightDecay())),
                  keep(temporary, IValue.from(adam.decoupledWeightDecay())),
                  keep(temporary, IValue.from(maxNorm)),
                  keep(temporary, IValue.from(maxValue)),
                  keep(temporary, IValue.from(accumulated))));
    }
    return result.toDouble();
  }

  /**
   * Gradients and clipping in one call, then one kernel call per group, then the replicas. (The
   * groups are not sliced inside the TorchScript program: there, in-place kernels on slices of the
   * state lists were observed not to reach the original tensors.)
   */
  private double groupedStep(
      List<IValue> temporary, IValue lossList, IValue weightList, double[] rates) {
    IValue result =
        keep(
            temporary,
            program.run(
                "gradients_clipped",
                lossList,
                weightList,
                flat,
                keep(temporary, IValue.from((long) activeCount)),
                keep(temporary, IValue.from(clipping.maxNorm())),
                keep(temporary, IValue.from(clipping.maxValue())),
                keep(temporary, IValue.from(accumulated))));
    NDArray anyParameter = parameters.main().get(0);
    try (NDManager scratch = anyParameter.getManager().newSubManager(anyParameter.getDevice())) {
      ai.djl.pytorch.engine.PtNDArray[] gradients = result.toTensorArray((PtNDManager) scratch);
      double norm = gradients[activeCount].toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble(0);
      List<NDArray> ordered = new ArrayList<>(activeCount);
      for (int p = 0; p < activeCount; p++) {
        ordered.add(gradients[p]);
      }
      updateGroups(temporary, ordered, rates);
      keep(
          temporary,
          program.run(
              "broadcast_replicas", flat, keep(temporary, IValue.from((long) activeCount))));
      return norm;
    }
  }

  /** One kernel call per group; {@code ordered} holds the gradients in {@code factors.order()}. */
  private void updateGroups(List<IValue> temporary, List<NDArray> ordered, double[] rates) {
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      IValue grads = keep(temporary, list(ordered.subList(group.start(), group.end())));
      IValue rate = keep(temporary, IValue.from(rates[g]));
      if (optimizer instanceof OptimizerConfig.Sgd sgd) {
        keep(
            temporary,
            program.run(
                "sgd_apply",
                group.main(),
                grads,
                group.momentum(),
                rate,
                keep(temporary, IValue.from(sgd.momentum())),
                keep(temporary, IValue.from(sgd.weightDecay())),
                keep(temporary, IValue.from(sgd.nesterov())),
                keep(temporary, IValue.from(state.updates() == 0))));
      } else {
        OptimizerConfig.Adam adam = (OptimizerConfig.Adam) optimizer;
        keep(
            temporary,
            program.run(
                "adam_apply",
                group.main(),
                grads,
                group.expAvg(),
                group.expAvgSq(),
                group.steps(),
                rate,
                keep(temporary, IValue.from(adam.beta1())),
                keep(temporary, IValue.from(adam.beta2())),
                keep(temporary, IValue.from(adam.epsilon())),
                keep(temporary, IValue.from(adam.weightDecay())),
                keep(temporary, IValue.from(adam.decoupledWeightDecay()))));
      }
    }
  }

  @Override
  public void accumulate(GradientCollector collector, List<NDArray> losses, double[] weights) {
    if (losses.size() != weights.length || losses.isEmpty() || losses.size() > replicaCount) {
      throw new IllegalArgumentException(
          losses.size() + " losses and " + weights.length + " weights for " + replicaCount + " replicas");
    }
    // backward adds into .grad; the next step's program adds .grad to its own gradients and zeroes it
    try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
      scope.suppressNotUsedWarning();
      for (int k = 0; k < losses.size(); k++) {
        NDArray loss = losses.get(k);
        collector.backward(weights[k] == 1 ? loss : loss.mul(weights[k]));
      }
    }
    accumulated = true;
  }

  @Override
  public void apply(List<NDArray> gradients, double learningRate) {
    if (gradients.size() != parameterCount) {
      throw new IllegalArgumentException(
          gradients.size() + " gradients for " + parameterCount + " parameters");
    }
    List<IValue> temporary = new ArrayList<>();
    try {
      updateGroups(
          temporary,
          pick(gradients, factors.order(), 0, activeCount),
          factors.groupLearningRates(learningRate));
      state.countUpdate();
    } finally {
      temporary.forEach(IValue::close);
    }
  }
  @Override
  public OptimizerState state() {
    return state;
  }

  @Override
  public String describe() {
    String kernel;
    if (optimizer instanceof OptimizerConfig.Adam adam) {
      kernel = adam.decoupledWeightDecay() ? "_fused_adamw_" : "_fused_adam_";
    } else {
      kernel = "_fused_sgd_";
    }
    return "fused (PyTorch " + kernel + ", gradients by torch.autograd.grad)";
  }

  @Override
  public void close() {
    owned.forEach(IValue::close);
    owned.clear();
  }

  private IValue own(IValue value) {
    owned.add(value);
    return value;
  }

  private static IValue keep(List<IValue> temporary, IValue value) {
    temporary.add(value);
    return value;
  }

  private static IValue list(List<NDArray> arrays) {
    PtNDArray[] tensors = new PtNDArray[arrays.size()];
    for (int i = 0; i < tensors.length; i++) {
      NDArray array = arrays.get(i);
      if (!(array instanceof PtNDArray tensor)) {
        throw new IllegalArgumentException(
            "fused updates need PyTorch arrays, got " + array.getClass().getName());
      }
      tensors[i] = tensor;
    }
    return IValue.listFrom(tensors);
  }
}

package io.github.metart.train.optim;

import ai.djl.ndarray.NDArray;
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
 * refreshes the replicas.
 */
final class FusedUpdater implements ParameterUpdater {

  private final FusedStepProgram program;
  private final OptimizerConfig optimizer;
  private final GradientClipping clipping;
  private final OptimizerState state;
  private final int parameterCount;
  private final int replicaCount;
  private final List<IValue> owned = new ArrayList<>();
  private final IValue flat;
  private final IValue main;
  private final IValue momentum;
  private final IValue expAvg;
  private final IValue expAvgSq;
  private final IValue steps;

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
    this.parameterCount = parameters.size();
    this.replicaCount = parameters.replicaCount();
    this.flat = own(list(parameters.flat()));
    this.main = own(list(parameters.main()));
    this.momentum = own(list(state.slot(OptimizerState.Slot.MOMENTUM)));
    this.expAvg = own(list(state.slot(OptimizerState.Slot.EXP_AVG)));
    this.expAvgSq = own(list(state.slot(OptimizerState.Slot.EXP_AVG_SQ)));
    this.steps = own(list(state.slot(OptimizerState.Slot.STEP)));
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
                    momentum,
                    keep(temporary, IValue.from((long) parameterCount)),
                    keep(temporary, IValue.from(learningRate)),
                    keep(temporary, IValue.from(sgd.momentum())),
                    keep(temporary, IValue.from(sgd.weightDecay())),
                    keep(temporary, IValue.from(sgd.nesterov())),
                    keep(temporary, IValue.from(state.updates() == 0)),
                    keep(temporary, IValue.from(maxNorm)),
                    keep(temporary, IValue.from(maxValue))));
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
                    expAvg,
                    expAvgSq,
                    steps,
                    keep(temporary, IValue.from((long) parameterCount)),
                    keep(temporary, IValue.from(learningRate)),
                    keep(temporary, IValue.from(adam.beta1())),
                    keep(temporary, IValue.from(adam.beta2())),
                    keep(temporary, IValue.from(adam.epsilon())),
                    keep(temporary, IValue.from(adam.weightDecay())),
                    keep(temporary, IValue.from(adam.decoupledWeightDecay())),
                    keep(temporary, IValue.from(maxNorm)),
                    keep(temporary, IValue.from(maxValue))));
      }
      state.countUpdate();
      double norm = result.toDouble();
      return norm < 0 ? Double.NaN : norm;
    } finally {
      temporary.forEach(IValue::close);
    }
  }

  @Override
  public void apply(List<NDArray> gradients, double learningRate) {
    if (gradients.size() != parameterCount) {
      throw new IllegalArgumentException(
          gradients.size() + " gradients for " + parameterCount + " parameters");
    }
    List<IValue> temporary = new ArrayList<>();
    try {
      IValue grads = keep(temporary, list(gradients));
      if (optimizer instanceof OptimizerConfig.Sgd sgd) {
        keep(
            temporary,
            program.run(
                "sgd_apply",
                main,
                grads,
                momentum,
                keep(temporary, IValue.from(learningRate)),
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
                main,
                grads,
                expAvg,
                expAvgSq,
                steps,
                keep(temporary, IValue.from(learningRate)),
                keep(temporary, IValue.from(adam.beta1())),
                keep(temporary, IValue.from(adam.beta2())),
                keep(temporary, IValue.from(adam.epsilon())),
                keep(temporary, IValue.from(adam.weightDecay())),
                keep(temporary, IValue.from(adam.decoupledWeightDecay()))));
      }
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

package io.github.metart.train.optim;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.github.metart.train.config.GradientClipping;
import io.github.metart.train.config.OptimizerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Updates parameter by parameter through DJL's {@code NDArray} operations: gradients by {@code
 * backward} into {@code .grad}, PyTorch's SGD and Adam formulas written out, temporaries freed at
 * the end of every update. Slower than {@link FusedUpdater}; used when the fused kernels are
 * unavailable, and as the reference the fused path is tested against.
 */
final class UnfusedUpdater implements ParameterUpdater {

  private final OptimizerConfig optimizer;
  private final GradientClipping clipping;
  private final ReplicatedParameters parameters;
  private final OptimizerState state;
  private LearningRateFactors factors;

  UnfusedUpdater(
      OptimizerConfig optimizer,
      GradientClipping clipping,
      ReplicatedParameters parameters,
      OptimizerState state) {
    this.optimizer = optimizer;
    this.clipping = clipping;
    this.parameters = parameters;
    this.state = state;
    this.factors = LearningRateFactors.ones(parameters.size());
  }

  @Override
  public void learningRateFactors(double[] values) {
    factors = LearningRateFactors.of(values, parameters.size());
  }

  @Override
  public double step(
      GradientCollector collector, List<NDArray> losses, double[] weights, double learningRate) {
    if (losses.size() != weights.length
        || losses.isEmpty()
        || losses.size() > parameters.replicaCount()) {
      throw new IllegalArgumentException(
          losses.size()
              + " losses and "
              + weights.length
              + " weights for "
              + parameters.replicaCount()
              + " replicas");
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      for (int k = 0; k < losses.size(); k++) {
        NDArray loss = losses.get(k);
        collector.backward(weights[k] == 1 ? loss : loss.mul(weights[k]));
      }
      boolean gradMode = JniUtils.isGradMode();
      JniUtils.setGradMode(false);
      try {
        List<NDArray> gradients = reducedGradients(losses.size());
        double norm = clip(gradients);
        update(gradients, learningRate);
        broadcast();
        zeroGradients();
        return norm;
      } finally {
        JniUtils.setGradMode(gradMode);
      }
    }
  }

  @Override
  public void accumulate(GradientCollector collector, List<NDArray> losses, double[] weights) {
    checkLosses(losses, weights);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      // backward adds into .grad, which the next step reads and then zeroes
      for (int k = 0; k < losses.size(); k++) {
        NDArray loss = losses.get(k);
        collector.backward(weights[k] == 1 ? loss : loss.mul(weights[k]));
      }
    }
  }

  private void checkLosses(List<NDArray> losses, double[] weights) {
    if (losses.size() != weights.length
        || losses.isEmpty()
        || losses.size() > parameters.replicaCount()) {
      throw new IllegalArgumentException(
          losses.size()
              + " losses and "
              + weights.length
              + " weights for "
              + parameters.replicaCount()
              + " replicas");
    }
  }

  @Override
  public void apply(List<NDArray> gradients, double learningRate) {
    if (gradients.size() != parameters.size()) {
      throw new IllegalArgumentException(
          gradients.size() + " gradients for " + parameters.size() + " parameters");
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      boolean gradMode = JniUtils.isGradMode();
      JniUtils.setGradMode(false);
      try {
        List<NDArray> active = new ArrayList<>(gradients);
        for (int i = 0; i < active.size(); i++) {
          if (!factors.isActive(i)) {
            active.set(i, null);
          }
        }
        update(active, learningRate);
      } finally {
        JniUtils.setGradMode(gradMode);
      }
    }
  }

  /** The summed gradients of the active parameters; {@code null} for frozen ones. */
  private List<NDArray> reducedGradients(int replicasUsed) {
    Device main = parameters.devices().get(0);
    List<NDArray> gradients = new ArrayList<>(parameters.size());
    for (int i = 0; i < parameters.size(); i++) {
      if (!factors.isActive(i)) {
        gradients.add(null);
        continue;
      }
      NDArray sum = parameters.main().get(i).getGradient();
      for (int k = 1; k < replicasUsed; k++) {
        sum.addi(parameters.replica(k).get(i).getGradient().toDevice(main, true));
      }
      gradients.add(sum);
    }
    return gradients;
  }

  private double clip(List<NDArray> gradients) {
    if (clipping.maxValue() > 0) {
      double v = clipping.maxValue();
      gradients.replaceAll(g -> g == null ? null : g.clip(-v, v));
    }
    if (clipping.maxNorm() <= 0) {
      return Double.NaN;
    }
    double squares = 0;
    for (NDArray g : gradients) {
      if (g == null) {
        continue;
      }
      double norm = g.norm().getFloat();
      squares += norm * norm;
    }
    double norm = Math.sqrt(squares);
    double coefficient = clipping.maxNorm() / (norm + 1e-6);
    if (coefficient < 1) {
      gradients.replaceAll(g -> g == null ? null : g.mul(coefficient));
    }
    return norm;
  }

  private void update(List<NDArray> gradients, double learningRate) {
    if (optimizer instanceof OptimizerConfig.Sgd sgd) {
      updateSgd(sgd, gradients, learningRate);
    } else {
      updateAdam((OptimizerConfig.Adam) optimizer, gradients, learningRate);
    }
    state.countUpdate();
  }

  private void updateSgd(OptimizerConfig.Sgd sgd, List<NDArray> gradients, double learningRate) {
    List<NDArray> buffers = state.slot(OptimizerState.Slot.MOMENTUM);
    boolean first = state.updates() == 0;
    for (int i = 0; i < parameters.size(); i++) {
      if (!factors.isActive(i)) {
        continue;
      }
      double lr = learningRate * factors.factor(i);
      NDArray weight = parameters.main().get(i);
      NDArray direction = gradients.get(i);
      if (sgd.weightDecay() > 0) {
        direction = direction.add(weight.mul(sgd.weightDecay()));
      }
      if (sgd.momentum() > 0) {
        NDArray buffer = buffers.get(i);
        if (first) {
          buffer.muli(0).addi(direction);
        } else {
          buffer.muli(sgd.momentum()).addi(direction);
        }
        direction = sgd.nesterov() ? direction.add(buffer.mul(sgd.momentum())) : buffer;
      }
      weight.subi(direction.mul(lr));
    }
  }

  private void updateAdam(OptimizerConfig.Adam adam, List<NDArray> gradients, double learningRate) {
    List<NDArray> firstMoments = state.slot(OptimizerState.Slot.EXP_AVG);
    List<NDArray> secondMoments = state.slot(OptimizerState.Slot.EXP_AVG_SQ);
    List<NDArray> steps = state.slot(OptimizerState.Slot.STEP);
    for (int i = 0; i < parameters.size(); i++) {
      if (!factors.isActive(i)) {
        continue;
      }
      double lr = learningRate * factors.factor(i);
      NDArray weight = parameters.main().get(i);
      NDArray gradient = gradients.get(i);
      NDArray step = steps.get(i);
      step.addi(1);
      double t = step.getFloat();
      if (adam.weightDecay() > 0) {
        if (adam.decoupledWeightDecay()) {
          weight.muli(1 - lr * adam.weightDecay());
        } else {
          gradient = gradient.add(weight.mul(adam.weightDecay()));
        }
      }
      NDArray m = firstMoments.get(i);
      NDArray v = secondMoments.get(i);
      m.muli(adam.beta1()).addi(gradient.mul(1 - adam.beta1()));
      v.muli(adam.beta2()).addi(gradient.square().mul(1 - adam.beta2()));
      double correction1 = 1 - Math.pow(adam.beta1(), t);
      double correction2 = 1 - Math.pow(adam.beta2(), t);
      NDArray denominator = v.sqrt().div(Math.sqrt(correction2)).add(adam.epsilon());
      weight.subi(m.div(denominator).mul(lr / correction1));
    }
  }

  private void broadcast() {
    for (int k = 1; k < parameters.replicaCount(); k++) {
      Device device = parameters.devices().get(k);
      for (int i = 0; i < parameters.size(); i++) {
        NDArray replica = parameters.replica(k).get(i);
        replica.muli(0).addi(parameters.main().get(i).toDevice(device, true));
      }
    }
  }

  private void zeroGradients() {
    for (int k = 0; k < parameters.replicaCount(); k++) {
      for (NDArray array : parameters.replica(k)) {
        if (!array.hasGradient()) {
          continue; // frozen: backward left it without a gradient
        }
        if (array instanceof PtNDArray tensor) {
          JniUtils.zeroGrad(tensor);
        } else {
          NDArray gradient = array.getGradient();
          gradient.muli(0);
        }
      }
    }
  }

  @Override
  public OptimizerState state() {
    return state;
  }

  @Override
  public String describe() {
    return "unfused (DJL NDArray operations per parameter, gradients by backward)";
  }

  @Override
  public void close() {
    // holds nothing beyond the parameters and the state, which belong to the caller
  }
}

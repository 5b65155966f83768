package io.github.metart.train.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.github.metart.train.config.GradientClipping;
import io.github.metart.train.config.OptimizerConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.github.metart.models.engine.MetEngine;

/**
 * The fused and the unfused updaters against PyTorch's optimizer formulas written out in double
 * precision, and against each other on real gradients.
 */
class ParameterUpdaterTest {

  private static final float[] W0 = {0.5f, -1.25f, 2f, 0.75f, -0.5f, 1.5f};
  private static final float[][] GRADIENTS = {
    {0.1f, -0.2f, 0.3f, -0.4f, 0.5f, -0.6f},
    {-0.3f, 0.1f, 0.2f, 0.05f, -0.25f, 0.4f},
    {0.2f, 0.2f, -0.1f, 0.3f, 0.1f, -0.2f}
  };

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = MetEngine.engine().newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void sgdWithMomentumWeightDecayAndNesterovFollowsPyTorch() {
    for (boolean nesterov : new boolean[] {false, true}) {
      OptimizerConfig.Sgd sgd =
          OptimizerConfig.sgd(0.1).withMomentum(0.9).withWeightDecay(0.01).withNesterov(nesterov);
      double[] expected = expectedSgd(sgd, new double[] {0.1, 0.05, 0.2});
      for (boolean fused : new boolean[] {true, false}) {
        assertThat(applyThreeUpdates(sgd, fused, new double[] {0.1, 0.05, 0.2}))
            .as("nesterov %s, fused %s", nesterov, fused)
            .containsExactly(toFloats(expected), within(1e-6f));
      }
    }
  }

  @Test
  void plainSgdFollowsPyTorch() {
    OptimizerConfig.Sgd sgd = OptimizerConfig.sgd(0.3);
    double[] expected = expectedSgd(sgd, new double[] {0.3, 0.3, 0.3});
    for (boolean fused : new boolean[] {true, false}) {
      assertThat(applyThreeUpdates(sgd, fused, new double[] {0.3, 0.3, 0.3}))
          .containsExactly(toFloats(expected), within(1e-6f));
    }
  }

  @Test
  void adamAndAdamWFollowPyTorch() {
    for (OptimizerConfig.Adam adam :
        List.of(
            OptimizerConfig.adam(0.01).withWeightDecay(0.1),
            OptimizerConfig.adamW(0.01).withWeightDecay(0.1),
            OptimizerConfig.adam(0.05).withBetas(0.8, 0.99).withEpsilon(1e-6))) {
      double[] expected = expectedAdam(adam, new double[] {0.01, 0.02, 0.005});
      for (boolean fused : new boolean[] {true, false}) {
        assertThat(applyThreeUpdates(adam, fused, new double[] {0.01, 0.02, 0.005}))
            .as("%s fused %s", adam.describe(), fused)
            .containsExactly(toFloats(expected), within(2e-6f));
      }
    }
  }

  @Test
  void fusedSelectionReportsTheKernel() {
    NDArray weight = manager.create(W0);
    ReplicatedParameters parameters = ReplicatedParameters.single(List.of("w"), List.of(weight));
    OptimizerConfig sgd = OptimizerConfig.sgd(0.1).withMomentum(0.9);
    try (OptimizerState state = OptimizerState.zeros(sgd, parameters, manager);
        ParameterUpdater updater =
            ParameterUpdaters.create(sgd, GradientClipping.none(), parameters, state, true)) {
      assertThat(ParameterUpdaters.fusedUnavailableReason()).isNull();
      assertThat(updater.describe()).contains("_fused_sgd_");
    }
  }

  @Test
  void fusedAndUnfusedStepsAgreeOnRealGradientsWithClipping() {
    OptimizerConfig[] optimizers = {
      OptimizerConfig.sgd(0.2).withMomentum(0.9).withWeightDecay(0.001),
      OptimizerConfig.adamW(0.05)
    };
    GradientClipping[] clippings = {
      GradientClipping.none(), GradientClipping.byNorm(0.5), GradientClipping.byValue(0.05)
    };
    for (OptimizerConfig optimizer : optimizers) {
      for (GradientClipping clipping : clippings) {
        List<float[]> fused = trainLinear(optimizer, clipping, true, 1);
        List<float[]> unfused = trainLinear(optimizer, clipping, false, 1);
        for (int i = 0; i < fused.size(); i++) {
          assertThat(fused.get(i))
              .as("%s, clipping %s", optimizer.describe(), clipping.describe())
              .containsExactly(unfused.get(i), within(1e-5f));
        }
        // and the weights really moved
        assertThat(fused.get(0)).isNotEqualTo(initialLinearWeights());
      }
    }
  }

  @Test
  void twoReplicasWithHalfBatchesUpdateLikeOneWithTheWholeBatch() {
    OptimizerConfig optimizer = OptimizerConfig.sgd(0.2).withMomentum(0.9);
    for (boolean fused : new boolean[] {true, false}) {
      List<float[]> single = trainLinear(optimizer, GradientClipping.byNorm(1), fused, 1);
      List<float[]> split = trainLinear(optimizer, GradientClipping.byNorm(1), fused, 2);
      for (int i = 0; i < single.size(); i++) {
        assertThat(split.get(i)).as("fused %s", fused).containsExactly(single.get(i), within(1e-5f));
      }
    }
  }

  @Test
  void savedStateContinuesExactly() throws Exception {
    OptimizerConfig adam = OptimizerConfig.adam(0.01);
    NDArray weight = manager.create(W0);
    ReplicatedParameters parameters = ReplicatedParameters.single(List.of("w"), List.of(weight));
    byte[] saved;
    float[] afterThird;
    try (OptimizerState state = OptimizerState.zeros(adam, parameters, manager);
        ParameterUpdater updater =
            ParameterUpdaters.create(adam, GradientClipping.none(), parameters, state, true)) {
      updater.apply(List.of(manager.create(GRADIENTS[0])), 0.01);
      updater.apply(List.of(manager.create(GRADIENTS[1])), 0.01);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      state.write(out);
      saved = out.toByteArray();
      float[] afterSecond = weight.toFloatArray();
      updater.apply(List.of(manager.create(GRADIENTS[2])), 0.01);
      afterThird = weight.toFloatArray();
      weight.set(afterSecond);
    }
    try (OptimizerState restored =
            OptimizerState.read(new ByteArrayInputStream(saved), adam, parameters, manager);
        ParameterUpdater updater =
            ParameterUpdaters.create(adam, GradientClipping.none(), parameters, restored, true)) {
      assertThat(restored.updates()).isEqualTo(2);
      updater.apply(List.of(manager.create(GRADIENTS[2])), 0.01);
      assertThat(weight.toFloatArray()).containsExactly(afterThird);
    }
  }

  @Test
  void stateOfAnotherOptimizerIsRefusedWithTheParameterName() throws Exception {
    NDArray weight = manager.create(W0);
    ReplicatedParameters parameters = ReplicatedParameters.single(List.of("conv1_weight"), List.of(weight));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OptimizerState state =
        OptimizerState.zeros(OptimizerConfig.sgd(0.1).withMomentum(0.9), parameters, manager)) {
      state.write(out);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                OptimizerState.read(
                    new ByteArrayInputStream(out.toByteArray()),
                    OptimizerConfig.adam(0.1),
                    parameters,
                    manager))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("exp_avg")
        .hasMessageContaining("conv1_weight");
  }

  @Test
  void parameterGroupsUpdateEachAtItsFactorOfTheRateAndAZeroFactorFreezes() {
    double[] rates = {0.1, 0.05, 0.2};
    double[] factors = {0.1, 1, 0};
    List<OptimizerConfig> optimizers =
        List.of(
            OptimizerConfig.sgd(0.1).withMomentum(0.9).withWeightDecay(0.01),
            OptimizerConfig.adamW(0.01).withWeightDecay(0.1));
    for (OptimizerConfig optimizer : optimizers) {
      for (boolean fused : new boolean[] {true, false}) {
        List<NDArray> weights = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          weights.add(manager.create(W0, new Shape(2, 3)));
        }
        ReplicatedParameters parameters =
            ReplicatedParameters.single(List.of("backbone_w", "head_w", "frozen_w"), weights);
        try (OptimizerState state = OptimizerState.zeros(optimizer, parameters, manager);
            ParameterUpdater updater =
                ParameterUpdaters.create(
                    optimizer, GradientClipping.none(), parameters, state, fused)) {
          updater.learningRateFactors(factors);
          for (int step = 0; step < 3; step++) {
            NDArray g = manager.create(GRADIENTS[step], new Shape(2, 3));
            updater.apply(List.of(g, g, g), rates[step]);
          }
          for (int i = 0; i < 2; i++) {
            double[] scaled = new double[rates.length];
            for (int step = 0; step < rates.length; step++) {
              scaled[step] = rates[step] * factors[i];
            }
            double[] expected =
                optimizer instanceof OptimizerConfig.Sgd sgd
                    ? expectedSgd(sgd, scaled)
                    : expectedAdam((OptimizerConfig.Adam) optimizer, scaled);
            assertThat(weights.get(i).toFloatArray())
                .as("%s, fused %s, factor %s", optimizer.describe(), fused, factors[i])
                .containsExactly(toFloats(expected), within(2e-6f));
          }
          assertThat(weights.get(2).toFloatArray())
              .as("the frozen parameter, %s fused %s", optimizer.describe(), fused)
              .containsExactly(W0);
          for (OptimizerState.Slot slot : OptimizerState.slotsOf(optimizer)) {
            assertThat(state.slot(slot).get(2).toFloatArray())
                .as("the frozen parameter's %s", slot)
                .containsOnly(0f);
          }
        }
      }
    }
  }

  @Test
  void aFrozenParameterWithoutGradientIsLeftOutOfTheStepAndOfClipping() {
    OptimizerConfig optimizer = OptimizerConfig.sgd(0.2).withMomentum(0.9);
    for (GradientClipping clipping :
        List.of(GradientClipping.none(), GradientClipping.byNorm(0.05))) {
      float[][] results = new float[2][];
      double[] norms = new double[2];
      for (boolean fused : new boolean[] {true, false}) {
        try (NDManager scope = manager.newSubManager()) {
          NDArray x = scope.create(new float[] {1f, 2f, -1f, 0.5f}, new Shape(2, 2));
          NDArray w = scope.create(new float[] {0.3f, -0.2f, 0.1f, 0.4f}, new Shape(2, 2));
          NDArray b = scope.create(new float[] {0.5f, -0.5f});
          w.setRequiresGradient(true);
          // frozen as MetNetwork.freezeBackbone freezes: no gradient at all
          ReplicatedParameters parameters =
              ReplicatedParameters.single(List.of("w", "b"), List.of(w, b));
          try (OptimizerState state = OptimizerState.zeros(optimizer, parameters, scope);
              ParameterUpdater updater =
                  ParameterUpdaters.create(optimizer, clipping, parameters, state, fused)) {
            updater.learningRateFactors(new double[] {1, 0});
            double norm;
            try (GradientCollector collector = MetEngine.engine().newGradientCollector()) {
              NDArray loss = x.matMul(w).add(b).square().sum();
              norm = updater.step(collector, List.of(loss), new double[] {1}, 0.1);
            }
            assertThat(b.toFloatArray()).containsExactly(0.5f, -0.5f);
            results[fused ? 0 : 1] = w.toFloatArray();
            norms[fused ? 0 : 1] = norm;
          }
        }
      }
      // d/dw sum((xw + b)^2) = 2 x^T (xw + b), here by hand
      float[] x = {1f, 2f, -1f, 0.5f};
      float[] w = {0.3f, -0.2f, 0.1f, 0.4f};
      double[] r = new double[4];
      for (int row = 0; row < 2; row++) {
        for (int col = 0; col < 2; col++) {
          r[row * 2 + col] =
              x[row * 2] * w[col] + x[row * 2 + 1] * w[2 + col] + (col == 0 ? 0.5 : -0.5);
        }
      }
      double[] grad = new double[4];
      double squares = 0;
      for (int i = 0; i < 2; i++) {
        for (int col = 0; col < 2; col++) {
          grad[i * 2 + col] = 2 * (x[i] * r[col] + x[2 + i] * r[2 + col]);
          squares += grad[i * 2 + col] * grad[i * 2 + col];
        }
      }
      double norm = Math.sqrt(squares);
      double scale = clipping.maxNorm() > 0 ? Math.min(1, clipping.maxNorm() / (norm + 1e-6)) : 1;
      float[] expected = new float[4];
      for (int i = 0; i < 4; i++) {
        expected[i] = (float) (w[i] - 0.1 * scale * grad[i]);
      }
      for (int k = 0; k < 2; k++) {
        assertThat(results[k]).as("%s, fused %s", clipping.describe(), k == 0)
            .containsExactly(expected, within(1e-6f));
        if (clipping.maxNorm() > 0) {
          assertThat(norms[k]).as("the norm counts only w").isCloseTo(norm, within(1e-5));
        }
      }
    }
  }

  @Test
  void stepsWithTwoParameterGroupsAgreeBetweenFusedAndUnfusedOnReplicasWithClipping() {
    for (OptimizerConfig optimizer :
        List.of(OptimizerConfig.sgd(0.2).withMomentum(0.9), OptimizerConfig.adam(0.05))) {
      double[] groups = {0.25, 1};
      List<float[]> fused = trainLinear(optimizer, GradientClipping.byNorm(0.5), true, 2, groups);
      List<float[]> unfused = trainLinear(optimizer, GradientClipping.byNorm(0.5), false, 2, groups);
      List<float[]> plain = trainLinear(optimizer, GradientClipping.byNorm(0.5), true, 2);
      for (int i = 0; i < fused.size(); i++) {
        assertThat(fused.get(i)).as(optimizer.describe()).containsExactly(unfused.get(i), within(1e-5f));
      }
      // the bias at factor 1 follows other weights than in the plain run, W at 0.25 moved less
      assertThat(fused.get(0)).isNotEqualTo(plain.get(0));
      float[] w0 = initialLinearWeights();
      double movedGrouped = 0;
      double movedPlain = 0;
      for (int i = 0; i < w0.length; i++) {
        movedGrouped += Math.abs(fused.get(0)[i] - w0[i]);
        movedPlain += Math.abs(plain.get(0)[i] - w0[i]);
      }
      assertThat(movedGrouped).isLessThan(movedPlain * 0.5);
    }
  }

  @Test
  void learningRateFactorsAreChecked() {
    NDArray weight = manager.create(W0);
    ReplicatedParameters parameters = ReplicatedParameters.single(List.of("w"), List.of(weight));
    OptimizerConfig sgd = OptimizerConfig.sgd(0.1);
    for (boolean fused : new boolean[] {true, false}) {
      try (OptimizerState state = OptimizerState.zeros(sgd, parameters, manager);
          ParameterUpdater updater =
              ParameterUpdaters.create(sgd, GradientClipping.none(), parameters, state, fused)) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> updater.learningRateFactors(new double[] {1, 1}))
            .hasMessage("2 learning-rate factors for 1 parameters");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> updater.learningRateFactors(new double[] {0}))
            .hasMessageContaining("every parameter is frozen");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> updater.learningRateFactors(new double[] {-0.5}))
            .hasMessageContaining("0 or more, got -0.5");
      }
    }
  }

  // ---- helpers

  private float[] applyThreeUpdates(OptimizerConfig optimizer, boolean fused, double[] rates) {
    NDArray weight = manager.create(W0, new Shape(2, 3));
    ReplicatedParameters parameters = ReplicatedParameters.single(List.of("w"), List.of(weight));
    try (OptimizerState state = OptimizerState.zeros(optimizer, parameters, manager);
        ParameterUpdater updater =
            ParameterUpdaters.create(optimizer, GradientClipping.none(), parameters, state, fused)) {
      assertThat(updater.describe()).startsWith(fused ? "fused" : "unfused");
      for (int step = 0; step < 3; step++) {
        updater.apply(List.of(manager.create(GRADIENTS[step], new Shape(2, 3))), rates[step]);
      }
      assertThat(state.updates()).isEqualTo(3);
      return weight.toFloatArray();
    }
  }

  /** torch.optim.SGD, written out. */
  private static double[] expectedSgd(OptimizerConfig.Sgd sgd, double[] rates) {
    double[] w = toDoubles(W0);
    double[] b = new double[w.length];
    for (int step = 0; step < 3; step++) {
      for (int i = 0; i < w.length; i++) {
        double d = GRADIENTS[step][i] + sgd.weightDecay() * w[i];
        if (sgd.momentum() > 0) {
          b[i] = step == 0 ? d : sgd.momentum() * b[i] + d;
          d = sgd.nesterov() ? d + sgd.momentum() * b[i] : b[i];
        }
        w[i] -= rates[step] * d;
      }
    }
    return w;
  }

  /** torch.optim.Adam and AdamW, written out. */
  private static double[] expectedAdam(OptimizerConfig.Adam adam, double[] rates) {
    double[] w = toDoubles(W0);
    double[] m = new double[w.length];
    double[] v = new double[w.length];
    for (int step = 0; step < 3; step++) {
      int t = step + 1;
      double lr = rates[step];
      for (int i = 0; i < w.length; i++) {
        double g = GRADIENTS[step][i];
        if (adam.decoupledWeightDecay()) {
          w[i] *= 1 - lr * adam.weightDecay();
        } else {
          g += adam.weightDecay() * w[i];
        }
        m[i] = adam.beta1() * m[i] + (1 - adam.beta1()) * g;
        v[i] = adam.beta2() * v[i] + (1 - adam.beta2()) * g * g;
        double c1 = 1 - Math.pow(adam.beta1(), t);
        double c2 = 1 - Math.pow(adam.beta2(), t);
        w[i] -= lr / c1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(c2) + adam.epsilon());
      }
    }
    return w;
  }

  private static float[] initialLinearWeights() {
    float[] w = new float[12];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) Math.sin(i + 1) * 0.5f;
    }
    return w;
  }

  /**
   * Trains y = x W + b for 3 steps on 8 fixed samples with the batch split across {@code replicas}
   * copies of the parameters (all on the CPU), and returns W and b.
   */
  private List<float[]> trainLinear(
      OptimizerConfig optimizer, GradientClipping clipping, boolean fused, int replicas) {
    return trainLinear(optimizer, clipping, fused, replicas, new double[] {1, 1});
  }

  private List<float[]> trainLinear(
      OptimizerConfig optimizer,
      GradientClipping clipping,
      boolean fused,
      int replicas,
      double[] factors) {
    try (NDManager scope = manager.newSubManager()) {
      float[] xs = new float[8 * 4];
      float[] ys = new float[8 * 3];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = (float) Math.cos(i * 0.7);
      }
      for (int i = 0; i < ys.length; i++) {
        ys[i] = (float) Math.sin(i * 1.3);
      }
      NDArray x = scope.create(xs, new Shape(8, 4));
      NDArray y = scope.create(ys, new Shape(8, 3));
      List<List<NDArray>> copies = new ArrayList<>();
      List<Device> devices = new ArrayList<>();
      for (int k = 0; k < replicas; k++) {
        NDArray w = scope.create(initialLinearWeights(), new Shape(4, 3));
        NDArray b = scope.create(new float[] {0.1f, -0.1f, 0.2f});
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
        copies.add(List.of(w, b));
        devices.add(Device.cpu());
      }
      ReplicatedParameters parameters =
          new ReplicatedParameters(List.of("w", "b"), devices, copies);
      BiFunction<Integer, Integer, NDArray> rows =
          (from, to) -> x.get(from + ":" + to);
      try (OptimizerState state = OptimizerState.zeros(optimizer, parameters, scope);
          ParameterUpdater updater =
              ParameterUpdaters.create(optimizer, clipping, parameters, state, fused)) {
        updater.learningRateFactors(factors);
        for (int step = 0; step < 3; step++) {
          try (GradientCollector collector = MetEngine.engine().newGradientCollector()) {
            List<NDArray> losses = new ArrayList<>();
            double[] weights = new double[replicas];
            int per = 8 / replicas;
            for (int k = 0; k < replicas; k++) {
              NDArray xs1 = rows.apply(k * per, (k + 1) * per);
              NDArray ys1 = y.get(k * per + ":" + (k + 1) * per);
              List<NDArray> p = parameters.replica(k);
              losses.add(xs1.matMul(p.get(0)).add(p.get(1)).sub(ys1).square().mean());
              weights[k] = 1.0 / replicas;
            }
            updater.step(collector, losses, weights, 0.1);
          }
        }
        for (int k = 1; k < replicas; k++) {
          assertThat(parameters.replica(k).get(0).toFloatArray())
              .containsExactly(parameters.main().get(0).toFloatArray());
        }
        return List.of(
            parameters.main().get(0).toFloatArray(), parameters.main().get(1).toFloatArray());
      }
    }
  }

  private static double[] toDoubles(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static float[] toFloats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}

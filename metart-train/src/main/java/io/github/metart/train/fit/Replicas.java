package io.github.metart.train.fit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.github.metart.train.devices.DevicePlan;
import io.github.metart.train.optim.ReplicatedParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainable parameters of a block, one replica per device, created at the start of a run (not
 * during a step); the store the network reads them from.
 *
 * @param store the parameter store (replicates; never updates)
 * @param parameters the trainable parameters' replicas, which the updater updates
 */
record Replicas(ParameterStore store, ReplicatedParameters parameters) {

  /**
   * Replicates a block's parameters on the plan's devices.
   *
   * @throws IllegalArgumentException when no parameter is trainable
   */
  static Replicas of(Block block, DevicePlan plan, NDManager root) {
    ParameterStore store = new ParameterStore(root, false);
    store.setParameterServer(new ReplicaServer(), plan.toArray());
    int devices = plan.devices().size();
    List<String> names = new ArrayList<>();
    List<List<NDArray>> replicas = new ArrayList<>();
    for (int k = 0; k < devices; k++) {
      replicas.add(new ArrayList<>());
    }
    for (Pair<String, Parameter> entry : block.getParameters()) {
      Parameter parameter = entry.getValue();
      for (int k = 0; k < devices; k++) {
        NDArray value = store.getValue(parameter, plan.devices().get(k), true);
        if (parameter.requiresGradient()) {
          replicas.get(k).add(value);
        }
      }
      if (parameter.requiresGradient()) {
        names.add(entry.getKey());
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("the model has no trainable parameter (all frozen?)");
    }
    return new Replicas(store, new ReplicatedParameters(names, plan.devices(), replicas));
  }

  /** Parameters are replicated by the store; updates are the updater's. */
  private static final class ReplicaServer implements ParameterServer {
    @Override
    public void init(String parameterId, NDArray[] value) {}

    @Override
    public void update(String parameterId, NDArray[] grads, NDArray[] params) {
      throw new UnsupportedOperationException(
          "metart updates parameters itself, not through ParameterStore.updateAllParameters ("
              + parameterId
              + ")");
    }

    @Override
    public void close() {}
  }
}

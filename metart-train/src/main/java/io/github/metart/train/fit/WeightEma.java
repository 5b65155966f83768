package io.github.metart.train.fit;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.github.metart.train.config.WeightAverage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exponential moving average of a run's weights ({@link WeightAverage}): one float copy of
 * every parameter of the network (batch-norm statistics included) on the main device, updated
 * after every update (or every N-th, see {@code WeightAverage#every}) from the main replica, written into every checkpoint and read back on resume.
 * {@link #swapIn()} puts the average into the network (for validation or the saved model) and
 * {@link #swapOut()} the raw weights back, bit for bit.
 */
final class WeightEma implements AutoCloseable {

  private static final String PREFIX = "ema::";

  private final WeightAverage average;
  private final NDManager manager;
  private final List<String> names;
  private final List<NDArray> live;
  private final List<NDArray> averages;
  private List<NDArray> saved;

  private WeightEma(
      WeightAverage average,
      NDManager manager,
      List<String> names,
      List<NDArray> live,
      List<NDArray> averages) {
    this.average = average;
    this.manager = manager;
    this.names = names;
    this.live = live;
    this.averages = averages;
  }

  /**
   * An average starting from the network's current weights.
   *
   * @param average the configuration (on)
   * @param block the network
   * @param store the store the network reads its parameters from
   * @param main the main device (the one the updater updates)
   * @param parent the manager the average's arrays live under
   */
  static WeightEma start(
      WeightAverage average, Block block, ParameterStore store, Device main, NDManager parent) {
    NDManager manager = parent.newSubManager(main);
    manager.setName("weight average");
    List<String> names = new ArrayList<>();
    List<NDArray> live = new ArrayList<>();
    List<NDArray> averages = new ArrayList<>();
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      for (Pair<String, Parameter> entry : block.getParameters()) {
        NDArray value = store.getValue(entry.getValue(), main, true);
        names.add(entry.getKey());
        live.add(value);
        NDArray copy = value.duplicate();
        copy.attach(manager);
        averages.add(copy);
      }
    } finally {
      JniUtils.setGradMode(gradMode);
    }
    return new WeightEma(average, manager, List.copyOf(names), List.copyOf(live), averages);
  }

  /** Replaces the average with the one a checkpoint holds. */
  void read(InputStream in, String source) throws IOException {
    try (NDManager scratch = manager.newSubManager()) {
      Map<String, NDArray> byName = new HashMap<>();
      for (NDArray array : NDList.decode(scratch, in)) {
        byName.put(array.getName(), array);
      }
      for (int i = 0; i < names.size(); i++) {
        NDArray stored = byName.get(PREFIX + names.get(i));
        if (stored == null || !stored.getShape().equals(averages.get(i).getShape())) {
          throw new IOException(
              source
                  + ": the weight average has no "
                  + (stored == null ? "" : "matching ")
                  + "value for "
                  + names.get(i));
        }
        averages.get(i).set(stored.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toByteBuffer());
      }
    }
  }

  /** Writes the average (named arrays). */
  void write(OutputStream out) throws IOException {
    NDList list = new NDList();
    for (int i = 0; i < names.size(); i++) {
      averages.get(i).setName(PREFIX + names.get(i));
      list.add(averages.get(i));
    }
    list.encode(out);
  }

  /**
   * Folds the weights after an update into the average.
   *
   * @param t the number of updates before this one (the run's global step)
   */
  void update(long t) {
    if (!average.updatesAfter(t)) {
      return;
    }
    double decay = average.decayAfter(t);
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      // (a - w) * decay + w, the same as decay * a + (1 - decay) * w, in place: no temporary of
      // the network's size per update (its allocation cost more than the arithmetic)
      for (int i = 0; i < averages.size(); i++) {
        NDArray weights = live.get(i);
        averages.get(i).subi(weights).muli(decay).addi(weights);
      }
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  /** Puts the average into the network, keeping the raw weights for {@link #swapOut()}. */
  void swapIn() {
    if (saved != null) {
      throw new IllegalStateException("the weight average is already swapped in");
    }
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      List<NDArray> raw = new ArrayList<>();
      for (int i = 0; i < live.size(); i++) {
        NDArray copy = live.get(i).duplicate();
        copy.attach(manager);
        raw.add(copy);
        live.get(i).set(averages.get(i).toByteBuffer());
      }
      saved = raw;
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  /** Puts the raw weights back after {@link #swapIn()}. */
  void swapOut() {
    if (saved == null) {
      return;
    }
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      for (int i = 0; i < live.size(); i++) {
        live.get(i).set(saved.get(i).toByteBuffer());
        saved.get(i).close();
      }
      saved = null;
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}

package io.github.metart.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.metart.train.config.OptimizerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an optimizer remembers between steps, on the main device: SGD's momentum buffers, or Adam's
 * first and second moments and per-parameter step counts, plus the number of updates done. DJL's
 * own model saving keeps weights only; this is what makes a resumed run continue exactly.
 *
 * <p>Saved as a DJL {@link NDList} whose arrays are named {@code <parameter>::<slot>}, with one more
 * array {@code ::updates}.
 */
public final class OptimizerState implements AutoCloseable {

  /** A kind of per-parameter buffer. */
  public enum Slot {
    /** SGD momentum buffer. */
    MOMENTUM("momentum"),
    /** Adam first moment. */
    EXP_AVG("exp_avg"),
    /** Adam second moment. */
    EXP_AVG_SQ("exp_avg_sq"),
    /** Adam step count (a float32 scalar, as PyTorch's fused Adam wants). */
    STEP("step");

    private final String key;

    Slot(String key) {
      this.key = key;
    }

    /** The name suffix of this slot in saved state. */
    public String key() {
      return key;
    }
  }

  private static final String UPDATES = "::updates";

  private final NDManager manager;
  private final List<String> names;
  private final Map<Slot, List<NDArray>> slots;
  private long updates;

  private OptimizerState(
      NDManager manager, List<String> names, Map<Slot, List<NDArray>> slots, long updates) {
    this.manager = manager;
    this.names = List.copyOf(names);
    this.slots = slots;
    this.updates = updates;
  }

  /** The slots an optimizer needs. */
  public static List<Slot> slotsOf(OptimizerConfig optimizer) {
    if (optimizer instanceof OptimizerConfig.Sgd sgd) {
      return sgd.momentum() > 0 ? List.of(Slot.MOMENTUM) : List.of();
    }
    return List.of(Slot.EXP_AVG, Slot.EXP_AVG_SQ, Slot.STEP);
  }

  /**
   * A fresh state (zeros) for the main replica's parameters.
   *
   * @param optimizer the optimizer
   * @param parameters the parameters; buffers go to the main device
   * @param parent the manager under which the state's own manager is created
   */
  public static OptimizerState zeros(
      OptimizerConfig optimizer, ReplicatedParameters parameters, NDManager parent) {
    NDManager manager = parent.newSubManager(parameters.devices().get(0));
    manager.setName("optimizer state");
    Map<Slot, List<NDArray>> slots = new EnumMap<>(Slot.class);
    for (Slot slot : slotsOf(optimizer)) {
      List<NDArray> buffers = new ArrayList<>();
      for (NDArray parameter : parameters.main()) {
        Shape shape = slot == Slot.STEP ? new Shape() : parameter.getShape();
        buffers.add(manager.zeros(shape, DataType.FLOAT32));
      }
      slots.put(slot, List.copyOf(buffers));
    }
    return new OptimizerState(manager, parameters.names(), slots, 0);
  }

  /**
   * Reads a saved state for the given parameters.
   *
   * @throws IOException when the stream is unreadable, or the saved state does not match the
   *     optimizer or the parameters (the message names the parameter)
   */
  public static OptimizerState read(
      InputStream in, OptimizerConfig optimizer, ReplicatedParameters parameters, NDManager parent)
      throws IOException {
    NDManager manager = parent.newSubManager(parameters.devices().get(0));
    manager.setName("optimizer state");
    try {
      NDList saved = NDList.decode(manager, in);
      Map<String, NDArray> byName = new HashMap<>();
      for (NDArray array : saved) {
        byName.put(array.getName(), array);
      }
      NDArray updatesArray = byName.get(UPDATES);
      if (updatesArray == null) {
        throw new IOException("the optimizer state has no update count");
      }
      long updates = updatesArray.toLongArray()[0];
      Map<Slot, List<NDArray>> slots = new EnumMap<>(Slot.class);
      for (Slot slot : slotsOf(optimizer)) {
        List<NDArray> buffers = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
          String key = parameters.names().get(i) + "::" + slot.key();
          NDArray array = byName.get(key);
          if (array == null) {
            throw new IOException(
                "the optimizer state has no "
                    + slot.key()
                    + " for parameter "
                    + parameters.names().get(i)
                    + " (saved by another optimizer or model?)");
          }
          Shape expected =
              slot == Slot.STEP ? new Shape() : parameters.main().get(i).getShape();
          if (!array.getShape().equals(expected)) {
            throw new IOException(
                "the optimizer state's "
                    + key
                    + " has shape "
                    + array.getShape()
                    + ", expected "
                    + expected);
          }
          NDArray placed = array.toDevice(parameters.devices().get(0), false);
          if (placed != array) {
            placed.attach(manager);
          }
          buffers.add(placed.toType(DataType.FLOAT32, false));
        }
        slots.put(slot, List.copyOf(buffers));
      }
      return new OptimizerState(manager, parameters.names(), slots, updates);
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** Writes this state (see the class comment for the layout). */
  public void write(OutputStream out) throws IOException {
    NDList list = new NDList();
    try (NDManager scratch = manager.newSubManager()) {
      NDArray count = scratch.create(new long[] {updates});
      count.setName(UPDATES);
      list.add(count);
      for (Map.Entry<Slot, List<NDArray>> entry : slots.entrySet()) {
        List<NDArray> buffers = entry.getValue();
        for (int i = 0; i < buffers.size(); i++) {
          NDArray buffer = buffers.get(i);
          buffer.setName(names.get(i) + "::" + entry.getKey().key());
          list.add(buffer);
        }
      }
      list.encode(out);
    }
  }

  /** The buffers of a slot in parameter order (live arrays), empty when the optimizer has none. */
  public List<NDArray> slot(Slot slot) {
    return slots.getOrDefault(slot, List.of());
  }

  /** The parameter names the buffers belong to. */
  public List<String> names() {
    return names;
  }

  /** The number of updates done so far. */
  public long updates() {
    return updates;
  }

  /** Counts one more update. */
  void countUpdate() {
    updates++;
  }

  /** The number of bytes the buffers occupy. */
  public long bytes() {
    long bytes = 0;
    for (List<NDArray> buffers : slots.values()) {
      for (NDArray buffer : buffers) {
        bytes += buffer.size() * buffer.getDataType().getNumOfBytes();
      }
    }
    return bytes;
  }

  /** Frees the buffers. */
  @Override
  public void close() {
    manager.close();
  }
}

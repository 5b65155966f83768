package io.github.metart.train.fit;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.IdentityHashMap;
import java.util.Map;

/** Saves and loads a network's weights in DJL's parameter format. */
final class WeightsIo {

  private WeightsIo() {}

  /** Writes every parameter (running statistics included) to a stream (not closing it). */
  static void save(Block block, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
    block.saveParameters(data);
    data.flush();
  }

  /**
   * Replaces the network's weights with those of a stream: the previous arrays are freed and the
   * trainable parameters require gradients again (DJL's loading forgets both).
   *
   * @param what names the source in error messages
   */
  static void load(Block block, NDManager manager, InputStream in, String what)
      throws IOException {
    Map<NDArray, Boolean> before = new IdentityHashMap<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      if (entry.getValue().isInitialized()) {
        before.put(entry.getValue().getArray(), Boolean.TRUE);
      }
    }
    try {
      block.loadParameters(manager, new DataInputStream(new BufferedInputStream(in, 1 << 16)));
    } catch (MalformedModelException | RuntimeException e) {
      throw new IOException(what + ": the weights do not fit this model: " + e.getMessage(), e);
    }
    for (Pair<String, Parameter> entry : block.getParameters()) {
      Parameter parameter = entry.getValue();
      NDArray array = parameter.getArray();
      before.remove(array);
      if (parameter.requiresGradient()) {
        array.setRequiresGradient(true);
      }
    }
    before.keySet().forEach(NDArray::close);
  }
}

package io.github.metart.data.loading;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates float32 arrays owned by the engine (freed when their manager closes, whatever the garbage
 * collector does) and filled from Java. When the engine exposes an array's memory (PyTorch on the
 * CPU), the floats are written there directly; otherwise they go through a reused per-thread
 * staging buffer and one copy. Which case applies is checked once per engine, by writing through a
 * view and reading the array back.
 */
final class EngineArrays {

  /** Writes {@code count} floats into {@code out} from index 0. */
  @FunctionalInterface
  interface Filler {
    void fill(FloatBuffer out);
  }

  private static final Map<String, Boolean> WRITABLE_VIEWS = new ConcurrentHashMap<>();
  private static final ThreadLocal<ByteBuffer[]> STAGING = ThreadLocal.withInitial(() -> new ByteBuffer[1]);

  private EngineArrays() {}

  /** Whether arrays of this manager are filled in place (no staging copy). */
  static boolean fillsInPlace(NDManager manager) {
    return !manager.getDevice().isGpu() && writableViews(manager);
  }

  static NDArray create(NDManager manager, Shape shape, Filler filler) {
    int bytes = Math.toIntExact(shape.size() * Float.BYTES);
    if (fillsInPlace(manager)) {
      NDArray array = manager.create(shape, DataType.FLOAT32);
      ByteBuffer view = array.toByteBuffer(true).order(ByteOrder.nativeOrder());
      if (view.isDirect() && view.capacity() == bytes) {
        filler.fill(view.asFloatBuffer());
        return array;
      }
      array.close();
    }
    return createStaged(manager, shape, filler);
  }

  /** The fallback: fill a reused per-thread staging buffer, then let the engine copy it. */
  static NDArray createStaged(NDManager manager, Shape shape, Filler filler) {
    int bytes = Math.toIntExact(shape.size() * Float.BYTES);
    ByteBuffer[] holder = STAGING.get();
    if (holder[0] == null || holder[0].capacity() < bytes) {
      holder[0] = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }
    ByteBuffer staging = holder[0].duplicate().order(ByteOrder.nativeOrder());
    staging.clear().limit(bytes);
    filler.fill(staging.asFloatBuffer());
    try (NDArray alias = manager.create(staging.slice().order(ByteOrder.nativeOrder()), shape, DataType.FLOAT32)) {
      return alias.duplicate();
    }
  }

  private static boolean writableViews(NDManager manager) {
    return WRITABLE_VIEWS.computeIfAbsent(manager.getEngine().getEngineName(), name -> probe(manager));
  }

  /** Whether writing through {@link NDArray#toByteBuffer(boolean)} changes the array. */
  private static boolean probe(NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray array = scope.zeros(new Shape(2), DataType.FLOAT32);
      ByteBuffer view = array.toByteBuffer(true).order(ByteOrder.nativeOrder());
      if (!view.isDirect() || view.capacity() != 2 * Float.BYTES) {
        return false;
      }
      view.putFloat(Float.BYTES, 42.5f);
      return array.toFloatArray()[1] == 42.5f;
    } catch (RuntimeException e) {
      return false;
    }
  }
}

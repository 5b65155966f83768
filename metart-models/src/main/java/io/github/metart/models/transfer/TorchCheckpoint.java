package io.github.metart.models.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.metart.models.transfer.RestrictedUnpickler.Storage;
import io.github.metart.models.transfer.RestrictedUnpickler.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a PyTorch state dict saved with {@code torch.save} (the zip format of PyTorch 1.6 and
 * later, which torchvision's published weights use): {@code <archive>/data.pkl}, a pickle naming
 * the tensors, and {@code <archive>/data/<key>}, their raw storages in the byte order of {@code
 * <archive>/byteorder} (little-endian when absent). The pickle is read without running anything:
 * only the globals a state dict needs are accepted, anything else is refused naming it.
 */
public final class TorchCheckpoint {

  private static final String PICKLE = "data.pkl";

  private TorchCheckpoint() {}

  /**
   * The named tensors of a state dict file, as arrays on a manager (half and bfloat16 widened to
   * float32).
   *
   * @param file a {@code .pth} / {@code .pt} file
   * @param manager where the arrays are created
   * @return the arrays by name, in the file's order
   * @throws IllegalArgumentException naming the file when it is not a complete zip, holds no
   *     state dict, or its pickle names a global a state dict does not need
   * @throws UncheckedIOException naming the file when it cannot be read
   */
  public static Map<String, NDArray> read(Path file, NDManager manager) {
    requireZip(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry pickleEntry = null;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.endsWith("/" + PICKLE) && name.indexOf('/') == name.length() - PICKLE.length() - 1) {
          pickleEntry = entry;
          break;
        }
      }
      if (pickleEntry == null) {
        throw new IllegalArgumentException(file + ": no <archive>/data.pkl inside; not a torch.save file");
      }
      String prefix = pickleEntry.getName().substring(0, pickleEntry.getName().length() - PICKLE.length());
      Object root = RestrictedUnpickler.load(readAll(zip, pickleEntry, file), file.toString());
      if (!(root instanceof Map<?, ?> dict)) {
        throw new IllegalArgumentException(file + ": holds no state dict (a dict of tensors at the top)");
      }
      ByteOrder order = byteOrder(zip, prefix, file);
      Map<String, byte[]> storages = new HashMap<>();
      Map<String, NDArray> arrays = new LinkedHashMap<>();
      for (Map.Entry<?, ?> item : dict.entrySet()) {
        if (!(item.getKey() instanceof String name) || !(item.getValue() instanceof Tensor tensor)) {
          throw new IllegalArgumentException(
              file + ": entry " + item.getKey() + " of the state dict is not a named tensor");
        }
        byte[] storage = storages.get(tensor.storage().key());
        if (storage == null) {
          ZipEntry data = zip.getEntry(prefix + "data/" + tensor.storage().key());
          if (data == null) {
            throw new IllegalArgumentException(
                file + ": storage " + tensor.storage().key() + " of " + name + " is missing");
          }
          storage = readAll(zip, data, file);
          storages.put(tensor.storage().key(), storage);
        }
        NDArray array = toArray(tensor, storage, order, manager, file + ": " + name);
        array.setName(name);
        arrays.put(name, array);
      }
      return arrays;
    } catch (ZipException e) {
      throw new IllegalArgumentException(
          file + " is not a complete .pth (zip) file, truncated or damaged: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A zip starts with {@code PK}; a pickle (PyTorch's format before 1.6) with {@code 0x80}. */
  private static void requireZip(Path file) {
    byte[] head;
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      head = in.readNBytes(2);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (head.length == 2 && head[0] == 'P' && head[1] == 'K') {
      return;
    }
    if (head.length > 0 && (head[0] & 0xff) == 0x80) {
      throw new IllegalArgumentException(
          file
              + " is in PyTorch's legacy format (before 1.6), which metart does not read; save it"
              + " again with torch.save in PyTorch 1.6 or later");
    }
    throw new IllegalArgumentException(file + " is not a .pth file written by torch.save (no zip header)");
  }

  private static ByteOrder byteOrder(ZipFile zip, String prefix, Path file) throws IOException {
    ZipEntry entry = zip.getEntry(prefix + "byteorder");
    if (entry == null) {
      return ByteOrder.LITTLE_ENDIAN;
    }
    String order = new String(readAll(zip, entry, file), StandardCharsets.US_ASCII).strip();
    return switch (order) {
      case "little" -> ByteOrder.LITTLE_ENDIAN;
      case "big" -> ByteOrder.BIG_ENDIAN;
      default -> throw new IllegalArgumentException(file + ": unknown byte order '" + order + "'");
    };
  }

  private static byte[] readAll(ZipFile zip, ZipEntry entry, Path file) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readAllBytes();
      if (entry.getSize() >= 0 && bytes.length != entry.getSize()) {
        throw new ZipException(entry.getName() + " holds " + bytes.length + " of " + entry.getSize() + " bytes");
      }
      return bytes;
    } catch (java.io.EOFException e) {
      throw new ZipException(entry.getName() + " ends early in " + file);
    }
  }

  private static NDArray toArray(
      Tensor tensor, byte[] storage, ByteOrder order, NDManager manager, String what) {
    Storage type = tensor.storage();
    int width = RestrictedUnpickler.STORAGES.get(type.type());
    long[] size = tensor.size();
    long count = 1;
    boolean contiguous = true;
    for (int d = size.length - 1; d >= 0; d--) {
      contiguous &= size[d] == 1 || tensor.stride()[d] == count;
      count *= size[d];
    }
    if (count * width > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(what + ": " + count + " elements are too many");
    }
    int n = (int) count;
    ByteBuffer bytes;
    if (contiguous) {
      if (tensor.offset() < 0 || (tensor.offset() + count) * width > storage.length) {
        throw new IllegalArgumentException(what + ": the tensor reaches past its storage");
      }
      bytes = ByteBuffer.wrap(storage, (int) (tensor.offset() * width), n * width).slice();
    } else {
      bytes = ByteBuffer.wrap(gather(tensor, storage, width, n, what));
    }
    bytes.order(order);
    Shape shape = new Shape(size);
    return switch (type.type()) {
      case "FloatStorage" -> manager.create(bytes.asFloatBuffer(), shape);
      case "DoubleStorage" -> manager.create(bytes.asDoubleBuffer(), shape);
      case "LongStorage" -> manager.create(bytes.asLongBuffer(), shape);
      case "IntStorage" -> manager.create(bytes.asIntBuffer(), shape);
      case "HalfStorage", "BFloat16Storage" -> {
        boolean half = type.type().equals("HalfStorage");
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
          short bits = bytes.getShort(i * 2);
          values[i] = half ? halfToFloat(bits) : Float.intBitsToFloat((bits & 0xffff) << 16);
        }
        yield manager.create(values, shape);
      }
      case "ShortStorage" -> {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
          values[i] = bytes.getShort(i * 2);
        }
        yield manager.create(values, shape);
      }
      case "CharStorage" -> manager.create(bytes, shape, DataType.INT8);
      default -> manager.create(bytes, shape, DataType.UINT8); // ByteStorage, BoolStorage
    };
  }

  /** The elements of a strided view, copied in row-major order. */
  private static byte[] gather(Tensor tensor, byte[] storage, int width, int n, String what) {
    long[] size = tensor.size();
    long[] index = new long[size.length];
    byte[] out = new byte[n * width];
    for (int i = 0; i < n; i++) {
      long offset = tensor.offset();
      for (int d = 0; d < size.length; d++) {
        offset += index[d] * tensor.stride()[d];
      }
      if (offset < 0 || (offset + 1) * width > storage.length) {
        throw new IllegalArgumentException(what + ": the tensor reaches past its storage");
      }
      System.arraycopy(storage, (int) (offset * width), out, i * width, width);
      for (int d = size.length - 1; d >= 0; d--) {
        if (++index[d] < size[d]) {
          break;
        }
        index[d] = 0;
      }
    }
    return out;
  }

  /** IEEE 754 half precision to float (Java 17 has no {@code Float.float16ToFloat}). */
  static float halfToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      if (mantissa == 0) {
        return Float.intBitsToFloat(sign);
      }
      float value = mantissa / 1024f / 16384f; // subnormal: mantissa * 2^-24
      return sign != 0 ? -value : value;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
}

package io.github.metart.models.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes {@code .pth} files byte by byte as {@code torch.save} writes a state dict (a protocol-2
 * pickle and raw little-endian storages in a zip), for tests that run without Python.
 */
public final class StateDictWriter {

  private StateDictWriter() {}

  /** A protocol-2 pickle written opcode by opcode. */
  public static final class Pickle {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Pickle op(int... bytes) {
      for (int b : bytes) {
        out.write(b);
      }
      return this;
    }

    public Pickle global(String module, String name) {
      op('c');
      out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
      return this;
    }

    public Pickle text(String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      op('X');
      out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).array());
      out.writeBytes(bytes);
      return this;
    }

    public Pickle integer(long value) {
      op('J');
      out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
      return this;
    }

    public Pickle tuple(long... values) {
      op('(');
      for (long v : values) {
        integer(v);
      }
      return op('t');
    }

    public Pickle orderedDict() {
      return global("collections", "OrderedDict").op(')', 'R');
    }

    /** A {@code _rebuild_tensor_v2} call over a storage. */
    public Pickle tensor(String storageType, String key, long elements, long offset, long[] size, long[] stride) {
      global("torch._utils", "_rebuild_tensor_v2").op('(');
      op('(').text("storage").global("torch", storageType).text(key).text("cpu").integer(elements).op('t', 'Q');
      integer(offset).tuple(size).tuple(stride).op(0x89).orderedDict();
      return op('t', 'R');
    }

    public byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** A zip as {@code torch.save} lays it out, with a pickle and storages by key. */
  public static Path zip(Path file, byte[] pickle, Map<String, byte[]> storages) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(raw)) {
      zip.setMethod(ZipOutputStream.STORED);
      put(zip, "archive/data.pkl", pickle);
      put(zip, "archive/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
      for (Map.Entry<String, byte[]> storage : storages.entrySet()) {
        put(zip, "archive/data/" + storage.getKey(), storage.getValue());
      }
      put(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
    }
    return file;
  }

  /** A state dict of float32 (and int64) arrays, by name, as {@code torch.save} writes it. */
  public static Path write(Path file, Map<String, NDArray> arrays) throws IOException {
    Pickle pickle = new Pickle().op(0x80, 2).orderedDict().op('(');
    Map<String, byte[]> storages = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
      NDArray array = entry.getValue();
      String key = String.valueOf(storages.size());
      long[] size = array.getShape().getShape();
      long[] stride = new long[size.length];
      long step = 1;
      for (int d = size.length - 1; d >= 0; d--) {
        stride[d] = step;
        step *= size[d];
      }
      boolean integral = array.getDataType() == DataType.INT64;
      ByteBuffer bytes =
          ByteBuffer.allocate((int) array.size() * (integral ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
      if (integral) {
        for (long v : array.toLongArray()) {
          bytes.putLong(v);
        }
      } else {
        for (float v : array.toType(DataType.FLOAT32, false).toFloatArray()) {
          bytes.putFloat(v);
        }
      }
      storages.put(key, bytes.array());
      pickle.text(entry.getKey())
          .tensor(integral ? "LongStorage" : "FloatStorage", key, array.size(), 0, size, stride);
    }
    pickle.op('u', '.');
    return zip(file, pickle.bytes(), storages);
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setSize(content.length);
    entry.setCompressedSize(content.length);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }
}

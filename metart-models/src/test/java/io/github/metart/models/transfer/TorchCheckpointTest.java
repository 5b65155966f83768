package io.github.metart.models.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.metart.models.engine.MetEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .pth} files written here byte by byte as {@code torch.save} writes them (protocol 2 pickle
 * in a zip), so these run without Python; {@link TorchvisionEquivalenceTest} reads real ones.
 */
class TorchCheckpointTest {

  @TempDir Path dir;

  /** A protocol-2 pickle written opcode by opcode. */
  private static final class Pickle {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Pickle op(int... bytes) {
      for (int b : bytes) {
        out.write(b);
      }
      return this;
    }

    Pickle global(String module, String name) {
      op('c');
      out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
      return this;
    }

    Pickle text(String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      op('X', bytes.length, 0, 0, 0);
      out.writeBytes(bytes);
      return this;
    }

    Pickle small(int value) {
      return op('K', value);
    }

    Pickle tuple(int... values) {
      op('(');
      for (int v : values) {
        small(v);
      }
      return op('t');
    }

    Pickle orderedDict() {
      return global("collections", "OrderedDict").op(')', 'R');
    }

    /** A tensor of a storage, with a memoized storage type when {@code memo >= 0}. */
    Pickle tensor(String storageType, String key, int elements, int offset, int[] size, int[] stride) {
      global("torch._utils", "_rebuild_tensor_v2").op('(');
      op('(').text("storage").global("torch", storageType).text(key).text("cpu").small(elements).op('t', 'Q');
      small(offset).tuple(size).tuple(stride).op(0x89).orderedDict();
      return op('t', 'R');
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  private Path pth(String name, byte[] pickle, Map<String, byte[]> storages) throws IOException {
    Path file = dir.resolve(name);
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

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(content);
    entry.setSize(content.length);
    entry.setCompressedSize(content.length);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  private static byte[] floats(float... values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      buffer.putFloat(v);
    }
    return buffer.array();
  }

  private Path stateDict() throws IOException {
    Pickle p = new Pickle().op(0x80, 2).orderedDict().op('(');
    p.text("conv.weight").tensor("FloatStorage", "0", 6, 0, new int[] {2, 3}, new int[] {3, 1});
    // a transposed view of the same storage: stride (1, 3) over a 3x2 shape
    p.text("conv.weight_t").tensor("FloatStorage", "0", 6, 0, new int[] {3, 2}, new int[] {1, 3});
    p.text("bn.num_batches_tracked").tensor("LongStorage", "1", 1, 0, new int[] {}, new int[] {});
    p.op('u');
    // a state dict's _metadata, set with BUILD
    p.op('}').text("_metadata").orderedDict().op('s', 'b', '.');
    Map<String, byte[]> storages = new LinkedHashMap<>();
    storages.put("0", floats(1, 2, 3, 4, 5, 6));
    storages.put("1", ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(42).array());
    return pth("tiny.pth", p.bytes(), storages);
  }

  @Test
  void readsTensorsOfAStateDictWithTheirShapesAndStrides() throws IOException {
    Path file = stateDict();
    try (NDManager manager = MetEngine.newManager(null)) {
      Map<String, NDArray> arrays = TorchCheckpoint.read(file, manager);

      assertThat(arrays.keySet()).containsExactly("conv.weight", "conv.weight_t", "bn.num_batches_tracked");
      NDArray weight = arrays.get("conv.weight");
      assertThat(weight.getShape()).isEqualTo(new Shape(2, 3));
      assertThat(weight.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
      assertThat(weight.getName()).isEqualTo("conv.weight");
      assertThat(arrays.get("conv.weight_t").toFloatArray()).containsExactly(1, 4, 2, 5, 3, 6);
      NDArray counter = arrays.get("bn.num_batches_tracked");
      assertThat(counter.getDataType()).isEqualTo(DataType.INT64);
      assertThat(counter.getLong()).isEqualTo(42L);
    }
  }

  @Test
  void aPickleCallingSystemIsRefusedNamingTheGlobal() throws IOException {
    for (String module : new String[] {"posix", "os", "builtins"}) {
      String name = module.equals("builtins") ? "eval" : "system";
      byte[] evil = new Pickle().op(0x80, 2).global(module, name).text("touch /tmp/pwned").op(0x85, 'R', '.').bytes();
      Path file = pth("evil-" + module + ".pth", evil, Map.of());
      try (NDManager manager = MetEngine.newManager(null)) {
        assertThatThrownBy(() -> TorchCheckpoint.read(file, manager))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("refused pickle global " + module + "." + name)
            .hasMessageContaining("torch._utils._rebuild_tensor_v2");
      }
    }
  }

  @Test
  void aTruncatedZipIsRefusedNamingTheFile() throws IOException {
    byte[] whole = Files.readAllBytes(stateDict());
    Path cut = dir.resolve("cut.pth");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    try (NDManager manager = MetEngine.newManager(null)) {
      assertThatThrownBy(() -> TorchCheckpoint.read(cut, manager))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(cut + " is not a complete .pth (zip) file");
    }
  }

  @Test
  void aPickleCutShortOrOfAnotherShapeIsRefused() throws IOException {
    byte[] cut = new Pickle().op(0x80, 2).orderedDict().op('(').text("w").bytes();
    Path file = pth("short.pth", cut, Map.of());
    byte[] list = new Pickle().op(0x80, 2, ']', '.').bytes();
    Path notDict = pth("list.pth", list, Map.of());
    try (NDManager manager = MetEngine.newManager(null)) {
      assertThatThrownBy(() -> TorchCheckpoint.read(file, manager))
          .hasMessageContaining(file + ": the pickle ends before its STOP opcode");
      assertThatThrownBy(() -> TorchCheckpoint.read(notDict, manager))
          .hasMessageContaining("holds no state dict");
    }
  }

  @Test
  void halfPrecisionWidensExactly() {
    assertThat(TorchCheckpoint.halfToFloat((short) 0x3c00)).isEqualTo(1f);
    assertThat(TorchCheckpoint.halfToFloat((short) 0xc000)).isEqualTo(-2f);
    assertThat(TorchCheckpoint.halfToFloat((short) 0x3555)).isEqualTo(0.33325195f);
    assertThat(TorchCheckpoint.halfToFloat((short) 0x0001)).isEqualTo(5.9604645e-8f);
    assertThat(TorchCheckpoint.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
  }
}

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

  private Path pth(String name, byte[] pickle, Map<String, byte[]> storages) throws IOException {
    return StateDictWriter.zip(dir.resolve(name), pickle, storages);
  }

  private static byte[] floats(float... values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      buffer.putFloat(v);
    }
    return buffer.array();
  }

  private Path stateDict() throws IOException {
    StateDictWriter.Pickle p = new StateDictWriter.Pickle().op(0x80, 2).orderedDict().op('(');
    p.text("conv.weight").tensor("FloatStorage", "0", 6, 0, new long[] {2, 3}, new long[] {3, 1});
    // a transposed view of the same storage: stride (1, 3) over a 3x2 shape
    p.text("conv.weight_t").tensor("FloatStorage", "0", 6, 0, new long[] {3, 2}, new long[] {1, 3});
    p.text("bn.num_batches_tracked").tensor("LongStorage", "1", 1, 0, new long[] {}, new long[] {});
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
      byte[] evil = new StateDictWriter.Pickle().op(0x80, 2).global(module, name).text("touch /tmp/pwned").op(0x85, 'R', '.').bytes();
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
    byte[] cut = new StateDictWriter.Pickle().op(0x80, 2).orderedDict().op('(').text("w").bytes();
    Path file = pth("short.pth", cut, Map.of());
    byte[] list = new StateDictWriter.Pickle().op(0x80, 2, ']', '.').bytes();
    Path notDict = pth("list.pth", list, Map.of());
    try (NDManager manager = MetEngine.newManager(null)) {
      assertThatThrownBy(() -> TorchCheckpoint.read(file, manager))
          .hasMessageContaining(file + ": the pickle ends before its STOP opcode");
      assertThatThrownBy(() -> TorchCheckpoint.read(notDict, manager))
          .hasMessageContaining("holds no state dict");
    }
  }

  @Test
  void aLegacyPickleOrAnotherFileIsRefusedNamingIt() throws IOException {
    Path legacy = dir.resolve("legacy.pth");
    Files.write(legacy, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10});
    Path text = dir.resolve("notes.pth");
    Files.writeString(text, "not weights");
    try (NDManager manager = MetEngine.newManager(null)) {
      assertThatThrownBy(() -> TorchCheckpoint.read(legacy, manager))
          .hasMessageStartingWith(legacy + " is in PyTorch's legacy format");
      assertThatThrownBy(() -> TorchCheckpoint.read(text, manager))
          .hasMessage(text + " is not a .pth file written by torch.save (no zip header)");
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

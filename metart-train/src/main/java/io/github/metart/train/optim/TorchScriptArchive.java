package io.github.metart.train.optim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a TorchScript archive (what {@code torch.jit.save} produces and {@code torch.jit.load}
 * reads) for a module class without parameters, from its TorchScript source. TorchScript compiles
 * the source when the archive is loaded, so the PyTorch that runs it decides which operators exist.
 *
 * <p>The archive is a zip of stored entries under one folder: {@code data.pkl} (the pickled module
 * object: the class and its {@code training} attribute), {@code constants.pkl} (an empty tuple),
 * {@code code/__torch__.py} (the source) and {@code version}.
 */
final class TorchScriptArchive {

  private static final String FOLDER = "archive/";

  private TorchScriptArchive() {}

  /**
   * The archive of a module.
   *
   * @param className the module's class name in {@code source} (a Python identifier)
   * @param source the TorchScript source defining {@code className}
   */
  static byte[] of(String className, String source) {
    if (!className.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a class name: " + className);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, "data.pkl", pickledModule(className));
      put(zip, "code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
      put(zip, "constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
      put(zip, "version", "3\n".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(FOLDER + name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    entry.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    entry.setTime(0);
    zip.putNextEntry(entry);
    zip.write(data);
    zip.closeEntry();
  }

  /**
   * Pickle protocol 2 of {@code __torch__.<className>} with the attribute {@code training = True}:
   * PROTO 2, GLOBAL, EMPTY_TUPLE, NEWOBJ, EMPTY_DICT, MARK, BINUNICODE 'training', NEWTRUE,
   * SETITEMS, BUILD, STOP.
   */
  private static byte[] pickledModule(String className) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x80);
    out.write(2);
    byte[] global = ("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII);
    out.write(global, 0, global.length);
    out.write(')');
    out.write(0x81);
    out.write('}');
    out.write('(');
    byte[] name = "training".getBytes(StandardCharsets.UTF_8);
    out.write('X');
    out.write(name.length);
    out.write(0);
    out.write(0);
    out.write(0);
    out.write(name, 0, name.length);
    out.write(0x88);
    out.write('u');
    out.write('b');
    out.write('.');
    return out.toByteArray();
  }
}

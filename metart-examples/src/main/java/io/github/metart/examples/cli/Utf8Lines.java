package io.github.metart.examples.cli;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 text line by line (LF, CR or CRLF ends a line, as {@link java.io.BufferedReader}
 * does) and decodes each line on its own, so that text that is not UTF-8 fails with the name of the
 * source, the line number and the offending bytes.
 */
final class Utf8Lines implements Closeable {

  private final InputStream in;
  private final String source;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] bytes = new byte[256];
  private long lineNumber;
  private boolean skipLf;

  /**
   * @param in the bytes (buffered here)
   * @param source how errors name the input, e.g. {@code <stdin>} or a file path
   */
  Utf8Lines(InputStream in, String source) {
    this.in = new BufferedInputStream(in, 1 << 16);
    this.source = source;
  }

  /**
   * The next line without its terminator, or {@code null} at the end of the input.
   *
   * @throws IOException when reading fails, or naming source and line when the line is not UTF-8
   */
  String readLine() throws IOException {
    int length = 0;
    int b = in.read();
    if (skipLf && b == '\n') {
      b = in.read();
    }
    skipLf = false;
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n' && b != '\r') {
      if (length == bytes.length) {
        bytes = Arrays.copyOf(bytes, length * 2);
      }
      bytes[length++] = (byte) b;
      b = in.read();
    }
    skipLf = b == '\r';
    lineNumber++;
    return decode(length);
  }

  private String decode(int length) throws IOException {
    ByteBuffer input = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer output = CharBuffer.allocate(length);
    decoder.reset();
    CoderResult result = decoder.decode(input, output, true);
    if (!result.isError()) {
      result = decoder.flush(output);
    }
    if (result.isError()) {
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < result.length(); i++) {
        hex.append(String.format(" 0x%02X", bytes[input.position() + i] & 0xFF));
      }
      throw new IOException(
          source + ", line " + lineNumber + ": not UTF-8 text (byte sequence" + hex + " at byte "
              + (input.position() + 1) + " of the line)");
    }
    return output.flip().toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

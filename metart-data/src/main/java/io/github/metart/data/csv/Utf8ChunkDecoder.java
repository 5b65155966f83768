package io.github.metart.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 in chunks with a reporting {@link CharsetDecoder}: an invalid byte sequence is not
 * silently replaced but recorded (its position in the chunk and its bytes) so the row holding it
 * can be skipped and reported. A U+FFFD stands in for it in the chunk so that framing can go on.
 *
 * <p>A UTF-8 byte order mark at the start is skipped; a UTF-16/32 mark, gzip or ZIP data at the
 * start make the file unusable ({@link MetCsvException}).
 */
final class Utf8ChunkDecoder {

  private static final int MAX_ERRORS_PER_CHUNK = 64;

  private final InputStream in;
  private final String fileName;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes;
  private boolean endOfInput;
  private boolean flushed;
  private boolean started;
  private long bytesRead;

  // the invalid sequences of the last chunk
  private final int[] errorPositions = new int[MAX_ERRORS_PER_CHUNK];
  private final String[] errorDetails = new String[MAX_ERRORS_PER_CHUNK];
  private int errorCount;

  Utf8ChunkDecoder(InputStream in, String fileName, int bufferSize) {
    this.in = in;
    this.fileName = fileName;
    this.bytes = ByteBuffer.allocate(bufferSize);
    this.bytes.flip();
  }

  /** The bytes read from the stream so far. */
  long bytesRead() {
    return bytesRead;
  }

  /** The number of invalid sequences in the last chunk. */
  int errorCount() {
    return errorCount;
  }

  /** The chunk position of the {@code i}-th invalid sequence of the last chunk (ascending). */
  int errorPosition(int i) {
    return errorPositions[i];
  }

  /** The {@code i}-th invalid sequence's bytes, e.g. {@code byte 0xC3 not followed by ...}. */
  String errorDetail(int i) {
    return errorDetails[i];
  }

  /**
   * Decodes the next chunk into {@code dest}; returns the number of chars, or -1 at the end of the
   * input.
   */
  int fill(char[] dest) throws IOException {
    if (!started) {
      start();
    }
    errorCount = 0;
    if (flushed) {
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(dest);
    while (out.hasRemaining()) {
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        if (errorCount == MAX_ERRORS_PER_CHUNK) {
          break; // decode the rest in the next chunk, keeping the positions exact
        }
        int length = result.length();
        errorPositions[errorCount] = out.position();
        errorDetails[errorCount] = describe(length);
        errorCount++;
        bytes.position(bytes.position() + length);
        out.put('\uFFFD');
        continue;
      }
      if (result.isOverflow()) {
        break;
      }
      // underflow: needs more input
      if (endOfInput) {
        decoder.flush(out);
        flushed = true;
        break;
      }
      refill();
    }
    int count = out.position();
    return count == 0 && flushed ? -1 : count;
  }

  private String describe(int length) {
    StringBuilder hex = new StringBuilder("byte sequence");
    int start = bytes.position();
    for (int i = 0; i < length && start + i < bytes.limit(); i++) {
      hex.append(String.format(" 0x%02X", bytes.get(start + i) & 0xFF));
    }
    return hex.toString();
  }

  private void refill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytesRead += n;
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  /** Reads the first bytes, skips a UTF-8 BOM and refuses data that is not UTF-8 text. */
  private void start() throws IOException {
    started = true;
    while (!endOfInput && bytes.remaining() < 4) {
      refill();
    }
    int n = bytes.remaining();
    int b0 = n > 0 ? bytes.get(0) & 0xFF : -1;
    int b1 = n > 1 ? bytes.get(1) & 0xFF : -1;
    int b2 = n > 2 ? bytes.get(2) & 0xFF : -1;
    int b3 = n > 3 ? bytes.get(3) & 0xFF : -1;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      bytes.position(3);
    } else if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
      throw new MetCsvException(
          fileName, "is UTF-16 or UTF-32 encoded (byte order mark); metart reads UTF-8: convert it first");
    } else if (b0 == 0x1F && b1 == 0x8B) {
      throw new MetCsvException(fileName, "is gzip-compressed: decompress it first (gunzip)");
    } else if (b0 == 0x50 && b1 == 0x4B && b2 == 0x03 && b3 == 0x04) {
      throw new MetCsvException(fileName, "is a ZIP archive: extract MetObjects.csv from it first");
    }
  }
}

package io.github.metart.data.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.stream.ImageInputStream;

/**
 * The few facts of a JPEG header that image readers do not report uniformly: the number of colour
 * components, the Adobe colour transform (which tells CMYK from YCCK), the sample precision,
 * whether the image is progressive, and the first APP1 {@code Exif} payload (where cameras record
 * the orientation, see {@link ExifOrientation}). Parsed from the markers before the first frame
 * header.
 *
 * @param exif the first APP1 segment's data when it starts with {@code Exif\0\0} (prefix
 *     included), or {@code null}
 */
record JpegHeader(
    int components, int adobeTransform, int precision, boolean progressive, boolean rgbIds, byte[] exif) {

  /** Adobe transform value when the file has no Adobe APP14 segment. */
  static final int NO_ADOBE = -1;

  /** A colour-space label for quality reports: {@code YCbCr}, {@code RGB}, {@code Gray}, ... */
  String colorSpace() {
    return switch (components) {
      case 1 -> "Gray";
      case 3 -> adobeTransform == 0 || rgbIds && adobeTransform == NO_ADOBE ? "RGB" : "YCbCr";
      case 4 -> adobeTransform == 2 ? "YCCK" : "CMYK";
      default -> components + " components";
    };
  }

  /**
   * Reads the header from the stream's current position and resets it afterwards; {@code null}
   * when the data is not a JPEG or its header cannot be parsed (the reader then reports why).
   */
  static JpegHeader read(ImageInputStream in) throws IOException {
    in.mark();
    try {
      if (in.read() != 0xFF || in.read() != 0xD8) {
        return null;
      }
      int adobe = NO_ADOBE;
      byte[] exif = null;
      while (true) {
        int b = in.read();
        if (b < 0) {
          return null;
        }
        if (b != 0xFF) {
          continue;
        }
        int marker = in.read();
        while (marker == 0xFF) {
          marker = in.read();
        }
        if (marker < 0 || marker == 0xD9 || marker == 0xDA) {
          return null;
        }
        if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
          continue;
        }
        int length = in.readUnsignedShort();
        if (length < 2) {
          return null;
        }
        long next = in.getStreamPosition() + length - 2;
        if (marker == 0xEE && length >= 14) {
          byte[] id = new byte[5];
          in.readFully(id);
          if (new String(id, StandardCharsets.US_ASCII).equals("Adobe")) {
            in.skipBytes(6);
            adobe = in.read();
          }
        } else if (marker == 0xE1 && exif == null && length >= 2 + 6 + 8) {
          byte[] data = new byte[length - 2];
          in.readFully(data);
          if (new String(data, 0, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
            exif = data;
          }
        } else if (isStartOfFrame(marker)) {
          int precision = in.read();
          in.skipBytes(4);
          int components = in.read();
          boolean rgbIds = components == 3;
          for (int c = 0; c < components && c < 3; c++) {
            int id = in.read();
            in.skipBytes(2);
            rgbIds &= id == "RGB".charAt(c);
          }
          boolean progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
          return new JpegHeader(components, adobe, precision, progressive, rgbIds, exif);
        }
        in.seek(next);
      }
    } catch (IOException | RuntimeException e) {
      return null;
    } finally {
      in.reset();
    }
  }

  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }
}

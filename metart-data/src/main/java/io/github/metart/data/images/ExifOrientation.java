package io.github.metart.data.images;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Finds the Orientation tag where each format keeps it: in a JPEG's APP1 {@code Exif} segment
 * (collected by {@link JpegHeader}), in a WebP's {@code EXIF} chunk, and in a TIFF file's first
 * image directory. The TIFF structure itself is parsed by TwelveMonkeys' metadata reader. Damaged
 * or missing metadata means {@link ImageOrientation#NORMAL}: orientation never makes an image fail.
 */
final class ExifOrientation {

  /** The prefix of an Exif payload in JPEG APP1 segments (and in some WebP EXIF chunks). */
  private static final byte[] EXIF_PREFIX = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

  /** Largest EXIF chunk read from a WebP; real ones are a few kilobytes. */
  private static final int MAX_WEBP_EXIF = 1 << 20;

  private ExifOrientation() {}

  /** The orientation in the file open on {@code in}, of the given format; the stream is reset. */
  static ImageOrientation read(ImageInputStream in, String format, JpegHeader jpeg) {
    return switch (format) {
      case "jpeg" -> jpeg == null ? ImageOrientation.NORMAL : fromExif(jpeg.exif());
      case "tiff" -> fromTiffFile(in);
      case "webp" -> fromExif(webpExif(in));
      default -> ImageOrientation.NORMAL;
    };
  }

  /**
   * The orientation in an Exif payload: a TIFF structure, optionally preceded by {@code
   * Exif\0\0}; {@code NORMAL} when absent or unreadable.
   */
  static ImageOrientation fromExif(byte[] exif) {
    if (exif == null) {
      return ImageOrientation.NORMAL;
    }
    byte[] tiff = startsWith(exif, EXIF_PREFIX) ? Arrays.copyOfRange(exif, EXIF_PREFIX.length, exif.length) : exif;
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff))) {
      return fromDirectory(new TIFFReader().read(in));
    } catch (IOException | RuntimeException e) {
      return ImageOrientation.NORMAL;
    }
  }

  private static ImageOrientation fromTiffFile(ImageInputStream in) {
    try {
      in.mark();
      try {
        in.seek(0);
        return fromDirectory(new TIFFReader().read(in));
      } finally {
        in.reset();
      }
    } catch (IOException | RuntimeException e) {
      return ImageOrientation.NORMAL;
    }
  }

  private static ImageOrientation fromDirectory(Directory directory) {
    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
    if (entry == null) {
      return ImageOrientation.NORMAL;
    }
    Object value = entry.getValue();
    if (value instanceof Number number) {
      return ImageOrientation.ofTag(number.intValue());
    }
    if (value instanceof short[] shorts && shorts.length > 0) {
      return ImageOrientation.ofTag(shorts[0]);
    }
    if (value instanceof int[] ints && ints.length > 0) {
      return ImageOrientation.ofTag(ints[0]);
    }
    return ImageOrientation.NORMAL;
  }

  /** The payload of a WebP's {@code EXIF} chunk, or {@code null}; the stream is reset. */
  private static byte[] webpExif(ImageInputStream in) {
    try {
      in.mark();
      try {
        in.seek(0);
        byte[] header = new byte[12];
        in.readFully(header);
        if (!ascii(header, 0).equals("RIFF") || !ascii(header, 8).equals("WEBP")) {
          return null;
        }
        java.nio.ByteOrder order = in.getByteOrder();
        in.setByteOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
        try {
          byte[] fourcc = new byte[4];
          while (true) {
            if (in.read(fourcc) != 4) {
              return null;
            }
            long size = in.readUnsignedInt();
            String name = ascii(fourcc, 0);
            if (name.equals("EXIF")) {
              if (size > MAX_WEBP_EXIF) {
                return null;
              }
              byte[] payload = new byte[(int) size];
              in.readFully(payload);
              return payload;
            }
            in.seek(in.getStreamPosition() + size + (size & 1));
          }
        } finally {
          in.setByteOrder(order);
        }
      } finally {
        in.reset();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String ascii(byte[] bytes, int from) {
    return new String(bytes, from, 4, StandardCharsets.ISO_8859_1);
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }
}

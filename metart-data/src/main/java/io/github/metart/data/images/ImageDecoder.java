package io.github.metart.data.images;

import static com.google.common.base.Preconditions.checkArgument;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes any image the Met serves into 8-bit sRGB, or fails with an {@link ImageDecodeException}
 * that names the file and the {@link DecodeProblem} — never silently wrong colours.
 *
 * <ul>
 *   <li>JPEG (baseline, progressive, grey, CMYK and YCCK through TwelveMonkeys ImageIO, which
 *       applies the Adobe inversion and embedded ICC profiles), PNG (palette, grey, alpha, 16-bit),
 *       WebP, TIFF, GIF and BMP;
 *   <li>the EXIF/TIFF orientation (JPEG APP1, WebP EXIF chunk, TIFF tag) is applied after
 *       decoding, so pixels come out upright ({@link ImageOrientation}, recorded in {@link
 *       ImageInfo#orientation()});
 *   <li>transparency is composited on white, 16-bit samples are scaled, other colour spaces are
 *       converted to sRGB;
 *   <li>the declared pixel count is checked against {@link #maxPixels()} before any pixel is
 *       decoded (decompression bombs);
 *   <li>when the caller needs only a small image, large images are read with source subsampling
 *       (every n-th pixel), keeping at least twice the needed size so that the final resize still
 *       averages over several pixels.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ImageDecoder {

  /** The default limit on declared pixels: 180 million (e.g. 15,000 x 12,000). */
  public static final long DEFAULT_MAX_PIXELS = 180_000_000L;

  private static final ImageDecoder DEFAULT = builder().build();

  private final long maxPixels;
  private final boolean subsampledReading;

  private ImageDecoder(Builder builder) {
    this.maxPixels = builder.maxPixels;
    this.subsampledReading = builder.subsampledReading;
  }

  /** A decoder with the default limits and subsampled reading on. */
  public static ImageDecoder defaults() {
    return DEFAULT;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The largest declared pixel count this decoder accepts. */
  public long maxPixels() {
    return maxPixels;
  }

  /** Whether large images are read subsampled when the caller needs a small one. */
  public boolean subsampledReading() {
    return subsampledReading;
  }

  /**
   * The source subsampling factor used for an image of the given size when the caller needs at
   * least {@code neededShorterSide} pixels on the shorter side: the largest {@code n} that keeps the
   * subsampled shorter side at least twice the needed size (1 when subsampled reading is off).
   */
  public int subsamplingFor(int width, int height, int neededShorterSide) {
    if (!subsampledReading || neededShorterSide <= 0) {
      return 1;
    }
    return Math.max(1, Math.min(width, height) / (2 * neededShorterSide));
  }

  /** Reads only the header: format, declared size, colour space and orientation. */
  public ImageInfo probe(Path file) throws ImageDecodeException {
    return decodeFile(file, 0, false).info();
  }

  /** Decodes every pixel of the file. */
  public DecodedImage decode(Path file) throws ImageDecodeException {
    return decodeFile(file, 0, true).toDecodedImage();
  }

  /**
   * Decodes the file for a consumer that needs {@code neededShorterSide} pixels on the shorter
   * side: large images are read subsampled (see {@link #subsamplingFor}).
   */
  public DecodedImage decode(Path file, int neededShorterSide) throws ImageDecodeException {
    checkArgument(neededShorterSide > 0, "neededShorterSide must be positive, got %s", neededShorterSide);
    return decodeFile(file, neededShorterSide, true).toDecodedImage();
  }

  /**
   * Like {@link #decode(Path, int)} but keeps the decoder's own image, so that a consumer that
   * resamples it anyway can read the raster in place instead of converting it first.
   */
  Raw decodeRaw(Path file, int neededShorterSide) throws ImageDecodeException {
    return decodeFile(file, neededShorterSide, true);
  }

  /** A decoded image as the reader returned it, turned upright, with what the file declared. */
  record Raw(BufferedImage image, ImageInfo info, int subsampling) {
    DecodedImage toDecodedImage() {
      return new DecodedImage(RgbImage.from(image), info, subsampling);
    }
  }

  /**
   * Decodes image bytes held in memory.
   *
   * @param data the encoded image
   * @param name a name for messages, e.g. the URL or object id
   * @param neededShorterSide the shorter side the consumer needs, or 0 for full resolution
   */
  public DecodedImage decode(byte[] data, String name, int neededShorterSide)
      throws ImageDecodeException {
    checkArgument(neededShorterSide >= 0, "neededShorterSide must be 0 or positive, got %s", neededShorterSide);
    if (data.length == 0) {
      throw new ImageDecodeException(name, DecodeProblem.EMPTY, null, null);
    }
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      return read(in, name, neededShorterSide, true).toDecodedImage();
    } catch (ImageDecodeException e) {
      throw e;
    } catch (IOException e) {
      throw new ImageDecodeException(name, DecodeProblem.UNREADABLE, e.getMessage(), e);
    }
  }

  private Raw decodeFile(Path file, int needed, boolean pixels)
      throws ImageDecodeException {
    String name = file.toString();
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new ImageDecodeException(name, DecodeProblem.UNREADABLE, "no such file", e);
    } catch (IOException e) {
      throw new ImageDecodeException(name, DecodeProblem.UNREADABLE, e.getMessage(), e);
    }
    if (size == 0) {
      throw new ImageDecodeException(name, DecodeProblem.EMPTY, null, null);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new ImageDecodeException(name, DecodeProblem.UNREADABLE, "cannot open", null);
      }
      return read(in, name, needed, pixels);
    } catch (ImageDecodeException e) {
      throw e;
    } catch (IOException e) {
      throw new ImageDecodeException(name, DecodeProblem.UNREADABLE, e.getMessage(), e);
    }
  }

  private Raw read(ImageInputStream in, String name, int needed, boolean pixels)
      throws IOException {
    ImageReader reader = readerFor(in, name);
    List<String> warnings = new ArrayList<>();
    try {
      String format = formatName(reader);
      JpegHeader jpeg = format.equals("jpeg") ? JpegHeader.read(in) : null;
      ImageOrientation orientation = ExifOrientation.read(in, format, jpeg);
      reader.setInput(in, true, true);
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        throw new ImageDecodeException(
            name, DecodeProblem.CORRUPT, "declares a size of " + width + "x" + height, null);
      }
      long declared = (long) width * height;
      if (declared > maxPixels) {
        throw new ImageDecodeException(
            name,
            DecodeProblem.TOO_LARGE,
            String.format(
                Locale.ROOT,
                "declares %dx%d = %,d pixels, over the limit of %,d",
                width,
                height,
                declared,
                maxPixels),
            null);
      }
      // the pixel limit and the subsampling depend on the area and the shorter side only, which an
      // orientation that swaps sides leaves unchanged: both use the declared size
      ImageInfo info = describe(reader, format, width, height, jpeg).withOrientation(orientation);
      if (!pixels) {
        return new Raw(new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR), info, 1);
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int factor = subsamplingFor(width, height, needed);
      if (factor > 1) {
        param.setSourceSubsampling(factor, factor, 0, 0);
      }
      BufferedImage image = reader.read(0, param);
      for (String warning : warnings) {
        if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
          throw new ImageDecodeException(name, DecodeProblem.TRUNCATED, warning, null);
        }
      }
      // after any subsampling: the subsampled grid is turned like the full image would be
      return new Raw(orientation.apply(image), info, factor);
    } catch (ImageDecodeException e) {
      throw e;
    } catch (EOFException e) {
      throw new ImageDecodeException(name, DecodeProblem.TRUNCATED, "unexpected end of data", e);
    } catch (IOException | RuntimeException e) {
      boolean truncated =
          warnings.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("truncated"))
              || hasCause(e, EOFException.class);
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ImageDecodeException(
          name, truncated ? DecodeProblem.TRUNCATED : DecodeProblem.CORRUPT, detail, e);
    } finally {
      reader.dispose();
    }
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /** The reader for the stream: TwelveMonkeys first where it is installed (CMYK JPEG). */
  private static ImageReader readerFor(ImageInputStream in, String name) throws IOException {
    Iterator<ImageReader> readers;
    try {
      readers = ImageIO.getImageReaders(in);
    } catch (RuntimeException e) {
      readers = java.util.Collections.emptyIterator();
    }
    ImageReader chosen = null;
    while (readers.hasNext()) {
      ImageReader candidate = readers.next();
      if (chosen == null || candidate.getClass().getName().startsWith("com.twelvemonkeys")
          && !chosen.getClass().getName().startsWith("com.twelvemonkeys")) {
        if (chosen != null) {
          chosen.dispose();
        }
        chosen = candidate;
      } else {
        candidate.dispose();
      }
    }
    if (chosen == null) {
      throw unrecognised(in, name);
    }
    return chosen;
  }

  private static ImageDecodeException unrecognised(ImageInputStream in, String name)
      throws IOException {
    byte[] head = new byte[16];
    in.seek(0);
    int n = in.read(head);
    String detail = Signatures.describe(head, Math.max(n, 0));
    boolean known = Signatures.isKnownUnsupportedImage(head, Math.max(n, 0));
    return new ImageDecodeException(
        name, known ? DecodeProblem.UNSUPPORTED : DecodeProblem.NOT_AN_IMAGE, detail, null);
  }

  private static String formatName(ImageReader reader) throws IOException {
    String format = reader.getFormatName().toLowerCase(Locale.ROOT);
    return switch (format) {
      case "jpg", "jpeg", "jpeg-lossless" -> "jpeg";
      case "tif", "tiff" -> "tiff";
      default -> format;
    };
  }

  private static ImageInfo describe(
      ImageReader reader, String format, int width, int height, JpegHeader jpeg) {
    if (jpeg != null) {
      return new ImageInfo(
          format, width, height, jpeg.colorSpace(), jpeg.precision(), jpeg.progressive());
    }
    ImageTypeSpecifier raw = null;
    try {
      raw = reader.getRawImageType(0);
    } catch (IOException | RuntimeException e) {
      // some readers cannot tell before decoding; the report then says "unknown"
    }
    if (raw == null) {
      return new ImageInfo(format, width, height, "unknown", 8, false);
    }
    ColorModel cm = raw.getColorModel();
    String space;
    if (cm instanceof IndexColorModel) {
      space = "Indexed";
    } else {
      space =
          switch (cm.getColorSpace().getType()) {
            case ColorSpace.TYPE_GRAY -> "Gray";
            case ColorSpace.TYPE_RGB -> "RGB";
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_YCbCr -> "YCbCr";
            default -> "other";
          };
    }
    if (cm.hasAlpha()) {
      space += "+alpha";
    }
    int bits = cm instanceof IndexColorModel ? raw.getSampleModel().getSampleSize(0) : cm.getComponentSize(0);
    return new ImageInfo(format, width, height, space, bits, false);
  }

  /** Magic numbers, to say what a file is when no image reader recognises it. */
  static final class Signatures {
    private Signatures() {}

    static boolean isKnownUnsupportedImage(byte[] head, int n) {
      return startsWith(head, n, new int[] {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20})
          || startsWith(head, n, new int[] {0xFF, 0x4F, 0xFF, 0x51})
          || n >= 12 && ascii(head, 4, 4).equals("ftyp");
    }

    static String describe(byte[] head, int n) {
      if (n == 0) {
        return "no data";
      }
      if (startsWith(head, n, new int[] {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20})
          || startsWith(head, n, new int[] {0xFF, 0x4F, 0xFF, 0x51})) {
        return "JPEG 2000, which no installed reader decodes";
      }
      if (n >= 12 && ascii(head, 4, 4).equals("ftyp")) {
        return "HEIF/AVIF (" + ascii(head, 8, 4).strip() + "), which no installed reader decodes";
      }
      String text = ascii(head, 0, n).stripLeading().toLowerCase(Locale.ROOT);
      if (text.startsWith("<!doctype") || text.startsWith("<html") || text.startsWith("<?xml")
          || text.startsWith("<")) {
        return "looks like HTML or XML";
      }
      if (text.startsWith("{") || text.startsWith("[")) {
        return "looks like JSON";
      }
      if (text.startsWith("%pdf")) {
        return "a PDF document";
      }
      StringBuilder hex = new StringBuilder("unrecognised signature");
      for (int i = 0; i < Math.min(n, 8); i++) {
        hex.append(String.format(Locale.ROOT, " %02x", head[i] & 0xff));
      }
      return hex.toString();
    }

    private static boolean startsWith(byte[] head, int n, int[] magic) {
      if (n < magic.length) {
        return false;
      }
      for (int i = 0; i < magic.length; i++) {
        if ((head[i] & 0xff) != magic[i]) {
          return false;
        }
      }
      return true;
    }

    private static String ascii(byte[] head, int from, int length) {
      int end = Math.min(head.length, from + length);
      return from >= end ? "" : new String(head, from, end - from, StandardCharsets.ISO_8859_1);
    }
  }

  /** Builds an {@link ImageDecoder}. */
  public static final class Builder {
    private long maxPixels = DEFAULT_MAX_PIXELS;
    private boolean subsampledReading = true;

    private Builder() {}

    /** The largest declared pixel count accepted (default 180 million). */
    public Builder maxPixels(long maxPixels) {
      checkArgument(maxPixels > 0, "maxPixels must be positive, got %s", maxPixels);
      this.maxPixels = maxPixels;
      return this;
    }

    /** Whether to read large images subsampled when the consumer needs a small one (default on). */
    public Builder subsampledReading(boolean subsampledReading) {
      this.subsampledReading = subsampledReading;
      return this;
    }

    /** The decoder. */
    public ImageDecoder build() {
      return new ImageDecoder(this);
    }
  }
}

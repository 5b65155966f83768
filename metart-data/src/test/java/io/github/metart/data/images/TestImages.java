package io.github.metart.data.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.NodeList;

/**
 * Generates the image files the tests decode, in every odd format the Met may serve: nothing binary
 * is committed, each fixture is written here from pixels we choose, so the tests know the right
 * colours.
 */
public final class TestImages {

  /** Ink percentages (0..255) of the CMYK test patches: cyan, magenta, yellow, black, paper. */
  public static final int[][] CMYK_PATCHES = {
    {255, 0, 0, 0}, {0, 255, 0, 0}, {0, 0, 255, 0}, {0, 0, 0, 255}, {0, 0, 0, 0}
  };

  /** Side of one patch in the CMYK test image (patches are laid out left to right). */
  public static final int PATCH = 16;

  private TestImages() {}

  /** Vertical bands of the given colours, each {@code bandWidth} wide. */
  public static BufferedImage bands(int bandWidth, int height, Color... colours) {
    BufferedImage image =
        new BufferedImage(bandWidth * colours.length, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    for (int i = 0; i < colours.length; i++) {
      g.setColor(colours[i]);
      g.fillRect(i * bandWidth, 0, bandWidth, height);
    }
    g.dispose();
    return image;
  }

  /** A smooth colour gradient with some detail, like a photograph. */
  public static BufferedImage gradient(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    java.util.Random random = new java.util.Random(seed);
    int phase = random.nextInt(256);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = (x * 255 / Math.max(1, width - 1) + phase) & 0xff;
        int g = y * 255 / Math.max(1, height - 1);
        int b = (int) (127 + 100 * Math.sin((x + y + phase) / 23.0));
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  /**
   * A gradient with a dozen coloured ovals: structured like a painting, so that different seeds
   * give perceptually different images (plain gradients all look alike to a perceptual hash).
   */
  public static BufferedImage painting(int width, int height, long seed) {
    BufferedImage image = gradient(width, height, seed);
    Graphics2D g = image.createGraphics();
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < 12; i++) {
      g.setColor(new Color(random.nextInt(0xffffff)));
      int w = width / 15 + random.nextInt(Math.max(1, width / 4));
      int h = height / 15 + random.nextInt(Math.max(1, height / 4));
      g.fillOval(random.nextInt(Math.max(1, width - w)), random.nextInt(Math.max(1, height - h)), w, h);
    }
    g.dispose();
    return image;
  }

  /** Writes a JPEG (baseline or progressive) of any 1- or 3-channel image. */
  public static Path jpeg(Path file, BufferedImage image, boolean progressive) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.95f);
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  /**
   * Four quadrants of the given colours, each {@code side x side}: top-left, top-right,
   * bottom-left, bottom-right. The image is {@code 4 * side} wide and {@code 2 * side} high, so a
   * rotation is visible both in the size and in where each colour lands.
   */
  public static BufferedImage quadrants(int side, Color topLeft, Color topRight, Color bottomLeft, Color bottomRight) {
    BufferedImage image = new BufferedImage(4 * side, 2 * side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(topLeft);
    g.fillRect(0, 0, 2 * side, side);
    g.setColor(topRight);
    g.fillRect(2 * side, 0, 2 * side, side);
    g.setColor(bottomLeft);
    g.fillRect(0, side, 2 * side, side);
    g.setColor(bottomRight);
    g.fillRect(2 * side, side, 2 * side, side);
    g.dispose();
    return image;
  }

  /**
   * Writes a JPEG of {@code image} whose APP1 {@code Exif} segment records the given EXIF
   * orientation (1 to 8), placed after the JFIF APP0 segment as cameras do. The Exif payload is a
   * minimal TIFF structure written by hand: header, one image directory with a single SHORT entry
   * (tag 0x0112), no next directory; big-endian ({@code MM}) or little-endian ({@code II}).
   */
  public static Path jpegWithOrientation(Path file, BufferedImage image, int orientation, boolean bigEndian) {
    try {
      ByteArrayOutputStream encoded = new ByteArrayOutputStream();
      ImageIO.write(image, "jpeg", encoded);
      byte[] jpeg = encoded.toByteArray();
      byte[] tiff = orientationTiff(orientation, bigEndian ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
      byte[] exif = "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      int segmentLength = 2 + exif.length + tiff.length;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int insertAt = 2; // after SOI
      if ((jpeg[2] & 0xff) == 0xFF && (jpeg[3] & 0xff) == 0xE0) {
        insertAt = 4 + ((jpeg[4] & 0xff) << 8 | jpeg[5] & 0xff); // after APP0 (JFIF)
      }
      out.write(jpeg, 0, insertAt);
      out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (segmentLength >> 8), (byte) segmentLength});
      out.write(exif);
      out.write(tiff);
      out.write(jpeg, insertAt, jpeg.length - insertAt);
      return Files.write(file, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Exif payload of {@link #jpegWithOrientation}: one directory holding only the tag. */
  private static byte[] orientationTiff(int orientation, java.nio.ByteOrder order) {
    ByteBuffer tiff = ByteBuffer.allocate(26).order(order);
    byte mark = order == java.nio.ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I';
    tiff.put(mark).put(mark).putShort((short) 42).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);
    tiff.putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0);
    return tiff.array();
  }

  /**
   * Writes an uncompressed 8-bit RGB TIFF of {@code image} whose image directory carries the
   * Orientation tag (little-endian, one strip), written by hand so the tag is certainly there.
   */
  public static Path tiffWithOrientation(Path file, BufferedImage image, int orientation) {
    int w = image.getWidth();
    int h = image.getHeight();
    int entries = 10;
    int bitsOffset = 8 + 2 + entries * 12 + 4;
    int dataOffset = bitsOffset + 6;
    ByteBuffer tiff = ByteBuffer.allocate(dataOffset + w * h * 3).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    tiff.putShort((short) entries);
    shortEntry(tiff, 256, 1, w); // ImageWidth
    shortEntry(tiff, 257, 1, h); // ImageLength
    tiff.putShort((short) 258).putShort((short) 3).putInt(3).putInt(bitsOffset); // BitsPerSample 8,8,8
    shortEntry(tiff, 259, 1, 1); // no compression
    shortEntry(tiff, 262, 1, 2); // RGB
    tiff.putShort((short) 273).putShort((short) 4).putInt(1).putInt(dataOffset); // StripOffsets
    shortEntry(tiff, 274, 1, orientation);
    shortEntry(tiff, 277, 1, 3); // SamplesPerPixel
    shortEntry(tiff, 278, 1, h); // RowsPerStrip
    tiff.putShort((short) 279).putShort((short) 4).putInt(1).putInt(w * h * 3); // StripByteCounts
    tiff.putInt(0);
    tiff.putShort((short) 8).putShort((short) 8).putShort((short) 8);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        tiff.put((byte) (rgb >> 16)).put((byte) (rgb >> 8)).put((byte) rgb);
      }
    }
    try {
      return Files.write(file, tiff.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void shortEntry(ByteBuffer tiff, int tag, int count, int value) {
    tiff.putShort((short) tag).putShort((short) 3).putInt(count).putShort((short) value).putShort((short) 0);
  }

  /**
   * Rewrites a simple WebP (one {@code VP8 } or {@code VP8L} chunk) as an extended WebP: a {@code
   * VP8X} header announcing Exif, the image chunk, and an {@code EXIF} chunk recording the
   * orientation, as cameras and phones write them.
   */
  public static Path webpWithOrientation(Path source, Path target, int width, int height, int orientation) {
    try {
      byte[] simple = Files.readAllBytes(source);
      byte[] image = java.util.Arrays.copyOfRange(simple, 12, simple.length); // the image chunk
      byte[] exif = orientationTiff(orientation, java.nio.ByteOrder.LITTLE_ENDIAN);
      ByteBuffer vp8x = ByteBuffer.allocate(18).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      vp8x.put("VP8X".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(10);
      vp8x.put((byte) 0x08).put((byte) 0).put((byte) 0).put((byte) 0); // flags: Exif
      vp8x.put((byte) (width - 1)).put((byte) (width - 1 >> 8)).put((byte) (width - 1 >> 16));
      vp8x.put((byte) (height - 1)).put((byte) (height - 1 >> 8)).put((byte) (height - 1 >> 16));
      int exifChunk = 8 + exif.length + (exif.length & 1);
      ByteBuffer out =
          ByteBuffer.allocate(12 + vp8x.capacity() + image.length + exifChunk).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      out.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(out.capacity() - 8);
      out.put("WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.put(vp8x.array()).put(image);
      out.put("EXIF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(exif.length).put(exif);
      return Files.write(target, out.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a four-component JPEG the way Photoshop does: an Adobe APP14 segment and inverted
   * samples. With {@code ycck}, the inverted C, M, Y are stored as YCbCr (Adobe transform 2);
   * otherwise as plain CMYK (transform 0). The image holds {@link #CMYK_PATCHES} left to right.
   */
  public static Path cmykJpeg(Path file, boolean ycck) {
    int width = PATCH * CMYK_PATCHES.length;
    WritableRaster raster =
        Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, PATCH, 4, null);
    for (int y = 0; y < PATCH; y++) {
      for (int x = 0; x < width; x++) {
        int[] ink = CMYK_PATCHES[x / PATCH];
        int[] stored;
        if (ycck) {
          // libjpeg's CMYK -> YCCK: R = 255 - stored C = ink C (same for M, Y); K stays inverted
          double r = ink[0];
          double g = ink[1];
          double b = ink[2];
          stored =
              new int[] {
                clamp(0.299 * r + 0.587 * g + 0.114 * b),
                clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b),
                clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b),
                255 - ink[3]
              };
        } else {
          stored = new int[] {255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]};
        }
        raster.setPixel(x, y, stored);
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(1.0f);
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(
              ImageTypeSpecifier.createFromRenderedImage(
                  new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR)),
              param);
      String format = "javax_imageio_jpeg_image_1.0";
      IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
      IIOMetadataNode variety = (IIOMetadataNode) root.getElementsByTagName("JPEGvariety").item(0);
      while (variety.getFirstChild() != null) {
        variety.removeChild(variety.getFirstChild()); // no JFIF: it would claim YCbCr
      }
      IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
      IIOMetadataNode adobe = new IIOMetadataNode("app14Adobe");
      adobe.setAttribute("transform", ycck ? "2" : "0");
      markers.insertBefore(adobe, markers.getFirstChild());
      IIOMetadataNode sof = (IIOMetadataNode) root.getElementsByTagName("sof").item(0);
      sof.setAttribute("numFrameComponents", "4");
      NodeList components = sof.getElementsByTagName("componentSpec");
      for (int i = 0; i < components.getLength(); i++) {
        IIOMetadataNode c = (IIOMetadataNode) components.item(i);
        c.setAttribute("componentId", Integer.toString(i + 1));
        c.setAttribute("HsamplingFactor", "1");
        c.setAttribute("VsamplingFactor", "1");
      }
      IIOMetadataNode fourth = new IIOMetadataNode("componentSpec");
      fourth.setAttribute("componentId", "4");
      fourth.setAttribute("HsamplingFactor", "1");
      fourth.setAttribute("VsamplingFactor", "1");
      fourth.setAttribute("QtableSelector", "1");
      sof.appendChild(fourth);
      IIOMetadataNode sos = (IIOMetadataNode) root.getElementsByTagName("sos").item(0);
      sos.setAttribute("numScanComponents", "4");
      NodeList scans = sos.getElementsByTagName("scanComponentSpec");
      for (int i = 0; i < scans.getLength(); i++) {
        ((IIOMetadataNode) scans.item(i)).setAttribute("componentSelector", Integer.toString(i + 1));
      }
      IIOMetadataNode fourthScan = new IIOMetadataNode("scanComponentSpec");
      fourthScan.setAttribute("componentSelector", "4");
      fourthScan.setAttribute("dcHuffTable", "1");
      fourthScan.setAttribute("acHuffTable", "1");
      sos.appendChild(fourthScan);
      metadata.setFromTree(format, root);
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, metadata), param);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  /**
   * Writes an image with ImageIO in the given format ({@code png}, {@code tiff}, {@code bmp}...),
   * trying each installed writer until one accepts the image (e.g. 16-bit TIFF).
   */
  public static Path write(Path file, BufferedImage image, String format) {
    java.util.Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
    RuntimeException last = null;
    while (writers.hasNext()) {
      ImageWriter writer = writers.next();
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
        writer.setOutput(out);
        writer.write(image);
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        last = e;
      } finally {
        writer.dispose();
      }
    }
    throw new IllegalStateException("no ImageIO writer for " + format + " and " + image, last);
  }

  /** A 16-bit-per-sample RGB image (PNG and TIFF keep all 16 bits). */
  public static BufferedImage rgb16(int width, int height, int r16, int g16, int b16) {
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            new int[] {16, 16, 16},
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    WritableRaster raster = cm.createCompatibleWritableRaster(width, height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setPixel(x, y, new int[] {r16, g16, b16});
      }
    }
    return new BufferedImage(cm, raster, false, null);
  }

  /** A 16-bit grey image. */
  public static BufferedImage grey16(int width, int height, int value16) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setSample(x, y, 0, value16);
      }
    }
    return image;
  }

  /** An 8-bit grey image filled with {@code value}. */
  public static BufferedImage grey8(int width, int height, int value) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setSample(x, y, 0, value);
      }
    }
    return image;
  }

  /**
   * A PNG that declares {@code width x height} pixels but holds the data of a tiny image: what a
   * decompression bomb looks like to a reader that trusts the header.
   */
  public static Path pngDeclaring(Path file, int width, int height) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", bytes);
      byte[] png = bytes.toByteArray();
      // IHDR data starts after the 8-byte signature, 4-byte length and 4-byte type
      ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
      CRC32 crc = new CRC32();
      crc.update(png, 12, 17);
      ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
      return Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's first {@code fraction} of bytes, as a damaged download would leave it. */
  public static Path truncate(Path source, Path target, double fraction) {
    try {
      byte[] data = Files.readAllBytes(source);
      return Files.write(target, java.util.Arrays.copyOf(data, (int) (data.length * fraction)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}

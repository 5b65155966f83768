package io.github.metart.data.images;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Turns any decoded {@link BufferedImage} into 8-bit sRGB bytes: fast paths for the layouts the
 * decoders produce (interleaved bytes, packed ints), exact scaling for 16-bit samples, grey
 * replicated to R, G and B, colour management for other colour spaces (CMYK, ICC profiles), and
 * alpha composited on white.
 */
final class RgbConversion {

  private RgbConversion() {}

  static RgbImage toRgb(BufferedImage image) {
    ColorModel cm = image.getColorModel();
    ColorSpace cs = cm.getColorSpace();
    Raster raster = image.getRaster();
    boolean grey = cs.getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1;
    boolean srgb = cs.isCS_sRGB();
    if (cm instanceof IndexColorModel indexed) {
      return fromIndexed(raster, indexed);
    }
    if (cm instanceof ComponentColorModel && (grey || srgb)) {
      if (raster.getDataBuffer() instanceof DataBufferByte
          && raster.getSampleModel() instanceof PixelInterleavedSampleModel
          && allComponentsHaveBits(cm, 8)) {
        return fromInterleavedBytes(raster, cm, grey);
      }
      return fromComponents(raster, cm, grey);
    }
    if (cm instanceof DirectColorModel direct
        && srgb
        && raster.getDataBuffer() instanceof DataBufferInt
        && raster.getSampleModel() instanceof SinglePixelPackedSampleModel) {
      return fromPackedInts(raster, direct);
    }
    return fromPackedInts(convertToSrgb(image));
  }

  /**
   * The raster of an opaque 8-bit interleaved sRGB or grey image as a resampling source (read in
   * place, no copy); {@code null} for any other layout.
   */
  static Resampler.Source directSource(BufferedImage image) {
    ColorModel cm = image.getColorModel();
    Raster raster = image.getRaster();
    if (!(cm instanceof ComponentColorModel)
        || cm.hasAlpha()
        || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
        || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
        || !allComponentsHaveBits(cm, 8)) {
      return null;
    }
    ColorSpace cs = cm.getColorSpace();
    boolean grey = cs.getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1;
    if (!grey && !(cs.isCS_sRGB() && cm.getNumColorComponents() == 3)) {
      return null;
    }
    int[] offsets = sm.getBandOffsets();
    int base =
        buffer.getOffset()
            + (raster.getMinY() - raster.getSampleModelTranslateY()) * sm.getScanlineStride()
            + (raster.getMinX() - raster.getSampleModelTranslateX()) * sm.getPixelStride();
    return new Resampler.Source(
        buffer.getData(),
        base,
        sm.getPixelStride(),
        sm.getScanlineStride(),
        offsets[0],
        grey ? offsets[0] : offsets[1],
        grey ? offsets[0] : offsets[2],
        raster.getWidth(),
        raster.getHeight());
  }

  private static boolean allComponentsHaveBits(ColorModel cm, int bits) {
    for (int size : cm.getComponentSize()) {
      if (size != bits) {
        return false;
      }
    }
    return true;
  }

  /** 8-bit interleaved samples (TYPE_3BYTE_BGR, TYPE_4BYTE_ABGR, TYPE_BYTE_GRAY, custom orders). */
  private static RgbImage fromInterleavedBytes(Raster raster, ColorModel cm, boolean grey) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    PixelInterleavedSampleModel sm = (PixelInterleavedSampleModel) raster.getSampleModel();
    DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
    byte[] data = buffer.getData();
    int[] offsets = sm.getBandOffsets();
    int pixelStride = sm.getPixelStride();
    int scanline = sm.getScanlineStride();
    int base =
        buffer.getOffset()
            + (raster.getMinY() - raster.getSampleModelTranslateY()) * scanline
            + (raster.getMinX() - raster.getSampleModelTranslateX()) * pixelStride;
    int r = offsets[0];
    int g = grey ? offsets[0] : offsets[1];
    int b = grey ? offsets[0] : offsets[2];
    boolean alpha = cm.hasAlpha();
    boolean premultiplied = cm.isAlphaPremultiplied();
    int a = alpha ? offsets[offsets.length - 1] : 0;
    byte[] out = new byte[w * h * 3];
    int o = 0;
    for (int y = 0; y < h; y++) {
      int i = base + y * scanline;
      if (!alpha) {
        for (int x = 0; x < w; x++, i += pixelStride) {
          out[o++] = data[i + r];
          out[o++] = data[i + g];
          out[o++] = data[i + b];
        }
      } else {
        for (int x = 0; x < w; x++, i += pixelStride) {
          int av = data[i + a] & 0xff;
          out[o++] = onWhite(data[i + r] & 0xff, av, premultiplied);
          out[o++] = onWhite(data[i + g] & 0xff, av, premultiplied);
          out[o++] = onWhite(data[i + b] & 0xff, av, premultiplied);
        }
      }
    }
    return RgbImage.of(w, h, out);
  }

  /** Any component layout and bit depth (16-bit PNG and TIFF, banded rasters), sRGB or grey. */
  private static RgbImage fromComponents(Raster raster, ColorModel cm, boolean grey) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int bands = raster.getNumBands();
    int[] sizes = cm.getComponentSize();
    int transfer = raster.getSampleModel().getTransferType();
    boolean floating = transfer == DataBuffer.TYPE_FLOAT || transfer == DataBuffer.TYPE_DOUBLE;
    boolean alpha = cm.hasAlpha();
    boolean premultiplied = cm.isAlphaPremultiplied();
    int colourBands = grey ? 1 : 3;
    byte[] out = new byte[w * h * 3];
    int o = 0;
    if (floating) {
      float[] row = new float[w * bands];
      for (int y = 0; y < h; y++) {
        raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
        for (int x = 0; x < w; x++) {
          int p = x * bands;
          int av = alpha ? clamp8(row[p + colourBands] * 255f) : 255;
          for (int c = 0; c < 3; c++) {
            int v = clamp8(row[p + (grey ? 0 : c)] * 255f);
            out[o++] = alpha ? onWhite(v, av, premultiplied) : (byte) v;
          }
        }
      }
      return RgbImage.of(w, h, out);
    }
    int[] max = new int[bands];
    for (int band = 0; band < bands; band++) {
      max[band] = (1 << Math.min(sizes[Math.min(band, sizes.length - 1)], 30)) - 1;
    }
    int[] row = new int[w * bands];
    for (int y = 0; y < h; y++) {
      raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
      for (int x = 0; x < w; x++) {
        int p = x * bands;
        int av = alpha ? scaleTo8(row[p + colourBands], max[colourBands]) : 255;
        for (int c = 0; c < 3; c++) {
          int band = grey ? 0 : c;
          int v = scaleTo8(row[p + band], max[band]);
          out[o++] = alpha ? onWhite(v, av, premultiplied) : (byte) v;
        }
      }
    }
    return RgbImage.of(w, h, out);
  }

  /** Palette images (GIF, 1-8 bit PNG): look-up, then composite transparent entries on white. */
  private static RgbImage fromIndexed(Raster raster, IndexColorModel cm) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int size = cm.getMapSize();
    int[] argb = new int[size];
    cm.getRGBs(argb);
    byte[] out = new byte[w * h * 3];
    int[] row = new int[w];
    int o = 0;
    for (int y = 0; y < h; y++) {
      raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        int index = row[x];
        int c = index < size ? argb[index] : 0xff000000;
        int av = c >>> 24;
        out[o++] = onWhite(c >> 16 & 0xff, av, false);
        out[o++] = onWhite(c >> 8 & 0xff, av, false);
        out[o++] = onWhite(c & 0xff, av, false);
      }
    }
    return RgbImage.of(w, h, out);
  }

  /** Packed ints in sRGB (TYPE_INT_RGB, TYPE_INT_ARGB(_PRE), TYPE_INT_BGR). */
  private static RgbImage fromPackedInts(Raster raster, DirectColorModel cm) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    SinglePixelPackedSampleModel sm = (SinglePixelPackedSampleModel) raster.getSampleModel();
    DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
    int[] data = buffer.getData();
    int scanline = sm.getScanlineStride();
    int base =
        buffer.getOffset()
            + (raster.getMinY() - raster.getSampleModelTranslateY()) * scanline
            + (raster.getMinX() - raster.getSampleModelTranslateX());
    Channel red = new Channel(cm.getRedMask());
    Channel green = new Channel(cm.getGreenMask());
    Channel blue = new Channel(cm.getBlueMask());
    boolean alpha = cm.hasAlpha();
    Channel alphaChannel = alpha ? new Channel(cm.getAlphaMask()) : null;
    boolean premultiplied = cm.isAlphaPremultiplied();
    byte[] out = new byte[w * h * 3];
    int o = 0;
    for (int y = 0; y < h; y++) {
      int i = base + y * scanline;
      for (int x = 0; x < w; x++, i++) {
        int p = data[i];
        if (alphaChannel == null) {
          out[o++] = (byte) red.get(p);
          out[o++] = (byte) green.get(p);
          out[o++] = (byte) blue.get(p);
        } else {
          int av = alphaChannel.get(p);
          out[o++] = onWhite(red.get(p), av, premultiplied);
          out[o++] = onWhite(green.get(p), av, premultiplied);
          out[o++] = onWhite(blue.get(p), av, premultiplied);
        }
      }
    }
    return RgbImage.of(w, h, out);
  }

  private static RgbImage fromPackedInts(BufferedImage argb) {
    return fromPackedInts(argb.getRaster(), (DirectColorModel) argb.getColorModel());
  }

  /** Colour-managed conversion to sRGB (CMYK, Adobe RGB and other ICC colour spaces). */
  private static BufferedImage convertToSrgb(BufferedImage image) {
    int type =
        image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), type);
    new ColorConvertOp(null).filter(image, target);
    return target;
  }

  private static int scaleTo8(int value, int max) {
    if (max == 255) {
      return value & 0xff;
    }
    return (int) ((value * 255L + max / 2) / max);
  }

  private static int clamp8(float value) {
    int v = Math.round(value);
    return v < 0 ? 0 : Math.min(v, 255);
  }

  /** Composites one 8-bit channel with the given alpha over white. */
  static byte onWhite(int value, int alpha, boolean premultiplied) {
    if (alpha == 255) {
      return (byte) value;
    }
    int v =
        premultiplied
            ? value + 255 - alpha
            : (value * alpha + 255 * (255 - alpha) + 127) / 255;
    return (byte) Math.min(v, 255);
  }

  /** One channel of a packed int pixel, scaled to 8 bits. */
  private static final class Channel {
    private final int mask;
    private final int shift;
    private final int max;

    Channel(int mask) {
      this.mask = mask;
      this.shift = mask == 0 ? 0 : Integer.numberOfTrailingZeros(mask);
      this.max = mask == 0 ? 1 : mask >>> shift;
    }

    int get(int pixel) {
      int v = (pixel & mask) >>> shift;
      return max == 255 ? v : (v * 255 + max / 2) / max;
    }
  }
}

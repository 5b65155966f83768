package io.github.metart.data.images;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Hashtable;

/**
 * The EXIF/TIFF Orientation tag (0x0112): how the stored pixels must be turned to be seen upright.
 * Cameras store the sensor's rows and record the way the camera was held here; the decoder applies
 * it, so the prepared cache and a model's predictor see the picture as a viewer shows it.
 *
 * <p>The names say what is done to the stored image to show it; rotations are clockwise.
 */
public enum ImageOrientation {
  /** 1: stored upright. */
  NORMAL(1, "upright"),
  /** 2: mirrored left to right. */
  FLIP_HORIZONTAL(2, "flip horizontal"),
  /** 3: upside down. */
  ROTATE_180(3, "rotate 180"),
  /** 4: mirrored top to bottom. */
  FLIP_VERTICAL(4, "flip vertical"),
  /** 5: mirrored along the main diagonal (rows become columns). */
  TRANSPOSE(5, "transpose"),
  /** 6: turned a quarter to the right (90 degrees clockwise) to show it. */
  ROTATE_90(6, "rotate 90"),
  /** 7: mirrored along the anti-diagonal. */
  TRANSVERSE(7, "transverse"),
  /** 8: turned a quarter to the left (270 degrees clockwise) to show it. */
  ROTATE_270(8, "rotate 270");

  private final int tag;
  private final String label;

  ImageOrientation(int tag, String label) {
    this.tag = tag;
    this.label = label;
  }

  /** The tag's value, 1 to 8. */
  public int tag() {
    return tag;
  }

  /** A short label for reports, e.g. {@code rotate 90}. */
  public String label() {
    return label;
  }

  /**
   * The orientation with this tag value; values outside 1..8 (which some writers store) are treated
   * as {@link #NORMAL}, as viewers do.
   */
  public static ImageOrientation ofTag(int tag) {
    return tag >= 1 && tag <= 8 ? values()[tag - 1] : NORMAL;
  }

  /** Whether the upright image is the stored one turned on its side (5 to 8: width and height swap). */
  public boolean swapsSides() {
    return tag >= 5;
  }

  /**
   * The upright image: the stored pixels moved where this orientation puts them, in the same
   * colour model and sample layout (any layout: 8- or 16-bit, grey, palette, alpha, CMYK). Returns
   * {@code image} itself for {@link #NORMAL}.
   */
  public BufferedImage apply(BufferedImage image) {
    if (this == NORMAL) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int outWidth = swapsSides() ? h : w;
    int outHeight = swapsSides() ? w : h;
    WritableRaster source = image.getRaster();
    WritableRaster target = source.createCompatibleWritableRaster(outWidth, outHeight);
    Object row = null;
    Object pixel = null;
    int bands = source.getNumDataElements();
    for (int y = 0; y < h; y++) {
      row = source.getDataElements(0, y, w, 1, row);
      for (int x = 0; x < w; x++) {
        pixel = element(row, x, bands, pixel);
        int tx;
        int ty;
        switch (this) {
          case FLIP_HORIZONTAL -> { tx = w - 1 - x; ty = y; }
          case ROTATE_180 -> { tx = w - 1 - x; ty = h - 1 - y; }
          case FLIP_VERTICAL -> { tx = x; ty = h - 1 - y; }
          case TRANSPOSE -> { tx = y; ty = x; }
          case ROTATE_90 -> { tx = h - 1 - y; ty = x; }
          case TRANSVERSE -> { tx = h - 1 - y; ty = w - 1 - x; }
          case ROTATE_270 -> { tx = y; ty = w - 1 - x; }
          default -> throw new AssertionError(this);
        }
        target.setDataElements(tx, ty, pixel);
      }
    }
    Hashtable<String, Object> properties = new Hashtable<>();
    String[] names = image.getPropertyNames();
    if (names != null) {
      for (String name : names) {
        Object value = image.getProperty(name);
        if (value != null) {
          properties.put(name, value);
        }
      }
    }
    return new BufferedImage(
        image.getColorModel(), target, image.isAlphaPremultiplied(), properties);
  }

  /** Pixel {@code x} of a row of transfer elements ({@code bands} elements per pixel). */
  private static Object element(Object row, int x, int bands, Object reuse) {
    if (reuse == null) {
      reuse = java.lang.reflect.Array.newInstance(row.getClass().getComponentType(), bands);
    }
    System.arraycopy(row, x * bands, reuse, 0, bands);
    return reuse;
  }

  @Override
  public String toString() {
    return tag + " (" + label + ")";
  }
}

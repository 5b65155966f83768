package io.github.metart.examples.demo;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A small floating-point RGB raster with anti-aliased shape filling, drawn pixel by pixel (no AWT
 * rendering, so the result is the same on every JVM and needs no display).
 */
final class Canvas {

  /** A shape as a signed distance in pixels: negative inside, positive outside. */
  @FunctionalInterface
  interface Shape {
    double distance(double x, double y);
  }

  private final int size;
  private final float[] red;
  private final float[] green;
  private final float[] blue;

  Canvas(int size) {
    this.size = size;
    this.red = new float[size * size];
    this.green = new float[size * size];
    this.blue = new float[size * size];
  }

  int size() {
    return size;
  }

  void fill(int rgb) {
    java.util.Arrays.fill(red, (rgb >> 16) & 0xFF);
    java.util.Arrays.fill(green, (rgb >> 8) & 0xFF);
    java.util.Arrays.fill(blue, rgb & 0xFF);
  }

  /** Paints a shape with a one-pixel soft edge. */
  void fill(Shape shape, int rgb) {
    float r = (rgb >> 16) & 0xFF;
    float g = (rgb >> 8) & 0xFF;
    float b = rgb & 0xFF;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double coverage = 0.5 - shape.distance(x + 0.5, y + 0.5);
        if (coverage <= 0) {
          continue;
        }
        float a = (float) Math.min(1.0, coverage);
        int i = y * size + x;
        red[i] += a * (r - red[i]);
        green[i] += a * (g - green[i]);
        blue[i] += a * (b - blue[i]);
      }
    }
  }

  /**
   * Adds a sinusoidal luminance grating: {@code cycles} periods across the image at the given angle.
   */
  void addGrating(double cycles, double angle, double phase, double amplitude) {
    double kx = 2 * Math.PI * cycles / size * StrictMath.cos(angle);
    double ky = 2 * Math.PI * cycles / size * StrictMath.sin(angle);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        float delta = (float) (amplitude * StrictMath.sin(kx * x + ky * y + phase));
        int i = y * size + x;
        red[i] += delta;
        green[i] += delta;
        blue[i] += delta;
      }
    }
  }

  /**
   * Adds a linear lighting gradient: luminance changes by {@code amplitude} from the image's centre
   * to its edge in direction {@code angle}, like uneven light on a photographed object.
   */
  void addLighting(double angle, double amplitude) {
    double dx = StrictMath.cos(angle) / (size / 2.0);
    double dy = StrictMath.sin(angle) / (size / 2.0);
    double centre = size / 2.0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        float delta = (float) (amplitude * ((x + 0.5 - centre) * dx + (y + 0.5 - centre) * dy));
        int i = y * size + x;
        red[i] += delta;
        green[i] += delta;
        blue[i] += delta;
      }
    }
  }

  /** Adds a soft round stain: luminance changes by up to {@code amplitude}, Gaussian in profile. */
  void addStain(double cx, double cy, double radius, double amplitude) {
    double scale = 1 / (2 * radius * radius);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double dx = x + 0.5 - cx;
        double dy = y + 0.5 - cy;
        float delta = (float) (amplitude * StrictMath.exp(-(dx * dx + dy * dy) * scale));
        int i = y * size + x;
        red[i] += delta;
        green[i] += delta;
        blue[i] += delta;
      }
    }
  }

  /**
   * Ages the picture: blends every pixel towards a sepia tone of its own luminance by {@code amount}
   * (0..1) and scales its brightness by {@code brightness}.
   */
  void age(double amount, double brightness) {
    for (int i = 0; i < red.length; i++) {
      double luminance = 0.299 * red[i] + 0.587 * green[i] + 0.114 * blue[i];
      double r = red[i] + amount * (luminance * 1.07 - red[i]);
      double g = green[i] + amount * (luminance * 0.85 - green[i]);
      double b = blue[i] + amount * (luminance * 0.55 - blue[i]);
      red[i] = (float) (r * brightness);
      green[i] = (float) (g * brightness);
      blue[i] = (float) (b * brightness);
    }
  }

  /** Adds independent Gaussian noise to every channel of every pixel. */
  void addNoise(Random random, double sigma) {
    for (int i = 0; i < red.length; i++) {
      red[i] += (float) (random.nextGaussian() * sigma);
      green[i] += (float) (random.nextGaussian() * sigma);
      blue[i] += (float) (random.nextGaussian() * sigma);
    }
  }

  BufferedImage toImage() {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    int[] pixels = new int[size * size];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (channel(red[i]) << 16) | (channel(green[i]) << 8) | channel(blue[i]);
    }
    image.setRGB(0, 0, size, size, pixels, 0, size);
    return image;
  }

  private static int channel(float value) {
    return Math.max(0, Math.min(255, Math.round(value)));
  }

  // ---- shapes, in pixel coordinates ----

  static Shape disc(double cx, double cy, double radius) {
    return (x, y) -> StrictMath.hypot(x - cx, y - cy) - radius;
  }

  static Shape rectangle(double x0, double y0, double x1, double y1) {
    return (x, y) -> Math.max(Math.max(x0 - x, x - x1), Math.max(y0 - y, y - y1));
  }

  /** The outline of a rectangle, {@code width} pixels wide, centred on its edges. */
  static Shape frame(double x0, double y0, double x1, double y1, double width) {
    Shape outer = rectangle(x0, y0, x1, y1);
    return (x, y) -> Math.abs(outer.distance(x, y)) - width / 2;
  }

  /** The outline of an axis-aligned ellipse, about {@code width} pixels wide. */
  static Shape ring(double cx, double cy, double rx, double ry, double width) {
    double scale = Math.min(rx, ry);
    return (x, y) -> {
      double u = (x - cx) / rx;
      double v = (y - cy) / ry;
      return Math.abs(Math.sqrt(u * u + v * v) - 1) * scale - width / 2;
    };
  }

  /** A filled axis-aligned ellipse (approximate distance). */
  static Shape ellipse(double cx, double cy, double rx, double ry) {
    double scale = Math.min(rx, ry);
    return (x, y) -> {
      double u = (x - cx) / rx;
      double v = (y - cy) / ry;
      return (Math.sqrt(u * u + v * v) - 1) * scale;
    };
  }

  /** A filled triangle with the given corners (any winding). */
  static Shape triangle(double ax, double ay, double bx, double by, double cx, double cy) {
    double orientation = Math.signum((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
    double[][] edges = {{ax, ay, bx, by}, {bx, by, cx, cy}, {cx, cy, ax, ay}};
    return (x, y) -> {
      double distance = Double.NEGATIVE_INFINITY;
      for (double[] e : edges) {
        double ex = e[2] - e[0];
        double ey = e[3] - e[1];
        double length = StrictMath.hypot(ex, ey);
        // signed distance to the edge's line, positive outside
        double d = -orientation * (ex * (y - e[1]) - ey * (x - e[0])) / length;
        distance = Math.max(distance, d);
      }
      return distance;
    };
  }

  /** A horizontal sine wave line: {@code y = baseline + amplitude sin(2π cycles x / size + phase)}. */
  static Shape wave(
      int size, double baseline, double amplitude, double cycles, double phase, double width) {
    double k = 2 * Math.PI * cycles / size;
    return (x, y) -> {
      double curve = baseline + amplitude * StrictMath.sin(k * x + phase);
      double slope = amplitude * k * StrictMath.cos(k * x + phase);
      return Math.abs(y - curve) / Math.sqrt(1 + slope * slope) - width / 2;
    };
  }

  /** Grid lines every {@code spacing} pixels inside a rectangle. */
  static Shape lattice(double x0, double y0, double x1, double y1, double spacing, double width) {
    Shape bounds = rectangle(x0, y0, x1, y1);
    return (x, y) -> {
      double dx = Math.abs(Math.IEEEremainder(x - x0, spacing));
      double dy = Math.abs(Math.IEEEremainder(y - y0, spacing));
      double lines = Math.min(dx, dy) - width / 2;
      return Math.max(lines, bounds.distance(x, y));
    };
  }
}

package io.github.metart.examples.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;

/**
 * Trivial learners on downsampled pixels, to show that the generated images carry the signal: a
 * nearest-centroid classifier for culture, a k-nearest-neighbour regressor for year, and a 64-bit
 * average hash for near-duplicates. No deep learning involved.
 */
final class PixelProbe {

  static final int GRID = 8;

  private PixelProbe() {}

  /** The image averaged down to GRID×GRID RGB values, each 0..1. */
  static double[] features(Path image) {
    BufferedImage img;
    try {
      img = ImageIO.read(image.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (img == null) {
      throw new IllegalStateException("cannot decode " + image);
    }
    int w = img.getWidth();
    int h = img.getHeight();
    double[] sums = new double[GRID * GRID * 3];
    int[] counts = new int[GRID * GRID];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int cell = (y * GRID / h) * GRID + x * GRID / w;
        int rgb = img.getRGB(x, y);
        sums[cell * 3] += (rgb >> 16) & 0xFF;
        sums[cell * 3 + 1] += (rgb >> 8) & 0xFF;
        sums[cell * 3 + 2] += rgb & 0xFF;
        counts[cell]++;
      }
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] /= 255.0 * counts[i / 3];
    }
    return sums;
  }

  /** A 64-bit average hash of the grayscale 8×8 image (the usual perceptual hash). */
  static long averageHash(double[] features) {
    double[] gray = new double[GRID * GRID];
    double mean = 0;
    for (int i = 0; i < gray.length; i++) {
      gray[i] = 0.299 * features[i * 3] + 0.587 * features[i * 3 + 1] + 0.114 * features[i * 3 + 2];
      mean += gray[i] / gray.length;
    }
    long hash = 0;
    for (int i = 0; i < gray.length; i++) {
      if (gray[i] > mean) {
        hash |= 1L << i;
      }
    }
    return hash;
  }

  /** A 64-bit difference hash: signs of horizontal luminance steps on the 8×8 grid (wrapping). */
  static long differenceHash(double[] features) {
    long hash = 0;
    for (int row = 0; row < GRID; row++) {
      for (int col = 0; col < GRID; col++) {
        int a = row * GRID + col;
        int b = row * GRID + (col + 1) % GRID;
        if (luminance(features, a) > luminance(features, b)) {
          hash |= 1L << a;
        }
      }
    }
    return hash;
  }

  private static double luminance(double[] f, int cell) {
    return 0.299 * f[cell * 3] + 0.587 * f[cell * 3 + 1] + 0.114 * f[cell * 3 + 2];
  }

  record Example(double[] x, String label, int year) {}

  static List<Example> examples(DemoCollection collection, Predicate<DemoObject> filter) {
    List<Example> examples = new ArrayList<>();
    for (DemoObject o : collection.objects()) {
      if (o.hasImage() && filter.test(o)) {
        examples.add(new Example(features(collection.imageOf(o)), o.cultureLabel(), o.year()));
      }
    }
    return examples;
  }

  /** Accuracy of nearest-centroid classification, trained on even positions, tested on odd. */
  static double nearestCentroidAccuracy(List<Example> examples) {
    Map<String, double[]> sums = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < examples.size(); i += 2) {
      Example e = examples.get(i);
      double[] sum = sums.computeIfAbsent(e.label(), k -> new double[e.x().length]);
      for (int j = 0; j < sum.length; j++) {
        sum[j] += e.x()[j];
      }
      counts.merge(e.label(), 1, Integer::sum);
    }
    sums.forEach((label, sum) -> Arrays.setAll(sum, j -> sum[j] / counts.get(label)));
    int right = 0;
    int total = 0;
    for (int i = 1; i < examples.size(); i += 2) {
      Example e = examples.get(i);
      String best =
          sums.entrySet().stream()
              .min(Comparator.comparingDouble(c -> distance(c.getValue(), e.x())))
              .orElseThrow()
              .getKey();
      right += best.equals(e.label()) ? 1 : 0;
      total++;
    }
    return right / (double) total;
  }

  /** Mean absolute year error of k-NN regression, trained on even positions, tested on odd. */
  static double nearestNeighbourYearError(List<Example> examples, int k) {
    List<Example> train = new ArrayList<>();
    for (int i = 0; i < examples.size(); i += 2) {
      train.add(examples.get(i));
    }
    double error = 0;
    int total = 0;
    for (int i = 1; i < examples.size(); i += 2) {
      Example e = examples.get(i);
      double predicted =
          train.stream()
              .sorted(Comparator.comparingDouble(t -> distance(t.x(), e.x())))
              .limit(k)
              .mapToInt(Example::year)
              .average()
              .orElseThrow();
      error += Math.abs(predicted - e.year());
      total++;
    }
    return error / total;
  }

  /**
   * Mean absolute year error of ridge regression on the features (trained on even positions, tested
   * on odd): a linear model, so it shows the year is written into the pixels in a simple way.
   */
  static double ridgeYearError(List<Example> examples, double lambda) {
    int d = examples.get(0).x().length + 1;
    double[][] a = new double[d][d + 1];
    double meanYear =
        examples.stream().mapToInt(Example::year).average().orElseThrow();
    for (int i = 0; i < examples.size(); i += 2) {
      double[] x = withBias(examples.get(i).x());
      double y = examples.get(i).year() - meanYear;
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          a[r][c] += x[r] * x[c];
        }
        a[r][d] += x[r] * y;
      }
    }
    for (int r = 0; r < d - 1; r++) {
      a[r][r] += lambda;
    }
    double[] w = solve(a);
    double error = 0;
    int total = 0;
    for (int i = 1; i < examples.size(); i += 2) {
      double[] x = withBias(examples.get(i).x());
      double predicted = meanYear;
      for (int j = 0; j < d; j++) {
        predicted += w[j] * x[j];
      }
      error += Math.abs(predicted - examples.get(i).year());
      total++;
    }
    return error / total;
  }

  private static double[] withBias(double[] x) {
    double[] out = Arrays.copyOf(x, x.length + 1);
    out[x.length] = 1;
    return out;
  }

  /** Gauss-Jordan elimination with partial pivoting on an augmented matrix. */
  private static double[] solve(double[][] a) {
    int n = a.length;
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      for (int r = 0; r < n; r++) {
        if (r != col && a[col][col] != 0) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c <= n; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = a[i][i] == 0 ? 0 : a[i][n] / a[i][i];
    }
    return w;
  }

  /** Mean absolute error of always guessing the training median year. */
  static double constantYearError(List<Example> examples) {
    List<Integer> train = new ArrayList<>();
    for (int i = 0; i < examples.size(); i += 2) {
      train.add(examples.get(i).year());
    }
    train.sort(null);
    int median = train.get(train.size() / 2);
    double error = 0;
    int total = 0;
    for (int i = 1; i < examples.size(); i += 2) {
      error += Math.abs(median - examples.get(i).year());
      total++;
    }
    return error / total;
  }

  private static double distance(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      double diff = a[i] - b[i];
      d += diff * diff;
    }
    return d;
  }
}

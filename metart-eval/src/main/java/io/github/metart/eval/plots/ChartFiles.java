package io.github.metart.eval.plots;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes charts as PNG files; works headless ({@code java.awt.headless=true}). */
public final class ChartFiles {

  private static final Logger LOG = LoggerFactory.getLogger(ChartFiles.class);

  private ChartFiles() {}

  /**
   * Writes a chart to exactly the given file as PNG at the chart's own size, creating parent
   * folders.
   *
   * @param chart any XChart chart
   * @param file the target, usually ending in {@code .png}
   * @return {@code file}
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static Path writePng(Chart<?, ?> chart, Path file) {
    requireNonNull(chart, "chart");
    requireNonNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
    }
    LOG.debug("wrote chart '{}' to {}", chart.getTitle(), file);
    return file;
  }

}

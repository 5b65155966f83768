package io.github.metart.eval.evaluation;

import static java.util.Objects.requireNonNull;

import io.github.metart.eval.outcomes.ClassOutcome;
import io.github.metart.eval.outcomes.ClassOutcomes;
import io.github.metart.eval.outcomes.ObjectMetadata;
import io.github.metart.eval.outcomes.YearOutcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code predictions.csv}: one row per evaluated object with its Met Object ID and URL, what was
 * predicted and its metadata (UTF-8, comma-separated, RFC 4180 quoting, header row).
 */
final class PredictionsCsv {

  /** The columns of a classification file. */
  public static final List<String> CLASSIFICATION_COLUMNS =
      List.of(
          "objectId", "url", "actual", "predicted", "correct", "confidence", "department",
          "classification", "objectName", "title");

  /** The columns of a year file. */
  public static final List<String> YEAR_COLUMNS =
      List.of(
          "objectId", "url", "actualYear", "predictedYear", "error", "intervalBegin",
          "intervalEnd", "insideInterval", "department", "classification", "objectName", "title");

  private PredictionsCsv() {}

  /**
   * Writes the report's predictions, creating parent folders.
   *
   * @return {@code file}
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static Path write(EvaluationReport report, Path file) {
    requireNonNull(report, "report");
    requireNonNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (BufferedWriter writer = Files.newBufferedWriter(file);
          CSVPrinter out = new CSVPrinter(writer, CSVFormat.RFC4180)) {
        if (report.result() instanceof ClassificationResult c) {
          writeClasses(c.outcomes(), out);
        } else if (report.result() instanceof YearResult y) {
          writeYears(y.outcomes().outcomes(), out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static void writeClasses(ClassOutcomes predictions, CSVPrinter out)
      throws IOException {
    out.printRecord(CLASSIFICATION_COLUMNS);
    for (ClassOutcome p : predictions.outcomes()) {
      ObjectMetadata o = p.object();
      out.printRecord(
          List.of(
              Long.toString(o.objectId()),
              o.metUrl().toString(),
              predictions.label(p.actual()),
              predictions.label(p.predicted()),
              Boolean.toString(p.correct()),
              Double.isNaN(p.confidence()) ? "" : String.format(Locale.ROOT, "%.6f", p.confidence()),
              o.department(),
              o.classification(),
              o.objectName(),
              o.title()));
    }
  }

  private static void writeYears(List<YearOutcome> predictions, CSVPrinter out)
      throws IOException {
    out.printRecord(YEAR_COLUMNS);
    for (YearOutcome p : predictions) {
      ObjectMetadata o = p.object();
      out.printRecord(
          List.of(
              Long.toString(o.objectId()),
              o.metUrl().toString(),
              number(p.actualYear()),
              number(p.predictedYear()),
              number(p.error()),
              Integer.toString(p.intervalBegin()),
              Integer.toString(p.intervalEnd()),
              Boolean.toString(p.insideInterval()),
              o.department(),
              o.classification(),
              o.objectName(),
              o.title()));
    }
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}

package io.github.metart.eval.evaluation;

import static io.github.metart.data.files.JsonFiles.finiteOrNull;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.metart.data.files.JsonFiles;
import io.github.metart.data.provenance.LibraryVersion;
import io.github.metart.eval.analysis.Breakdown;
import io.github.metart.eval.analysis.Misclassified;
import io.github.metart.eval.confusion.ConfusionMatrix;
import io.github.metart.eval.metrics.ClassMetrics;
import io.github.metart.eval.metrics.ClassificationMetrics;
import io.github.metart.eval.metrics.YearBaseline;
import io.github.metart.eval.metrics.YearErrorStats;
import io.github.metart.eval.metrics.YearMetrics;
import io.github.metart.eval.outcomes.ObjectMetadata;
import io.github.metart.eval.outcomes.YearOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code metrics.json}: every number of an {@link EvaluationReport}, machine-readable, written and
 * read by Jackson databind through the records below. Undefined values (NaN, e.g. the accuracy of an
 * empty split) are written as {@code null}. The confusion matrix states its orientation and is
 * written twice: as counts and normalized by column (shares of each actual class); every object
 * carries its Met Object ID and URL.
 */
public final class MetricsJson {

  /** The value of the {@code format} field of files written by this version. */
  public static final String FORMAT = "metart-metrics/1";

  /** How many of the most frequent confusions are listed. */
  public static final int TOP_CONFUSIONS = 20;

  private static final Logger LOG = LoggerFactory.getLogger(MetricsJson.class);

  private MetricsJson() {}

  /** The file; {@code classification} and {@code misclassified}, or {@code year} and {@code largestYearErrors}. */
  @JsonPropertyOrder({"format", "model", "split", "kind", "count", "testTimeAugmentation", "versions", "headline",
      "classification", "year", "breakdowns", "misclassified", "largestYearErrors"})
  record File(
      String format, String model, String split, String kind, int count, String testTimeAugmentation,
      Versions versions, Map<String, Double> headline,
      @JsonInclude(JsonInclude.Include.NON_NULL) Classification classification,
      @JsonInclude(JsonInclude.Include.NON_NULL) Year year,
      List<BreakdownJson> breakdowns,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Miss> misclassified,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<LargeError> largestYearErrors) {}

  record Versions(String metart, String java) {}

  record Classification(
      List<String> labels, int correct, Double accuracy, Map<Integer, Double> topKAccuracy, Macro macro,
      List<PerClass> perClass, Matrix confusionMatrix, List<Top> topConfusions) {}

  record Macro(Double precision, Double recall, Double f1) {}

  record PerClass(String label, long support, long predicted, long truePositives, Double precision, Double recall, Double f1) {
    PerClass(ClassMetrics c) {
      this(c.label(), c.support(), c.predictedCount(), c.truePositives(), finiteOrNull(c.precision()),
          finiteOrNull(c.recall()), finiteOrNull(c.f1()));
    }
  }

  record Matrix(
      String orientation, String rows, String columns, List<String> labels, long[][] counts, String normalization,
      double[][] normalizedByColumn) {}

  record Top(String actual, String predicted, long count, String text) {}

  /** A misclassified object: {@code objectId, url, actual, predicted, confidence}, then its metadata. */
  @JsonPropertyOrder({"objectId", "url", "actual", "predicted", "confidence", "department", "classification", "objectName", "title"})
  record Miss(long objectId, String url, String actual, String predicted, Double confidence,
      String department, String classification, String objectName, String title) {
    Miss(Misclassified m, ObjectMetadata o) {
      this(o.objectId(), o.metUrl().toString(), m.actual(), m.predicted(), finiteOrNull(m.confidence()),
          o.department(), o.classification(), o.objectName(), o.title());
    }
  }

  record LargeError(long objectId, String url, double actualYear, double predictedYear, double error,
      int intervalBegin, int intervalEnd, String department, String classification, String objectName, String title) {
    LargeError(YearOutcome p, ObjectMetadata o) {
      this(o.objectId(), o.metUrl().toString(), p.actualYear(), p.predictedYear(), p.error(), p.intervalBegin(),
          p.intervalEnd(), o.department(), o.classification(), o.objectName(), o.title());
    }
  }

  record Year(Stats model, Baseline baseline, Double improvementOverBaseline) {}

  /** The baseline's guess, then its errors. */
  @JsonPropertyOrder({"year", "source", "fallback", "description"})
  record Baseline(double year, String source, boolean fallback, String description,
      @com.fasterxml.jackson.annotation.JsonUnwrapped Stats stats) {
    Baseline(YearBaseline guess, YearErrorStats stats) {
      this(guess.year(), guess.source(), guess.fallback(), guess.describe(), new Stats(stats));
    }
  }

  record Stats(int count, Double meanYearError, Double medianYearError, Double rmseYears, Double meanSignedError,
      Double within25Years, Double within50Years, Double insideInterval, Double meanIntervalError) {
    Stats(YearErrorStats s) {
      this(s.count(), finiteOrNull(s.meanYearError()), finiteOrNull(s.medianYearError()),
          finiteOrNull(s.rootMeanSquaredError()), finiteOrNull(s.meanSignedError()), finiteOrNull(s.within25()),
          finiteOrNull(s.within50()), finiteOrNull(s.insideInterval()), finiteOrNull(s.meanIntervalError()));
    }
  }

  record BreakdownJson(String field, String measure, List<Group> groups) {
    BreakdownJson(Breakdown b) {
      this(b.field().displayName(), b.measure().displayName(),
          b.groups().stream().map(g -> new Group(g.group(), g.count(), finiteOrNull(g.value()))).toList());
    }
  }

  record Group(String group, int count, Double value) {}

  /** What {@link #readSummary} reads (the other fields are skipped); boxed to tell a missing field. */
  record Summary(String format, String model, String split, String kind, Integer count, Map<String, Double> headline) {}

  /** The report as a JSON tree. */
  public static JsonNode toJson(EvaluationReport report) {
    return JsonFiles.mapper().valueToTree(file(report));
  }

  private static File file(EvaluationReport report) {
    requireNonNull(report, "report");
    LibraryVersion versions = LibraryVersion.current();
    Map<String, Double> headline = new LinkedHashMap<>();
    report.headline().forEach((metric, value) -> headline.put(metric.key(), finiteOrNull(value)));
    Classification classification = null;
    Year year = null;
    List<Breakdown> breakdowns = List.of();
    List<Miss> misclassified = null;
    List<LargeError> largest = null;
    if (report.result() instanceof ClassificationResult c) {
      classification = classification(c);
      breakdowns = c.breakdowns();
      misclassified = c.misclassified().stream().map(m -> new Miss(m, m.object())).toList();
    } else if (report.result() instanceof YearResult y) {
      YearMetrics m = y.metrics();
      year = new Year(new Stats(m.model()), new Baseline(m.baselineGuess(), m.baseline()),
          finiteOrNull(m.improvementOverBaseline()));
      breakdowns = y.breakdowns();
      largest = y.largestErrors().stream().map(e -> new LargeError(e.prediction(), e.prediction().object())).toList();
    }
    return new File(FORMAT, report.model(), report.split(), report.result().kind(), report.result().count(),
        report.testTimeAugmentation().key(), new Versions(versions.metart(), versions.java()), headline,
        classification, year, breakdowns.stream().map(BreakdownJson::new).toList(), misclassified, largest);
  }

  private static Classification classification(ClassificationResult result) {
    ClassificationMetrics m = result.metrics();
    Map<Integer, Double> topK = new LinkedHashMap<>();
    m.topKAccuracy().forEach((k, v) -> topK.put(k, finiteOrNull(v)));
    ConfusionMatrix matrix = result.confusion();
    Matrix confusion =
        new Matrix(matrix.orientation().describe(), matrix.orientation().rows(), matrix.orientation().columns(),
            matrix.labels(), matrix.cells(),
            "normalizedByColumn, same orientation as counts: " + matrix.orientation().describeColumnShares(),
            matrix.normalizedByColumn());
    return new Classification(
        result.outcomes().labels(), m.correct(), finiteOrNull(m.accuracy()), topK,
        new Macro(finiteOrNull(m.macroPrecision()), finiteOrNull(m.macroRecall()), finiteOrNull(m.macroF1())),
        m.perClass().stream().map(PerClass::new).toList(), confusion,
        result.topConfusions(TOP_CONFUSIONS).stream()
            .map(c -> new Top(c.actual(), c.predicted(), c.count(), c.toString())).toList());
  }

  /**
   * Writes the report's {@code metrics.json}, creating parent folders.
   *
   * @return {@code file}
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static Path write(EvaluationReport report, Path file) {
    requireNonNull(file, "file");
    File json = file(report);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, JsonFiles.mapper().writeValueAsString(json) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    LOG.info("wrote metrics of {} on {} to {}", report.model(), report.split(), file);
    return file;
  }

  /**
   * Reads the headline back from a {@code metrics.json}; headline keys this version does not know
   * are skipped, {@code null} values become NaN.
   *
   * @throws UncheckedIOException naming the file when it cannot be read
   * @throws IllegalArgumentException naming the file (and the field) when it is not a metart metrics file
   */
  public static MetricsSummary readSummary(Path file) {
    requireNonNull(file, "file");
    JsonNode tree;
    Summary s;
    try {
      tree = JsonFiles.mapper().readTree(Files.readString(file));
      if (tree == null || !tree.isObject() || !FORMAT.equals(tree.path("format").asText())) {
        throw new IllegalArgumentException(
            file + ": not a metart metrics file (expected \"format\": \"" + FORMAT + "\")");
      }
      s = JsonFiles.mapper().readerFor(Summary.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(tree);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no metrics file " + file, e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": " + JsonFiles.problem(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Object[] required = {s.model(), s.split(), s.kind(), s.count(), s.headline()};
    String[] names = {"model", "split", "kind", "count", "headline"};
    for (int i = 0; i < names.length; i++) {
      if (required[i] == null) {
        throw new IllegalArgumentException(file + ": the field \"" + names[i] + "\" is missing");
      }
    }
    Map<HeadlineMetric, Double> headline = new LinkedHashMap<>();
    s.headline().forEach((key, value) -> HeadlineMetric.ofKey(key).ifPresent(m -> headline.put(m, JsonFiles.orNaN(value))));
    return new MetricsSummary(s.model(), s.split(), s.kind(), s.count(), headline);
  }
}

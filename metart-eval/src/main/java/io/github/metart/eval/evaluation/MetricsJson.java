package io.github.metart.eval.evaluation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metart.data.provenance.LibraryVersion;
import io.github.metart.eval.analysis.Breakdown;
import io.github.metart.eval.analysis.GroupScore;
import io.github.metart.eval.analysis.LargeYearError;
import io.github.metart.eval.analysis.Misclassified;
import io.github.metart.eval.confusion.Confusion;
import io.github.metart.eval.confusion.ConfusionMatrix;
import io.github.metart.eval.metrics.ClassMetrics;
import io.github.metart.eval.metrics.ClassificationMetrics;
import io.github.metart.eval.metrics.YearErrorStats;
import io.github.metart.eval.metrics.YearMetrics;
import io.github.metart.eval.outcomes.ObjectMetadata;
import io.github.metart.eval.outcomes.YearOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code metrics.json}: every number of an {@link EvaluationReport}, machine-readable. Undefined
 * values (NaN, e.g. the accuracy of an empty split) are written as {@code null}. The confusion
 * matrix states its orientation and is written twice: as counts and normalized by column (shares
 * of each actual class); every object carries its Met Object ID and URL.
 */
public final class MetricsJson {

  /** The value of the {@code format} field of files written by this version. */
  public static final String FORMAT = "metart-metrics/1";

  /** How many of the most frequent confusions are listed. */
  public static final int TOP_CONFUSIONS = 20;

  private static final Logger LOG = LoggerFactory.getLogger(MetricsJson.class);
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetricsJson() {}

  /** The report as a JSON tree. */
  public static ObjectNode toJson(EvaluationReport report) {
    requireNonNull(report, "report");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("model", report.model());
    root.put("split", report.split());
    root.put("kind", report.result().kind());
    root.put("count", report.result().count());
    root.put("testTimeAugmentation", report.testTimeAugmentation().key());
    LibraryVersion versions = LibraryVersion.current();
    root.putObject("versions").put("metart", versions.metart()).put("java", versions.java());
    ObjectNode headline = root.putObject("headline");
    report.headline().forEach((metric, value) -> number(headline, metric.key(), value));
    if (report.result() instanceof ClassificationResult c) {
      classification(root, c);
    } else if (report.result() instanceof YearResult y) {
      year(root, y);
    }
    return root;
  }

  /**
   * Writes the report's {@code metrics.json}, creating parent folders.
   *
   * @return {@code file}
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static Path write(EvaluationReport report, Path file) {
    requireNonNull(file, "file");
    ObjectNode json = toJson(report);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, MAPPER.writeValueAsString(json) + "\n");
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
   * @throws IllegalArgumentException naming the file when it is not a metart metrics file
   */
  public static MetricsSummary readSummary(Path file) {
    requireNonNull(file, "file");
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no metrics file " + file, e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          file + ": not a metart metrics file (expected \"format\": \"" + FORMAT + "\")");
    }
    for (String field : new String[] {"model", "split", "kind", "count", "headline"}) {
      if (!root.has(field)) {
        throw new IllegalArgumentException(file + ": the field \"" + field + "\" is missing");
      }
    }
    Map<HeadlineMetric, Double> headline = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.get("headline").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      HeadlineMetric.ofKey(e.getKey())
          .ifPresent(m -> headline.put(m, e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN));
    }
    return new MetricsSummary(
        root.get("model").asText(),
        root.get("split").asText(),
        root.get("kind").asText(),
        root.get("count").asInt(),
        headline);
  }

  private static void classification(ObjectNode root, ClassificationResult result) {
    ClassificationMetrics m = result.metrics();
    ObjectNode c = root.putObject("classification");
    ArrayNode labels = c.putArray("labels");
    result.outcomes().labels().forEach(labels::add);
    c.put("correct", m.correct());
    number(c, "accuracy", m.accuracy());
    ObjectNode topK = c.putObject("topKAccuracy");
    m.topKAccuracy().forEach((k, v) -> number(topK, Integer.toString(k), v));
    ObjectNode macro = c.putObject("macro");
    number(macro, "precision", m.macroPrecision());
    number(macro, "recall", m.macroRecall());
    number(macro, "f1", m.macroF1());
    ArrayNode perClass = c.putArray("perClass");
    for (ClassMetrics cm : m.perClass()) {
      ObjectNode row = perClass.addObject();
      row.put("label", cm.label());
      row.put("support", cm.support());
      row.put("predicted", cm.predictedCount());
      row.put("truePositives", cm.truePositives());
      number(row, "precision", cm.precision());
      number(row, "recall", cm.recall());
      number(row, "f1", cm.f1());
    }
    ConfusionMatrix matrix = result.confusion();
    ObjectNode confusion = c.putObject("confusionMatrix");
    confusion.put("orientation", matrix.orientation().describe());
    confusion.put("rows", matrix.orientation().rows());
    confusion.put("columns", matrix.orientation().columns());
    ArrayNode matrixLabels = confusion.putArray("labels");
    matrix.labels().forEach(matrixLabels::add);
    ArrayNode counts = confusion.putArray("counts");
    for (long[] row : matrix.cells()) {
      ArrayNode r = counts.addArray();
      for (long count : row) {
        r.add(count);
      }
    }
    confusion.put(
        "normalization",
        "normalizedByColumn, same orientation as counts: "
            + matrix.orientation().describeColumnShares());
    ArrayNode shares = confusion.putArray("normalizedByColumn");
    for (double[] row : matrix.normalizedByColumn()) {
      ArrayNode r = shares.addArray();
      for (double share : row) {
        r.add(share);
      }
    }
    ArrayNode top = c.putArray("topConfusions");
    for (Confusion confusionPair : result.topConfusions(TOP_CONFUSIONS)) {
      top.addObject()
          .put("actual", confusionPair.actual())
          .put("predicted", confusionPair.predicted())
          .put("count", confusionPair.count())
          .put("text", confusionPair.toString());
    }
    breakdowns(root, result.breakdowns());
    ArrayNode wrong = root.putArray("misclassified");
    for (Misclassified miss : result.misclassified()) {
      ObjectNode row = wrong.addObject();
      object(row, miss.object());
      row.put("actual", miss.actual());
      row.put("predicted", miss.predicted());
      number(row, "confidence", miss.confidence());
      metadata(row, miss.object());
    }
  }

  private static void year(ObjectNode root, YearResult result) {
    YearMetrics m = result.metrics();
    ObjectNode y = root.putObject("year");
    stats(y.putObject("model"), m.model());
    ObjectNode baseline = y.putObject("baseline");
    baseline.put("year", m.baselineGuess().year());
    baseline.put("source", m.baselineGuess().source());
    baseline.put("fallback", m.baselineGuess().fallback());
    baseline.put("description", m.baselineGuess().describe());
    stats(baseline, m.baseline());
    number(y, "improvementOverBaseline", m.improvementOverBaseline());
    breakdowns(root, result.breakdowns());
    ArrayNode largest = root.putArray("largestYearErrors");
    for (LargeYearError e : result.largestErrors()) {
      YearOutcome p = e.prediction();
      ObjectNode row = largest.addObject();
      object(row, p.object());
      row.put("actualYear", p.actualYear());
      row.put("predictedYear", p.predictedYear());
      row.put("error", p.error());
      row.put("intervalBegin", p.intervalBegin());
      row.put("intervalEnd", p.intervalEnd());
      metadata(row, p.object());
    }
  }

  private static void stats(ObjectNode node, YearErrorStats s) {
    node.put("count", s.count());
    number(node, "meanYearError", s.meanYearError());
    number(node, "medianYearError", s.medianYearError());
    number(node, "rmseYears", s.rootMeanSquaredError());
    number(node, "meanSignedError", s.meanSignedError());
    number(node, "within25Years", s.within25());
    number(node, "within50Years", s.within50());
    number(node, "insideInterval", s.insideInterval());
    number(node, "meanIntervalError", s.meanIntervalError());
  }

  private static void breakdowns(ObjectNode root, List<Breakdown> breakdowns) {
    ArrayNode all = root.putArray("breakdowns");
    for (Breakdown b : breakdowns) {
      ObjectNode node = all.addObject();
      node.put("field", b.field().displayName());
      node.put("measure", b.measure().displayName());
      ArrayNode groups = node.putArray("groups");
      for (GroupScore g : b.groups()) {
        ObjectNode group = groups.addObject().put("group", g.group()).put("count", g.count());
        number(group, "value", g.value());
      }
    }
  }

  private static void object(ObjectNode row, ObjectMetadata object) {
    row.put("objectId", object.objectId());
    row.put("url", object.metUrl().toString());
  }

  private static void metadata(ObjectNode row, ObjectMetadata object) {
    row.put("department", object.department());
    row.put("classification", object.classification());
    row.put("objectName", object.objectName());
    row.put("title", object.title());
  }

  private static void number(ObjectNode node, String key, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      node.putNull(key);
    } else {
      node.put(key, value);
    }
  }
}

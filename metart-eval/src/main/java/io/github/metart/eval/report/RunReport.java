package io.github.metart.eval.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.provenance.LibraryVersion;
import io.github.metart.eval.analysis.Breakdown;
import io.github.metart.eval.analysis.GroupScore;
import io.github.metart.eval.analysis.LargeYearError;
import io.github.metart.eval.analysis.Measure;
import io.github.metart.eval.analysis.Misclassified;
import io.github.metart.eval.confusion.Confusion;
import io.github.metart.eval.confusion.ConfusionMatrix;
import io.github.metart.eval.evaluation.ClassificationResult;
import io.github.metart.eval.evaluation.EvaluationFiles;
import io.github.metart.eval.evaluation.EvaluationReport;
import io.github.metart.eval.evaluation.Formats;
import io.github.metart.eval.evaluation.YearResult;
import io.github.metart.eval.metrics.ClassMetrics;
import io.github.metart.eval.metrics.YearErrorStats;
import io.github.metart.eval.metrics.YearMetrics;
import io.github.metart.eval.outcomes.ObjectMetadata;
import io.github.metart.eval.outcomes.YearOutcome;
import io.github.metart.eval.plots.BreakdownCharts;
import io.github.metart.eval.plots.ChartFiles;
import io.github.metart.eval.plots.ChartSize;
import io.github.metart.eval.plots.ConfusionHeatMap;
import io.github.metart.eval.plots.CurveCharts;
import io.github.metart.eval.plots.DistributionCharts;
import io.github.metart.eval.plots.RunCurves;
import io.github.metart.eval.plots.YearCharts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTML page of one run: its training curves and/or its evaluation, with metrics, tables and
 * figures together, readable offline. {@link #writeTo(Path)} writes {@code index.html}, the
 * figures under {@code figures/} (linked relatively) and, with an evaluation, {@code
 * metrics.json}, {@code report.md} and {@code predictions.csv}.
 *
 * @param title the page title
 * @param evaluation the evaluation of the run's model on one split, if any
 * @param curves the run's per-epoch values, if any
 * @param labelDistribution objects per label in each split (split → label → count), shown as
 *     grouped bars; empty when not given
 */
public record RunReport(
    String title,
    Optional<EvaluationReport> evaluation,
    Optional<RunCurves> curves,
    Map<String, Map<String, Long>> labelDistribution) {

  /** The page's file name. */
  public static final String PAGE = "index.html";

  /** How many rows object lists (misclassified, largest errors) show. */
  public static final int MAX_OBJECTS = 100;

  /** How many groups a breakdown shows. */
  public static final int MAX_GROUPS = 15;

  /** How many of the most frequent confusions are listed and marked. */
  public static final int TOP_CONFUSIONS = 10;

  /** Up to this many classes the confusion matrix is also written as a table. */
  public static final int MAX_TABLE_CLASSES = 30;

  private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);

  /** Validates that there is something to show. */
  public RunReport {
    requireNonNull(title, "title");
    requireNonNull(evaluation, "evaluation");
    requireNonNull(curves, "curves");
    requireNonNull(labelDistribution, "labelDistribution");
    checkArgument(!title.isBlank(), "a report needs a title");
    Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
    labelDistribution.forEach(
        (split, counts) -> {
          checkArgument(!counts.isEmpty(), "the label distribution of split '%s' is empty", split);
          counts.forEach(
              (label, count) ->
                  checkArgument(
                      count >= 0, "split '%s': label '%s' has %s objects", split, label, count));
          copy.put(split, Collections.unmodifiableMap(new LinkedHashMap<>(counts)));
        });
    labelDistribution = Collections.unmodifiableMap(copy);
    checkArgument(
        evaluation.isPresent() || curves.isPresent(),
        "a run report needs an evaluation, training curves or both");
  }

  /** The page of an evaluation, titled after its model and split. */
  public static RunReport of(EvaluationReport evaluation) {
    return builder().evaluation(evaluation).build();
  }

  /** A builder; give it an evaluation, curves or both. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes the page and everything it links to into a folder, creating it.
   *
   * @return the page and the files beside it
   * @throws UncheckedIOException naming the file that cannot be written
   */
  public ReportFiles writeTo(Path folder) {
    requireNonNull(folder, "folder");
    List<Figure> figures = figures();
    List<Path> written = new ArrayList<>();
    for (Figure f : figures) {
      written.add(ChartFiles.writePng(f.chart(), folder.resolve(f.relativePath())));
    }
    Optional<EvaluationFiles> files = evaluation.map(e -> e.writeTo(folder));
    Path page = folder.resolve(PAGE);
    writePage(page, render(figures, files.isPresent()));
    LOG.info("wrote run report '{}' to {}", title, page);
    return new ReportFiles(page, written, files);
  }

  /** The page's HTML, with figures referenced under {@code figures/}. */
  public String toHtml() {
    return render(figures(), evaluation.isPresent());
  }

  private String render(List<Figure> figures, boolean withFiles) {
    Map<String, Figure> byName = new LinkedHashMap<>();
    figures.forEach(f -> byName.put(f.name(), f));
    Html html = new Html(title);
    html.heading(1, title);
    LibraryVersion versions = LibraryVersion.current();
    evaluation.ifPresent(
        e ->
            html.meta(
                "model "
                    + e.model()
                    + " · split "
                    + e.split()
                    + " · "
                    + e.result().count()
                    + " objects · "
                    + e.result().kind()
                    + " · metart "
                    + versions.metart()
                    + " · Java "
                    + versions.java()));
    if (withFiles) {
      html.links(
          "Files:",
          List.of(
              new String[] {EvaluationFiles.METRICS_JSON, EvaluationFiles.METRICS_JSON},
              new String[] {EvaluationFiles.REPORT_MD, EvaluationFiles.REPORT_MD},
              new String[] {EvaluationFiles.PREDICTIONS_CSV, EvaluationFiles.PREDICTIONS_CSV}));
    }
    evaluation.ifPresent(
        e -> {
          List<String[]> cards = new ArrayList<>();
          e.headline().forEach((m, v) -> cards.add(new String[] {m.format(v), m.displayName()}));
          html.heading(2, "Headline").headline(cards);
        });
    if (!labelDistribution.isEmpty()) {
      html.heading(2, "Label distribution per split");
      show(html, byName.get("label-distribution"));
    }
    curves.ifPresent(c -> training(html, c, byName));
    evaluation.ifPresent(
        e -> {
          if (e.result() instanceof ClassificationResult c) {
            classification(html, c, byName);
          } else if (e.result() instanceof YearResult y) {
            year(html, y, byName);
          }
        });
    return html.finish();
  }

  private List<Figure> figures() {
    List<Figure> figures = new ArrayList<>();
    if (!labelDistribution.isEmpty()) {
      figures.add(
          new Figure(
              "label-distribution",
              "Objects per label in each split ("
                  + String.join(", ", labelDistribution.keySet())
                  + ").",
              labelDistributionChart()));
    }
    curves.ifPresent(
        c -> {
          Map<String, XYChart> charts = CurveCharts.byMetric(c, ChartSize.DEFAULT);
          charts.forEach(
              (metric, chart) ->
                  figures.add(new Figure("curves-" + Html.slug(metric), metric + " per epoch", chart)));
        });
    evaluation.ifPresent(
        e -> {
          if (e.result() instanceof ClassificationResult c) {
            ConfusionMatrix matrix = c.confusion();
            ChartSize size = matrix.size() > 25 ? new ChartSize(1100, 1050) : ChartSize.SQUARE;
            figures.add(
                new Figure(
                    "confusion-matrix",
                    "Confusion matrix, "
                        + matrix.orientation().describe()
                        + ". Colour: share of the actual class (each column sums to 1). [n]: objects"
                        + " classified right; n #k: the k-th most frequent confusion.",
                    ConfusionHeatMap.of(matrix, TOP_CONFUSIONS, size).chart()));
            figures.add(
                new Figure(
                    "labels",
                    "Objects per label: how many there are and how many were predicted.",
                    DistributionCharts.actualAndPredicted(matrix, ChartSize.DEFAULT)));
            breakdownFigures(figures, c.breakdowns(), c.count());
          } else if (e.result() instanceof YearResult y && !y.outcomes().isEmpty()) {
            figures.add(
                new Figure(
                    "predicted-vs-actual",
                    "Each object's predicted year against its actual year; the dashed lines are ±"
                        + YearCharts.BAND_YEARS
                        + " years.",
                    YearCharts.predictedVsActual(y.outcomes(), ChartSize.SQUARE)));
            Map<String, double[]> years = new LinkedHashMap<>();
            years.put("actual", y.outcomes().actualYears());
            years.put("predicted", y.outcomes().predictedYears());
            figures.add(
                new Figure(
                    "years-histogram",
                    "Distribution of the actual and the predicted years.",
                    YearCharts.histogram("Years: actual and predicted", years, ChartSize.DEFAULT)));
            breakdownFigures(figures, y.breakdowns(), y.count());
          }
        });
    return figures;
  }

  private static void breakdownFigures(List<Figure> figures, List<Breakdown> breakdowns, int count) {
    if (count == 0) {
      return;
    }
    for (Breakdown b : breakdowns) {
      figures.add(
          new Figure(
              Html.slug(b.measure().displayName() + " by " + b.field().displayName()),
              b.measure().displayName() + " of the " + Math.min(MAX_GROUPS, b.groups().size())
                  + " largest groups by " + b.field().displayName() + " (objects in brackets).",
              BreakdownCharts.of(b, MAX_GROUPS, ChartSize.DEFAULT)));
    }
  }

  private static void training(Html html, RunCurves curves, Map<String, Figure> figures) {
    html.heading(2, "Training: " + curves.run());
    html.paragraph(
        curves.epochs().size() + " epochs; series: " + String.join(", ", curves.seriesNames()) + ".");
    List<List<String>> rows = new ArrayList<>();
    for (String name : curves.seriesNames()) {
      rows.add(
          List.of(
              Html.cell(name),
              Html.numberCell(format(curves.last(name))),
              Html.numberCell(format(curves.best(name, !RunCurves.higherIsBetter(name))))));
    }
    html.table("Last and best value per series", List.of("series", "last", "best"), rows);
    figures.values().stream()
        .filter(f -> f.name().startsWith("curves-"))
        .forEach(f -> html.figure(f.relativePath(), f.caption(), f.caption(), f.width()));
  }

  private static String format(java.util.OptionalDouble value) {
    return value.isPresent() ? String.format(java.util.Locale.ROOT, "%.4f", value.getAsDouble()) : Formats.NOT_AVAILABLE;
  }

  private static void classification(Html html, ClassificationResult result, Map<String, Figure> figures) {
    ConfusionMatrix matrix = result.confusion();
    html.heading(2, "Confusion matrix (" + matrix.orientation().describe() + ")");
    show(html, figures.get("confusion-matrix"));
    List<Confusion> top = result.topConfusions(TOP_CONFUSIONS);
    if (top.isEmpty()) {
      html.paragraph("No confusions: every object was classified right.");
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < top.size(); i++) {
        rows.add(List.of(Html.numberCell("#" + (i + 1)), Html.cell(top.get(i).toString())));
      }
      html.table("Most frequent confusions", List.of("rank", "confusion"), rows);
    }
    if (matrix.size() <= MAX_TABLE_CLASSES) {
      List<String> header = new ArrayList<>();
      header.add(matrix.orientation().rows() + " \\ " + matrix.orientation().columns());
      header.addAll(matrix.labels());
      List<List<String>> rows = new ArrayList<>();
      for (int row = 0; row < matrix.size(); row++) {
        List<String> cells = new ArrayList<>();
        cells.add(Html.headerCell(matrix.labels().get(row)));
        for (int column = 0; column < matrix.size(); column++) {
          String text =
              Formats.countWithShare(matrix.cell(row, column), matrix.columnShare(row, column));
          cells.add(row == column ? Html.cellWithClass("diag", text) : Html.numberCell(text));
        }
        rows.add(cells);
      }
      html.table(
          "Counts and, in brackets, shares of the column ("
              + matrix.orientation().describeColumnShares()
              + "), "
              + matrix.orientation().describe()
              + "; the diagonal is right",
          header,
          rows);
    }

    html.heading(2, "Per class");
    List<List<String>> rows = new ArrayList<>();
    for (ClassMetrics c : result.metrics().perClass()) {
      rows.add(
          List.of(
              Html.cell(c.label()),
              Html.numberCell(Long.toString(c.support())),
              Html.numberCell(Long.toString(c.predictedCount())),
              Html.numberCell(Formats.ratio(c.precision())),
              Html.numberCell(Formats.ratio(c.recall())),
              Html.numberCell(Formats.ratio(c.f1()))));
    }
    html.table("", List.of("label", "support", "predicted", "precision", "recall", "F1"), rows);
    show(html, figures.get("labels"));

    breakdowns(html, result.breakdowns(), figures);

    List<Misclassified> wrong = result.misclassified();
    html.heading(2, "Misclassified objects");
    html.paragraph(shown(wrong.size(), "misclassified objects", "most confident mistakes first"));
    List<List<String>> objectRows = new ArrayList<>();
    for (Misclassified miss : wrong.subList(0, Math.min(MAX_OBJECTS, wrong.size()))) {
      List<String> cells = new ArrayList<>();
      cells.add(objectLink(miss.object()));
      cells.add(Html.cell(miss.actual()));
      cells.add(Html.cell(miss.predicted()));
      cells.add(Html.numberCell(Formats.share(miss.confidence())));
      cells.addAll(metadataCells(miss.object()));
      objectRows.add(cells);
    }
    if (!objectRows.isEmpty()) {
      html.table(
          "",
          List.of("Object ID", "actual", "predicted", "confidence", "department", "classification", "object name", "title"),
          objectRows);
    }
  }

  private static void year(Html html, YearResult result, Map<String, Figure> figures) {
    YearMetrics m = result.metrics();
    html.heading(2, "Year errors beside the baseline");
    html.paragraph(
        "The baseline always guesses "
            + Formats.calendarYear(m.baselineGuess().year())
            + " ("
            + m.baselineGuess().describe()
            + ").");
    List<List<String>> rows = new ArrayList<>();
    rows.add(yearRow("mean year error", m, s -> Formats.years(s.meanYearError())));
    rows.add(yearRow("median year error", m, s -> Formats.years(s.medianYearError())));
    rows.add(yearRow("RMSE (years)", m, s -> Formats.years(s.rootMeanSquaredError())));
    rows.add(yearRow("mean signed error (years)", m, s -> Formats.years(s.meanSignedError())));
    rows.add(yearRow("within ±25 years", m, s -> Formats.share(s.within25())));
    rows.add(yearRow("within ±50 years", m, s -> Formats.share(s.within50())));
    rows.add(yearRow("inside the object's date", m, s -> Formats.share(s.insideInterval())));
    html.table("", List.of("", "model", "baseline"), rows);
    show(html, figures.get("predicted-vs-actual"));
    show(html, figures.get("years-histogram"));

    breakdowns(html, result.breakdowns(), figures);

    List<LargeYearError> largest = result.largestErrors();
    html.heading(2, "Largest year errors");
    html.paragraph(shown(largest.size(), "objects with the largest errors", "largest first"));
    List<List<String>> objectRows = new ArrayList<>();
    for (LargeYearError e : largest.subList(0, Math.min(MAX_OBJECTS, largest.size()))) {
      YearOutcome p = e.prediction();
      List<String> cells = new ArrayList<>();
      cells.add(objectLink(p.object()));
      cells.add(Html.numberCell(Formats.calendarYear(p.actualYear())));
      cells.add(Html.numberCell(Formats.calendarYear(p.predictedYear())));
      cells.add(Html.numberCell(Formats.years(p.error())));
      cells.add(Html.cell(Formats.calendarYear(p.intervalBegin()) + "–" + Formats.calendarYear(p.intervalEnd())));
      cells.addAll(metadataCells(p.object()));
      objectRows.add(cells);
    }
    if (!objectRows.isEmpty()) {
      html.table(
          "",
          List.of("Object ID", "actual", "predicted", "error (years)", "date", "department", "classification", "object name", "title"),
          objectRows);
    }
  }

  private static List<String> yearRow(String name, YearMetrics m, Function<YearErrorStats, String> value) {
    return List.of(Html.cell(name), Html.numberCell(value.apply(m.model())), Html.numberCell(value.apply(m.baseline())));
  }

  private static void breakdowns(Html html, List<Breakdown> breakdowns, Map<String, Figure> figures) {
    for (Breakdown b : breakdowns) {
      Function<Double, String> format = b.measure() == Measure.ACCURACY ? Formats::share : Formats::years;
      html.heading(2, capitalized(b.measure().displayName()) + " by " + b.field().displayName());
      show(html, figures.get(Html.slug(b.measure().displayName() + " by " + b.field().displayName())));
      List<List<String>> rows = new ArrayList<>();
      for (GroupScore g : b.largest(MAX_GROUPS)) {
        rows.add(List.of(Html.cell(g.group()), Html.numberCell(Integer.toString(g.count())), Html.numberCell(format.apply(g.value()))));
      }
      html.table(
          shown(b.groups().size(), "groups", "largest first", MAX_GROUPS),
          List.of(b.field().displayName(), "objects", b.measure().displayName()),
          rows);
    }
  }

  /** Bars per label, one series per split; labels in the evaluation's order, then the others. */
  private CategoryChart labelDistributionChart() {
    Set<String> labels = new LinkedHashSet<>();
    evaluation
        .filter(e -> e.result() instanceof ClassificationResult)
        .ifPresent(e -> labels.addAll(((ClassificationResult) e.result()).outcomes().labels()));
    labelDistribution.values().forEach(counts -> labels.addAll(counts.keySet()));
    List<String> order = List.copyOf(labels);
    Map<String, List<Long>> series = new LinkedHashMap<>();
    labelDistribution.forEach(
        (split, counts) ->
            series.put(split, order.stream().map(l -> counts.getOrDefault(l, 0L)).toList()));
    return DistributionCharts.labelCounts(
        "Objects per label in each split", order, series, ChartSize.DEFAULT);
  }

  private static void show(Html html, Figure figure) {
    if (figure != null) {
      html.figure(figure.relativePath(), figure.caption(), figure.caption(), figure.width());
    }
  }

  private static String objectLink(ObjectMetadata o) {
    return Html.htmlCell(Html.link(o.metUrl().toString(), Long.toString(o.objectId())));
  }

  private static List<String> metadataCells(ObjectMetadata o) {
    return List.of(Html.cell(o.department()), Html.cell(o.classification()), Html.cell(o.objectName()), Html.cell(o.title()));
  }

  private static String shown(int total, String what, String order) {
    return shown(total, what, order, MAX_OBJECTS);
  }

  private static String shown(int total, String what, String order, int limit) {
    if (total == 0) {
      return "No " + what + ".";
    }
    return total <= limit
        ? total + " " + what + ", " + order + "."
        : "The first " + limit + " of " + total + " " + what + ", " + order
            + " (all in metrics.json and predictions.csv).";
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static void writePage(Path page, String html) {
    try {
      Path parent = page.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(page, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + page + ": " + e.getMessage(), e);
    }
  }

  /** Collects the parts of a run report. */
  public static final class Builder {
    private String title;
    private EvaluationReport evaluation;
    private RunCurves curves;
    private final Map<String, Map<String, Long>> labelDistribution = new LinkedHashMap<>();

    private Builder() {}

    /** The page title; by default {@code <model> on <split>} or the run's name. */
    public Builder title(String title) {
      this.title = requireNonNull(title, "title");
      return this;
    }

    /** The evaluation to show. */
    public Builder evaluation(EvaluationReport evaluation) {
      this.evaluation = requireNonNull(evaluation, "evaluation");
      return this;
    }

    /** The training curves to show. */
    public Builder curves(RunCurves curves) {
      this.curves = requireNonNull(curves, "curves");
      return this;
    }

    /**
     * The number of objects per label in one split, shown as grouped bars beside the other splits
     * given; call once per split, e.g. {@code train}, {@code validation} and {@code test}.
     *
     * @param split the split's name
     * @param countsByLabel objects per label (at least one label, counts 0 or more)
     */
    public Builder labelDistribution(String split, Map<String, ? extends Number> countsByLabel) {
      requireNonNull(split, "split");
      requireNonNull(countsByLabel, "countsByLabel");
      checkArgument(!split.isBlank(), "name the split");
      Map<String, Long> counts = new LinkedHashMap<>();
      countsByLabel.forEach((label, count) -> counts.put(label, count.longValue()));
      labelDistribution.put(split, counts);
      return this;
    }

    /** The report. */
    public RunReport build() {
      String t = title;
      if (t == null) {
        t =
            evaluation != null
                ? evaluation.model() + " on " + evaluation.split()
                : curves != null ? curves.run() : "";
      }
      return new RunReport(
          t, Optional.ofNullable(evaluation), Optional.ofNullable(curves), labelDistribution);
    }
  }
}

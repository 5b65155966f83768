package io.github.metart.eval.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.eval.evaluation.HeadlineMetric;
import io.github.metart.eval.plots.ChartFiles;
import io.github.metart.eval.plots.ChartSize;
import io.github.metart.eval.plots.CurveCharts;
import io.github.metart.eval.plots.RunBarCharts;
import io.github.metart.eval.plots.RunCurves;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTML page comparing several runs (architectures, hidden sizes, dropout rates, batch norm on
 * or off): a table of their headline metrics with the best of each marked, bars of the main
 * metric, and one chart per training series with a line per run. Readable offline: figures sit in
 * {@code figures/} and are linked relatively.
 *
 * @param title the page title, e.g. {@code Dropout sweep on culture}
 * @param description what was compared and how, one paragraph (may be empty)
 * @param runs the runs in display order (names unique, at least one)
 */
public record ComparisonReport(String title, String description, List<ComparedRun> runs) {

  /** The page's file name. */
  public static final String PAGE = "index.html";

  private static final Logger LOG = LoggerFactory.getLogger(ComparisonReport.class);

  /** Validates the title and run names. */
  public ComparisonReport {
    requireNonNull(title, "title");
    requireNonNull(description, "description");
    runs = List.copyOf(runs);
    checkArgument(!title.isBlank(), "a comparison needs a title");
    checkArgument(!runs.isEmpty(), "a comparison needs at least one run");
    Set<String> names = new HashSet<>();
    for (ComparedRun run : runs) {
      checkArgument(names.add(run.name()), "run name '%s' occurs twice", run.name());
    }
  }

  /** A comparison of the given runs. */
  public static ComparisonReport of(String title, String description, List<ComparedRun> runs) {
    return new ComparisonReport(title, description, runs);
  }

  /** The headline metrics any run has, in the order of {@link HeadlineMetric}. */
  public List<HeadlineMetric> metrics() {
    Set<HeadlineMetric> present = new HashSet<>();
    runs.forEach(r -> present.addAll(r.headline().keySet()));
    List<HeadlineMetric> ordered = new ArrayList<>();
    for (HeadlineMetric m : HeadlineMetric.values()) {
      if (present.contains(m)) {
        ordered.add(m);
      }
    }
    return ordered;
  }

  /** The name of the best run by a metric (NaN values never win), if any run has a value. */
  public Optional<String> best(HeadlineMetric metric) {
    String best = null;
    double bestValue = Double.NaN;
    for (ComparedRun run : runs) {
      Double value = run.headline().get(metric);
      if (value == null || value.isNaN()) {
        continue;
      }
      boolean better =
          best == null || (metric.higherIsBetter() ? value > bestValue : value < bestValue);
      if (better) {
        best = run.name();
        bestValue = value;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Writes {@code index.html} and its figures into a folder, creating it.
   *
   * @return the page and its figures
   * @throws UncheckedIOException naming the file that cannot be written
   */
  public ReportFiles writeTo(Path folder) {
    requireNonNull(folder, "folder");
    List<Figure> figures = figures();
    List<Path> written = new ArrayList<>();
    for (Figure f : figures) {
      written.add(ChartFiles.writePng(f.chart(), folder.resolve(f.relativePath())));
    }
    Path page = folder.resolve(PAGE);
    RunReport.writePage(page, render(figures));
    LOG.info("wrote comparison '{}' of {} runs to {}", title, runs.size(), page);
    return new ReportFiles(page, written, Optional.empty());
  }

  /** The page's HTML, with figures referenced under {@code figures/}. */
  public String toHtml() {
    return render(figures());
  }

  private List<Figure> figures() {
    List<Figure> figures = new ArrayList<>();
    List<HeadlineMetric> metrics = metrics();
    if (!metrics.isEmpty()) {
      HeadlineMetric main = metrics.get(0);
      Map<String, Double> values = new LinkedHashMap<>();
      runs.forEach(r -> values.put(r.name(), r.headline().getOrDefault(main, Double.NaN)));
      if (values.values().stream().anyMatch(v -> !v.isNaN())) {
        figures.add(
            new Figure(
                "headline-" + Html.slug(main.key()),
                main.displayName() + " of each run" + (main.higherIsBetter() ? " (higher is better)" : " (lower is better)") + ".",
                RunBarCharts.of(main.displayName() + " by run", main.displayName(), values, ChartSize.DEFAULT)));
      }
    }
    List<RunCurves> curves = new ArrayList<>();
    runs.forEach(r -> r.curves().ifPresent(curves::add));
    if (!curves.isEmpty()) {
      Set<String> seriesNames = new LinkedHashSet<>(CurveCharts.commonSeriesNames(curves));
      for (String series : seriesNames) {
        figures.add(
            new Figure(
                "compare-" + Html.slug(series),
                series + " per epoch, one line per run.",
                CurveCharts.comparison(curves, series, ChartSize.DEFAULT)));
      }
    }
    return figures;
  }

  private String render(List<Figure> figures) {
    Html html = new Html(title);
    html.heading(1, title);
    if (!description.isBlank()) {
      html.paragraph(description);
    }
    html.meta(runs.size() + " runs compared");
    List<HeadlineMetric> metrics = metrics();
    if (!metrics.isEmpty()) {
      html.heading(2, "Results");
      List<String> header = new ArrayList<>();
      header.add("run");
      metrics.forEach(m -> header.add(m.displayName()));
      Map<HeadlineMetric, Optional<String>> best = new LinkedHashMap<>();
      metrics.forEach(m -> best.put(m, best(m)));
      List<List<String>> rows = new ArrayList<>();
      for (ComparedRun run : runs) {
        List<String> cells = new ArrayList<>();
        cells.add(
            run.link().isPresent()
                ? Html.htmlCell(Html.link(run.link().get(), run.name()))
                : Html.cell(run.name()));
        for (HeadlineMetric m : metrics) {
          Double value = run.headline().get(m);
          String text = value == null ? "" : m.format(value);
          boolean isBest = best.get(m).map(run.name()::equals).orElse(false);
          cells.add(isBest ? Html.cellWithClass("best", text) : Html.numberCell(text));
        }
        rows.add(cells);
      }
      html.table("The best run of each column is highlighted.", header, rows);
    }
    for (Figure f : figures) {
      if (f.name().startsWith("headline-")) {
        html.figure(f.relativePath(), f.caption(), f.caption(), f.width());
      }
    }
    boolean curvesShown = false;
    for (Figure f : figures) {
      if (f.name().startsWith("compare-")) {
        if (!curvesShown) {
          html.heading(2, "Training curves");
          curvesShown = true;
        }
        html.figure(f.relativePath(), f.caption(), f.caption(), f.width());
      }
    }
    return html.finish();
  }
}

package io.github.metart.eval.evaluation;

import static java.util.Objects.requireNonNull;

import io.github.metart.eval.analysis.Breakdown;
import io.github.metart.eval.analysis.GroupScore;
import io.github.metart.eval.analysis.LargeYearError;
import io.github.metart.eval.analysis.Measure;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * {@code report.md}: an {@link EvaluationReport} for people, in GitHub-flavoured Markdown. Long
 * lists are cut (the cut is stated); {@code predictions.csv} and {@code metrics.json} hold
 * everything.
 */
final class MarkdownReport {

  /** How many misclassified objects or largest year errors are listed. */
  public static final int MAX_OBJECTS = 50;

  /** How many groups of each breakdown are listed. */
  public static final int MAX_GROUPS = 15;

  /** Up to this many classes the confusion matrix is written as a table. */
  public static final int MAX_MATRIX_CLASSES = 30;

  private MarkdownReport() {}

  /** The report as Markdown text. */
  public static String render(EvaluationReport report) {
    requireNonNull(report, "report");
    StringBuilder md = new StringBuilder();
    md.append("# Evaluation of ").append(cell(report.model())).append(" on the ")
        .append(cell(report.split())).append(" split\n\n");
    md.append(report.result().count()).append(" objects, ").append(report.result().kind())
        .append(".\n\n");
    md.append("## Headline\n\n| metric | value |\n| --- | ---: |\n");
    for (Map.Entry<HeadlineMetric, Double> e : report.headline().entrySet()) {
      md.append("| ").append(e.getKey().displayName()).append(" | ")
          .append(e.getKey().format(e.getValue())).append(" |\n");
    }
    md.append('\n');
    if (report.result() instanceof ClassificationResult c) {
      classification(md, c);
    } else if (report.result() instanceof YearResult y) {
      year(md, y);
    }
    return md.toString();
  }

  /**
   * Writes the report's Markdown, creating parent folders.
   *
   * @return {@code file}
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static Path write(EvaluationReport report, Path file) {
    requireNonNull(file, "file");
    String text = render(report);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static void classification(StringBuilder md, ClassificationResult result) {
    ClassificationMetrics m = result.metrics();
    md.append("## Per class\n\n")
        .append("| label | support | predicted | precision | recall | F1 |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (ClassMetrics c : m.perClass()) {
      md.append("| ").append(cell(c.label())).append(" | ").append(c.support()).append(" | ")
          .append(c.predictedCount()).append(" | ").append(Formats.ratio(c.precision()))
          .append(" | ").append(Formats.ratio(c.recall())).append(" | ")
          .append(Formats.ratio(c.f1())).append(" |\n");
    }
    md.append('\n');

    List<Confusion> top = result.topConfusions(10);
    md.append("## Most frequent confusions\n\n");
    if (top.isEmpty()) {
      md.append("None: every object was classified right.\n\n");
    } else {
      for (int i = 0; i < top.size(); i++) {
        md.append(i + 1).append(". ").append(cell(top.get(i).toString())).append('\n');
      }
      md.append('\n');
    }

    ConfusionMatrix matrix = result.confusion();
    md.append("## Confusion matrix (").append(matrix.orientation().describe()).append(")\n\n");
    if (matrix.size() > MAX_MATRIX_CLASSES) {
      md.append(matrix.size()).append(" classes are too many for a table here: see `metrics.json`.\n\n");
    } else {
      md.append("Each cell: the count and, in brackets, its share of the column (")
          .append(matrix.orientation().describeColumnShares())
          .append(").\n\n");
      md.append("| ").append(matrix.orientation().rows()).append(" \\\\ ")
          .append(matrix.orientation().columns()).append(" |");
      for (String label : matrix.labels()) {
        md.append(' ').append(cell(label)).append(" |");
      }
      md.append("\n| ---").append(" | ---:".repeat(matrix.size())).append(" |\n");
      for (int row = 0; row < matrix.size(); row++) {
        md.append("| **").append(cell(matrix.labels().get(row))).append("** |");
        for (int column = 0; column < matrix.size(); column++) {
          String text = Formats.countWithShare(matrix.cell(row, column), matrix.columnShare(row, column));
          md.append(' ').append(row == column ? "**" + text + "**" : text).append(" |");
        }
        md.append('\n');
      }
      md.append('\n');
    }

    breakdowns(md, result.breakdowns());

    List<Misclassified> wrong = result.misclassified();
    md.append("## Misclassified objects\n\n");
    if (wrong.isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    md.append(shown(wrong.size(), "misclassified objects", "most confident mistakes first"));
    md.append("| Object ID | actual | predicted | confidence | department | classification | object name | title |\n")
        .append("| --- | --- | --- | ---: | --- | --- | --- | --- |\n");
    for (Misclassified miss : wrong.subList(0, Math.min(MAX_OBJECTS, wrong.size()))) {
      ObjectMetadata o = miss.object();
      md.append("| ").append(link(o)).append(" | ").append(cell(miss.actual())).append(" | ")
          .append(cell(miss.predicted())).append(" | ").append(Formats.share(miss.confidence()))
          .append(" | ").append(metadata(o)).append(" |\n");
    }
    md.append('\n');
  }

  private static void year(StringBuilder md, YearResult result) {
    YearMetrics m = result.metrics();
    md.append("## Year errors beside the baseline\n\n")
        .append("The baseline always guesses ").append(Formats.calendarYear(m.baselineGuess().year()))
        .append(" (").append(cell(m.baselineGuess().describe())).append(").\n\n")
        .append("| | model | baseline |\n| --- | ---: | ---: |\n");
    row(md, "mean year error", m.model(), m.baseline(), s -> Formats.years(s.meanYearError()));
    row(md, "median year error", m.model(), m.baseline(), s -> Formats.years(s.medianYearError()));
    row(md, "RMSE (years)", m.model(), m.baseline(), s -> Formats.years(s.rootMeanSquaredError()));
    row(md, "mean signed error (years)", m.model(), m.baseline(), s -> Formats.years(s.meanSignedError()));
    row(md, "within ±25 years", m.model(), m.baseline(), s -> Formats.share(s.within25()));
    row(md, "within ±50 years", m.model(), m.baseline(), s -> Formats.share(s.within50()));
    row(md, "inside the object's date", m.model(), m.baseline(), s -> Formats.share(s.insideInterval()));
    row(md, "mean error to the object's date (years)", m.model(), m.baseline(), s -> Formats.years(s.meanIntervalError()));
    md.append('\n');
    double improvement = m.improvementOverBaseline();
    if (!Double.isNaN(improvement)) {
      md.append("The model's mean year error is ").append(Formats.share(Math.abs(improvement)))
          .append(improvement >= 0 ? " smaller" : " larger").append(" than the baseline's.\n\n");
    }

    breakdowns(md, result.breakdowns());

    List<LargeYearError> largest = result.largestErrors();
    md.append("## Largest year errors\n\n");
    if (largest.isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    md.append(shown(largest.size(), "objects with the largest errors", "largest first"));
    md.append("| Object ID | actual | predicted | error (years) | date | department | classification | object name | title |\n")
        .append("| --- | ---: | ---: | ---: | --- | --- | --- | --- | --- |\n");
    for (LargeYearError e : largest.subList(0, Math.min(MAX_OBJECTS, largest.size()))) {
      YearOutcome p = e.prediction();
      md.append("| ").append(link(p.object())).append(" | ")
          .append(Formats.calendarYear(p.actualYear())).append(" | ")
          .append(Formats.calendarYear(p.predictedYear())).append(" | ")
          .append(Formats.years(p.error())).append(" | ")
          .append(Formats.calendarYear(p.intervalBegin())).append("–")
          .append(Formats.calendarYear(p.intervalEnd())).append(" | ")
          .append(metadata(p.object())).append(" |\n");
    }
    md.append('\n');
  }

  private static void row(
      StringBuilder md,
      String name,
      YearErrorStats model,
      YearErrorStats baseline,
      java.util.function.Function<YearErrorStats, String> value) {
    md.append("| ").append(name).append(" | ").append(value.apply(model)).append(" | ")
        .append(value.apply(baseline)).append(" |\n");
  }

  private static void breakdowns(StringBuilder md, List<Breakdown> breakdowns) {
    for (Breakdown b : breakdowns) {
      DoubleFunction<String> format =
          b.measure() == Measure.ACCURACY ? Formats::share : Formats::years;
      md.append("## ").append(capitalized(b.measure().displayName())).append(" by ")
          .append(b.field().displayName()).append("\n\n");
      md.append(shown(b.groups().size(), "groups", "largest first", MAX_GROUPS));
      md.append("| ").append(b.field().displayName()).append(" | objects | ")
          .append(b.measure().displayName()).append(" |\n| --- | ---: | ---: |\n");
      for (GroupScore g : b.largest(MAX_GROUPS)) {
        md.append("| ").append(cell(g.group())).append(" | ").append(g.count()).append(" | ")
            .append(format.apply(g.value())).append(" |\n");
      }
      md.append('\n');
    }
  }

  private static String shown(int total, String what, String order) {
    return shown(total, what, order, MAX_OBJECTS);
  }

  private static String shown(int total, String what, String order, int limit) {
    return total <= limit
        ? total + " " + what + ", " + order + ".\n\n"
        : "The first " + limit + " of " + total + " " + what + ", " + order + " (all in `metrics.json`"
            + " and `predictions.csv`).\n\n";
  }

  private static String link(ObjectMetadata o) {
    return "[" + o.objectId() + "](" + o.metUrl() + ")";
  }

  private static String metadata(ObjectMetadata o) {
    return cell(o.department()) + " | " + cell(o.classification()) + " | " + cell(o.objectName())
        + " | " + cell(o.title());
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Text made safe for a Markdown table cell: pipes escaped, line breaks flattened. */
  static String cell(String text) {
    return text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("\r\n", " ")
        .replace('\n', ' ')
        .replace('\r', ' ')
        .replace("<", "&lt;");
  }
}

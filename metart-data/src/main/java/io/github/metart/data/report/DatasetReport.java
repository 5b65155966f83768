package io.github.metart.data.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.csv.MetCsvReader;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.csv.ReadReport;
import io.github.metart.data.culture.CultureDecision;
import io.github.metart.data.culture.CultureNormalizer;
import io.github.metart.data.dates.YearResolver;
import io.github.metart.data.dates.YearSource;
import io.github.metart.data.files.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code MetObjects.csv} holds for the labeling tasks: rows read and skipped (with reasons),
 * distinct raw and normalized cultures, counts per label, a year histogram, period counts, where
 * year intervals came from, and how often the Met's Object Begin/End Date columns disagree with the
 * parsed Object Date. {@link #toText(int)} renders it for people; the record components are the
 * data the eval module plots; {@link #toJson()} writes both for files.
 *
 * <p>Collect one over a whole file with {@link #collect(Path)} or, while doing other work, with a
 * {@link ReportCollector}.
 *
 * @param read the read report (rows read and skipped, with lines and reasons)
 * @param rowsConsidered the rows the statistics cover (all rows read, or those a recipe's filters
 *     kept)
 * @param distinctRawCultures the number of distinct non-blank raw Culture values
 * @param cultureOutcomes how many rows each kind of culture decision got
 * @param labelCounts rows per culture label, most frequent first
 * @param unlabeledCultures the most frequent raw Culture values that got no label (ambiguous,
 *     unknown, no culture), most frequent first
 * @param broadLabels which of the labels are broad (european, islamic, ...)
 * @param yearSources rows per source of their year interval
 * @param yearHistogram rows per bin of the middle of their year interval
 * @param dates the Object Date parser against the Met's begin/end columns
 * @param periodCounts rows per normalized period label, most frequent first
 * @param distinctRawPeriods the number of distinct non-blank raw Period values
 */
public record DatasetReport(
    ReadReport read,
    long rowsConsidered,
    long distinctRawCultures,
    Map<CultureDecision.Outcome, Long> cultureOutcomes,
    List<LabelCount> labelCounts,
    List<LabelCount> unlabeledCultures,
    List<String> broadLabels,
    Map<YearSource, Long> yearSources,
    YearHistogram yearHistogram,
    DateAgreement dates,
    List<LabelCount> periodCounts,
    long distinctRawPeriods) {

  /**
   * How the parsed Object Date compares with the Met's Object Begin/End Date columns.
   *
   * @param withText rows with a non-blank Object Date
   * @param parsed rows whose Object Date parses
   * @param withColumns rows whose begin/end columns are filled and not {@code 0,0}
   * @param both rows with both a parsed date and columns
   * @param agree rows of {@code both} whose two ends agree within {@code tolerance} years
   * @param tolerance the tolerance in years
   * @param columnsMissingTextParsed rows whose columns are missing or {@code 0,0} while the text
   *     parses (the parser fills these in)
   */
  public record DateAgreement(
      long withText, long parsed, long withColumns, long both, long agree, int tolerance,
      long columnsMissingTextParsed) {

    /** Rows of {@code both} that disagree. */
    public long disagree() {
      return both - agree;
    }

    /** The share of {@code both} that agrees, 0..1 (0 when there are none). */
    public double agreementShare() {
      return both == 0 ? 0 : agree / (double) both;
    }
  }

  /** Copies the collections. */
  public DatasetReport {
    requireNonNull(read, "read");
    cultureOutcomes = Collections.unmodifiableMap(new EnumMap<>(cultureOutcomes));
    labelCounts = List.copyOf(labelCounts);
    unlabeledCultures = List.copyOf(unlabeledCultures);
    broadLabels = List.copyOf(broadLabels);
    yearSources = Collections.unmodifiableMap(new EnumMap<>(yearSources));
    requireNonNull(yearHistogram, "yearHistogram");
    requireNonNull(dates, "dates");
    periodCounts = List.copyOf(periodCounts);
  }

  /** The report of a whole file, read leniently, with the default normalizers and 50-year bins. */
  public static DatasetReport collect(Path csv) throws IOException {
    return collect(csv, MetCsvFormat.DEFAULT, CultureNormalizer.defaults(), YearResolver.defaults(), 50);
  }

  /** The report of a whole file with the given format, normalizers and histogram bin width. */
  public static DatasetReport collect(
      Path csv, MetCsvFormat format, CultureNormalizer cultures, YearResolver years, int binWidth)
      throws IOException {
    ReportCollector collector = new ReportCollector(cultures, years, binWidth);
    try (MetCsvReader reader = format.open(csv)) {
      for (MetObject object : reader) {
        collector.add(object);
      }
      return collector.report(reader.report());
    }
  }

  /**
   * The report as text, beginning with {@code rows read: N} and {@code rows skipped: M} (then up to
   * {@code skippedLimit} skipped rows with line and reason), then cultures, years, dates and periods.
   */
  public String toText(int skippedLimit) {
    StringBuilder out = new StringBuilder();
    out.append(read.toText(skippedLimit));
    out.append("physical lines: ").append(read.lines()).append('\n');
    out.append("rows considered: ").append(rowsConsidered).append('\n');
    out.append('\n');
    out.append("culture\n");
    out.append("  distinct raw values: ").append(distinctRawCultures).append('\n');
    out.append("  distinct labels: ").append(labelCounts.size()).append('\n');
    out.append("  outcomes:");
    cultureOutcomes.forEach((k, v) -> out.append(' ').append(k.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .append(' ').append(v).append(';'));
    trimSemicolon(out);
    out.append("  rows per label (").append(labelCounts.size()).append(" labels, most frequent first; * broad):\n");
    for (LabelCount c : labelCounts) {
      out.append(String.format(Locale.ROOT, "    %8d  %s%s%n", c.count(), c.label(),
          broadLabels.contains(c.label()) ? " *" : ""));
    }
    if (!unlabeledCultures.isEmpty()) {
      out.append("  most frequent values without a label:\n");
      for (LabelCount c : unlabeledCultures) {
        out.append(String.format(Locale.ROOT, "    %8d  %s%n", c.count(), c.label()));
      }
    }
    out.append('\n');
    out.append("years\n");
    out.append("  interval source:");
    yearSources.forEach((k, v) -> out.append(' ').append(k.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(' ').append(v).append(';'));
    trimSemicolon(out);
    out.append("  histogram of interval midpoints (").append(yearHistogram.binWidth()).append("-year bins):\n");
    long max = yearHistogram.counts().values().stream().mapToLong(Long::longValue).max().orElse(1);
    yearHistogram.counts().forEach((start, count) -> out.append(String.format(Locale.ROOT,
        "    %6d..%-6d %8d  %s%n", start, start + yearHistogram.binWidth() - 1, count,
        "#".repeat((int) Math.ceil(40.0 * count / max)))));
    out.append('\n');
    out.append("dates\n");
    out.append("  object date given: ").append(dates.withText())
        .append("; parsed: ").append(dates.parsed())
        .append("; unparsed: ").append(dates.withText() - dates.parsed()).append('\n');
    out.append("  begin/end columns given (not 0,0): ").append(dates.withColumns()).append('\n');
    out.append("  columns missing or 0,0, filled in by the parser: ")
        .append(dates.columnsMissingTextParsed()).append('\n');
    out.append(String.format(Locale.ROOT,
        "  date agreement: %d of %d rows with both agree within ±%d years on both ends (%.2f%%); %d disagree%n",
        dates.agree(), dates.both(), dates.tolerance(), 100 * dates.agreementShare(), dates.disagree()));
    out.append('\n');
    out.append("periods\n");
    out.append("  distinct raw values: ").append(distinctRawPeriods).append('\n');
    out.append("  rows per period (most frequent first):\n");
    for (LabelCount c : periodCounts) {
      out.append(String.format(Locale.ROOT, "    %8d  %s%n", c.count(), c.label()));
    }
    return out.toString();
  }

  private static void trimSemicolon(StringBuilder out) {
    if (out.charAt(out.length() - 1) == ';') {
      out.setLength(out.length() - 1);
    }
    out.append('\n');
  }

  /** The report as a JSON object (pretty-printed), for {@code report.json}. */
  public String toJson() {
    try {
      return JsonFiles.mapper().writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  /** The JSON form (bound by Jackson databind): skip reasons by description, other enums by lowercase id. */
  @JsonValue
  File toFile() {
    Map<String, Long> reasons = new LinkedHashMap<>();
    read.skippedByReason().forEach((k, v) -> reasons.put(k.description(), v));
    Map<String, Long> outcomes = new LinkedHashMap<>();
    cultureOutcomes.forEach((k, v) -> outcomes.put(k.name().toLowerCase(Locale.ROOT), v));
    Map<String, Long> sources = new LinkedHashMap<>();
    yearSources.forEach((k, v) -> sources.put(JsonFiles.id(k), v));
    return new File(
        new File.Read(read.file(), read.rowsRead(), read.rowsSkipped(), read.lines(), read.bytes(), read.sha256(), reasons,
            read.skipped().stream().map(s -> new File.Skipped(s.line(), s.endLine(), s.reason().description(), s.detail())).toList()),
        rowsConsidered,
        new File.Culture(distinctRawCultures, outcomes, labelCounts, unlabeledCultures, broadLabels),
        new File.Years(sources, yearHistogram.binWidth(),
            yearHistogram.counts().entrySet().stream().map(e -> new File.Bin(e.getKey(), e.getValue())).toList()),
        new File.Dates(dates.withText(), dates.parsed(), dates.withColumns(), dates.both(), dates.agree(), dates.disagree(),
            dates.tolerance(), dates.agreementShare(), dates.columnsMissingTextParsed()),
        new File.Periods(distinctRawPeriods, periodCounts));
  }

  record File(Read read, long rowsConsidered, Culture culture, Years years, Dates dates, Periods periods) {
    record Read(String file, long rowsRead, long rowsSkipped, long lines, long bytes, String sha256,
        Map<String, Long> skippedByReason, List<Skipped> skipped) {}

    record Skipped(long line, long endLine, String reason, String detail) {}

    record Culture(long distinctRawValues, Map<String, Long> outcomes, List<LabelCount> labels,
        List<LabelCount> unlabeled, List<String> broadLabels) {}

    record Years(Map<String, Long> sources, int binWidth, List<Bin> histogram) {}

    record Bin(int start, long count) {}

    record Dates(long withText, long parsed, long withColumns, long both, long agree, long disagree, int tolerance,
        double agreementShare, long columnsMissingTextParsed) {}

    record Periods(long distinctRawValues, List<LabelCount> labels) {}
  }

  static List<LabelCount> sorted(Map<String, Long> counts, int limit) {
    List<LabelCount> list = new ArrayList<>();
    counts.forEach((k, v) -> list.add(new LabelCount(k, v)));
    list.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.label().compareTo(b.label()));
    return list.size() > limit ? list.subList(0, limit) : list;
  }
}

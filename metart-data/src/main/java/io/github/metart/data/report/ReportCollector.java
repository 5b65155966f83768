package io.github.metart.data.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.csv.MetObject;
import io.github.metart.data.csv.ReadReport;
import io.github.metart.data.culture.CultureDecision;
import io.github.metart.data.culture.CultureNormalizer;
import io.github.metart.data.dates.Period;
import io.github.metart.data.dates.PeriodNormalizer;
import io.github.metart.data.dates.ResolvedYears;
import io.github.metart.data.dates.YearResolver;
import io.github.metart.data.dates.YearSource;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Accumulates a {@link DatasetReport} one object at a time (not thread-safe). Distinct raw values
 * are counted exactly; memory grows with the number of distinct Culture and Period values, not with
 * the number of rows.
 */
public final class ReportCollector {

  private static final int UNLABELED_SHOWN = 25;

  private final CultureNormalizer cultures;
  private final YearResolver years;
  private final PeriodNormalizer periods;
  private final int binWidth;
  private long rows;
  private final Map<String, Long> rawCultures = new HashMap<>();
  private final Map<String, Long> rawPeriods = new HashMap<>();
  private final Map<String, Long> labels = new HashMap<>();
  private final Map<CultureDecision.Outcome, Long> outcomes = new EnumMap<>(CultureDecision.Outcome.class);
  private final Map<YearSource, Long> sources = new EnumMap<>(YearSource.class);
  private final Map<Integer, Long> histogram = new TreeMap<>();
  private long withText;
  private long parsed;
  private long withColumns;
  private long both;
  private long agree;
  private long filledIn;

  /**
   * A collector.
   *
   * @param cultures the culture normalizer whose labels are counted
   * @param years the year resolver whose intervals and agreement are counted
   * @param binWidth the year histogram's bin width
   */
  public ReportCollector(CultureNormalizer cultures, YearResolver years, int binWidth) {
    checkArgument(binWidth >= 1, "binWidth must be >= 1, got %s", binWidth);
    this.cultures = requireNonNull(cultures, "cultures");
    this.years = requireNonNull(years, "years");
    this.periods = years.periods();
    this.binWidth = binWidth;
  }

  /** Adds one object, normalizing its Culture and resolving its years. */
  public void add(MetObject object) {
    add(object, cultures.explain(object.culture()), years.resolve(object));
  }

  /** Adds one object whose culture decision and years are already known. */
  public void add(MetObject object, CultureDecision culture, ResolvedYears resolved) {
    rows++;
    if (!object.culture().isBlank()) {
      rawCultures.merge(object.culture(), 1L, Long::sum);
    }
    outcomes.merge(culture.outcome(), 1L, Long::sum);
    culture.label().ifPresent(l -> labels.merge(l, 1L, Long::sum));
    sources.merge(resolved.source(), 1L, Long::sum);
    resolved.years().ifPresent(r -> histogram.merge(YearHistogram.binStart(r.midpoint(), binWidth), 1L, Long::sum));
    if (!object.objectDate().isBlank()) {
      withText++;
    }
    if (resolved.parsed().isPresent()) {
      parsed++;
    }
    if (resolved.columns().isPresent()) {
      withColumns++;
    }
    if (resolved.parsed().isPresent() && resolved.columns().isPresent()) {
      both++;
      if (resolved.parsed().get().agreesWith(resolved.columns().get(), years.tolerance())) {
        agree++;
      }
    }
    if (resolved.parsed().isPresent() && resolved.columns().isEmpty()) {
      filledIn++;
    }
    if (!object.period().isBlank()) {
      rawPeriods.merge(object.period(), 1L, Long::sum);
    }
  }

  /** The rows added so far. */
  public long rows() {
    return rows;
  }

  /** The report of everything added, with the read report of the file. */
  public DatasetReport report(ReadReport read) {
    Map<String, Long> unlabeled = new HashMap<>();
    rawCultures.forEach((raw, count) -> {
      if (cultures.explain(raw).label().isEmpty()) {
        unlabeled.put(raw, count);
      }
    });
    Map<String, Long> periodLabels = new HashMap<>();
    rawPeriods.forEach((raw, count) -> {
      Optional<Period> p = periods.normalize(raw);
      periodLabels.merge(p.map(Period::label).orElse("(unknown) " + raw), count, Long::sum);
    });
    List<LabelCount> labelCounts = DatasetReport.sorted(labels, Integer.MAX_VALUE);
    List<String> broad = labelCounts.stream().map(LabelCount::label).filter(cultures::isBroad).toList();
    return new DatasetReport(
        read,
        rows,
        rawCultures.size(),
        outcomes,
        labelCounts,
        DatasetReport.sorted(unlabeled, UNLABELED_SHOWN),
        broad,
        sources,
        new YearHistogram(binWidth, histogram),
        new DatasetReport.DateAgreement(withText, parsed, withColumns, both, agree, years.tolerance(), filledIn),
        DatasetReport.sorted(periodLabels, Integer.MAX_VALUE),
        rawPeriods.size());
  }

}

package io.github.metart.data.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.csv.MetObject;
import io.github.metart.data.culture.CultureNormalizer;
import io.github.metart.data.dates.ResolvedYears;
import io.github.metart.data.dates.YearRange;
import java.io.IOException;

/**
 * The year task's recipe: objects whose year interval lies inside {@code [minYear, maxYear]} (and is
 * at most {@link #maxSpan(int)} wide), one year label each (a seeded uniform draw from the interval
 * by default, or its middle), balanced and split per bin of {@link #binWidth(int)} years. The
 * target of an object is its year normalized over the range.
 */
public final class YearDatasetBuilder extends DatasetBuilder<YearDatasetBuilder> {

  private final int minYear;
  private final int maxYear;
  private int binWidth = 50;
  private int minPerBin = 1;
  private Integer maxPerBin;
  private Integer maxSpan;
  private YearLabeling labeling = YearLabeling.UNIFORM;

  YearDatasetBuilder(MetDataset source, int minYear, int maxYear) {
    super(source);
    checkArgument(minYear < maxYear, "the year range needs min < max, got %s..%s", minYear, maxYear);
    this.minYear = minYear;
    this.maxYear = maxYear;
  }

  /** The width of the bins objects are balanced and split in (default 50 years). */
  public YearDatasetBuilder binWidth(int years) {
    checkArgument(years >= 1, "binWidth must be at least 1 year, got %s", years);
    checkArgument(
        years <= maxYear - minYear,
        "binWidth %s is wider than the range %s..%s",
        years,
        minYear,
        maxYear);
    this.binWidth = years;
    return this;
  }

  /** Each bin keeps at most {@code count} objects, chosen at random with the seed (default: all). */
  public YearDatasetBuilder perBin(int count) {
    checkArgument(count >= 1, "perBin must be at least 1 object, got %s", count);
    this.maxPerBin = count;
    return this;
  }

  /** Bins with fewer objects are left out (default 1). */
  public YearDatasetBuilder minPerBin(int count) {
    checkArgument(count >= 1, "minPerBin must be at least 1, got %s", count);
    this.minPerBin = count;
    return this;
  }

  /**
   * Objects whose interval is wider than {@code years} ({@code end - begin}) are left out: "3rd–12th
   * century" says too little about a year (default: no limit).
   */
  public YearDatasetBuilder maxSpan(int years) {
    checkArgument(years >= 0, "maxSpan must be >= 0 years, got %s", years);
    this.maxSpan = years;
    return this;
  }

  /** How an interval becomes one year (default {@link YearLabeling#UNIFORM}). */
  public YearDatasetBuilder labeling(YearLabeling value) {
    this.labeling = requireNonNull(value, "labeling");
    return this;
  }

  /** The middle of the interval as the year label. */
  public YearDatasetBuilder midpoint() {
    return labeling(YearLabeling.MIDPOINT);
  }

  @Override
  public DatasetSplits build() throws IOException {
    checkArgument(
        maxPerBin == null || maxPerBin >= minPerBin,
        "perBin (%s) must be at least minPerBin (%s)",
        maxPerBin,
        minPerBin);
    Recipe.YearSettings settings =
        new Recipe.YearSettings(minYear, maxYear, binWidth, minPerBin, maxPerBin, maxSpan, labeling);
    Recipe recipe =
        new Recipe(Task.YEAR, seed, split, recipeFilters(), recipeDates(), null, settings);
    YearRange range = new YearRange(minYear, maxYear);
    DatasetAssembler.Labeler labeler =
        new DatasetAssembler.Labeler() {
          @Override
          public String label(MetObject object, ResolvedYears years, DatasetAssembler.Outcome outcome) {
            if (years.years().isEmpty()) {
              outcome.leftOut("no year interval");
              return null;
            }
            YearRange interval = years.years().get();
            if (maxSpan != null && interval.span() > maxSpan) {
              outcome.leftOut("interval wider than maxSpan " + maxSpan);
              return null;
            }
            if (!range.contains(interval)) {
              outcome.leftOut("interval not inside " + minYear + ".." + maxYear);
              return null;
            }
            return "";
          }

          @Override
          public boolean hasYearLabel() {
            return true;
          }
        };
    return new DatasetAssembler(
            this, recipe, CultureNormalizer.defaults(), labeler, minPerBin, maxPerBin, settings)
        .build();
  }
}

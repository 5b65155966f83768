package io.github.metart.data.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.culture.AmbiguityPolicy;
import io.github.metart.data.dates.YearPolicy;
import java.util.List;

/**
 * Everything that decided which objects a dataset holds and how they were labeled and split: stored
 * in {@code manifest.json} so that a result can be reproduced or verified. Built by the fluent
 * dataset builders ({@code MetDataset}); exactly one of {@code culture} and {@code year} is set,
 * matching {@code task}.
 *
 * @param task the task
 * @param seed the seed of every random choice (balancing, splitting, year draws)
 * @param split the train:validation:test proportions, applied per label or year bin
 * @param filters which rows were considered at all
 * @param dates how year intervals were established
 * @param culture the culture task's settings, {@code null} for the year task
 * @param year the year task's settings, {@code null} for the culture task
 */
public record Recipe(
    Task task,
    long seed,
    SplitRatio split,
    Filters filters,
    Dates dates,
    CultureSettings culture,
    YearSettings year) {

  /** Checks that the settings match the task. */
  public Recipe {
    requireNonNull(task, "task");
    requireNonNull(split, "split");
    requireNonNull(filters, "filters");
    requireNonNull(dates, "dates");
    checkArgument(
        task.hasCultures() == (culture != null) && task.hasYears() == (year != null),
        "a %s recipe needs exactly the %s settings",
        task.id(),
        task.hasCultures() && task.hasYears() ? "culture and year" : task.id());
  }

  /**
   * Which rows are considered.
   *
   * @param publicDomainOnly only rows with Is Public Domain = True
   * @param departments only these Departments (exact names); empty for all
   * @param classifications only these Classifications (exact names); empty for all
   * @param custom descriptions of further filters given as code, e.g. {@code has an image}
   */
  public record Filters(
      boolean publicDomainOnly,
      List<String> departments,
      List<String> classifications,
      List<String> custom) {

    /** Copies the lists. */
    public Filters {
      departments = List.copyOf(departments);
      classifications = List.copyOf(classifications);
      custom = List.copyOf(custom);
    }

    /** No filter at all. */
    public static Filters none() {
      return new Filters(false, List.of(), List.of(), List.of());
    }
  }

  /**
   * How year intervals are established (for both tasks: culture objects keep their intervals too).
   *
   * @param policy which source is trusted first
   * @param usePeriod whether the Period timeline fills in when neither date source gives years
   */
  public record Dates(YearPolicy policy, boolean usePeriod) {

    /** Checks the policy. */
    public Dates {
      requireNonNull(policy, "policy");
    }

    /** Prefer the Met's columns, parse Object Date where they are missing, then the Period. */
    public static Dates defaults() {
      return new Dates(YearPolicy.PREFER_COLUMNS, true);
    }
  }

  /**
   * The culture task's settings.
   *
   * @param source the column(s) the raw culture comes from
   * @param rules a description of the culture rules in use (built-in or a file, with its SHA-256)
   * @param ambiguity what happens to values naming several cultures
   * @param keepUnknown whether a culture no rule knows becomes its own label
   * @param exclude labels left out, e.g. {@code european}
   * @param excludeBroad whether labels the rules mark as broad (european, islamic, ...) are left out
   * @param minPerLabel labels with fewer objects are left out
   * @param maxPerLabel each label is balanced to at most this many objects; {@code null} for no cap
   */
  public record CultureSettings(
      CultureSource source,
      String rules,
      AmbiguityPolicy ambiguity,
      boolean keepUnknown,
      List<String> exclude,
      boolean excludeBroad,
      int minPerLabel,
      Integer maxPerLabel) {

    /** Validates the counts and copies the list. */
    public CultureSettings {
      requireNonNull(source, "source");
      requireNonNull(rules, "rules");
      requireNonNull(ambiguity, "ambiguity");
      exclude = List.copyOf(exclude);
      checkArgument(minPerLabel >= 1, "minPerLabel must be at least 1, got %s", minPerLabel);
      checkArgument(
          maxPerLabel == null || maxPerLabel >= minPerLabel,
          "maxPerLabel (%s) must be at least minPerLabel (%s)",
          maxPerLabel,
          minPerLabel);
    }
  }

  /**
   * The year task's settings.
   *
   * @param minYear the first year of the range (normalized target 0)
   * @param maxYear the last year of the range (normalized target 1)
   * @param binWidth the width of the bins objects are balanced and split in
   * @param minPerBin bins with fewer objects are left out
   * @param maxPerBin each bin is balanced to at most this many objects; {@code null} for no cap
   * @param maxSpan objects whose interval is wider ({@code end - begin}) are left out; {@code null}
   *     for no limit
   * @param labeling how an interval becomes one year
   */
  public record YearSettings(
      int minYear,
      int maxYear,
      int binWidth,
      int minPerBin,
      Integer maxPerBin,
      Integer maxSpan,
      YearLabeling labeling) {

    /** Validates the range, the bins and the counts. */
    public YearSettings {
      checkArgument(minYear < maxYear, "the year range needs min < max, got %s..%s", minYear, maxYear);
      checkArgument(binWidth >= 1, "binWidth must be at least 1, got %s", binWidth);
      checkArgument(minPerBin >= 1, "minPerBin must be at least 1, got %s", minPerBin);
      checkArgument(
          maxPerBin == null || maxPerBin >= minPerBin,
          "maxPerBin (%s) must be at least minPerBin (%s)",
          maxPerBin,
          minPerBin);
      checkArgument(maxSpan == null || maxSpan >= 0, "maxSpan must be >= 0, got %s", maxSpan);
      requireNonNull(labeling, "labeling");
    }

    /**
     * The number of bins covering {@code [minYear, maxYear]}: {@code (maxYear - minYear) / binWidth},
     * at least 1; the last bin also holds the years up to {@code maxYear} (1500..1900 by 50 gives
     * eight bins, the last 1850-1900).
     */
    public int binCount() {
      return Math.max(1, (maxYear - minYear) / binWidth);
    }

    /** The bin index of a year in the range. */
    public int binOf(int year) {
      checkArgument(
          year >= minYear && year <= maxYear, "year %s outside %s..%s", year, minYear, maxYear);
      return Math.min((year - minYear) / binWidth, binCount() - 1);
    }

    /** The label of a bin: {@code 1850-1899} (the last bin ends at {@code maxYear}). */
    public String binLabel(int bin) {
      checkArgument(bin >= 0 && bin < binCount(), "bin %s out of range 0..%s", bin, binCount() - 1);
      int begin = minYear + bin * binWidth;
      int end = bin == binCount() - 1 ? maxYear : begin + binWidth - 1;
      return begin + "-" + end;
    }
  }
}

package io.github.metart.data.dates;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.csv.MetObject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides each object's year interval from the three sources the Met gives: the Object Begin/End
 * Date columns, the free-text Object Date and the Period.
 *
 * <p>By default ({@link YearPolicy#PREFER_COLUMNS}) the columns are used where they are
 * <em>plausible</em>: filled, not the {@code 0,0} the Met writes for "unknown", ordered, within
 * years -1,000,000..{@value ObjectDates#MAX_YEAR}, and — when the Object Date parses — overlapping
 * the parsed interval widened by the tolerance (so that a typing error such as {@code 2,2} for
 * "second half 16th century" is not taken). The parsed Object Date fills in where the columns are
 * not plausible; the Period's interval (see {@link PeriodNormalizer}) where neither gives years.
 * Every result says which source it used and whether columns and text disagree by more than the
 * tolerance (counted in the dataset report).
 *
 * <p>Instances are immutable and thread-safe; parses of repeated texts are cached.
 */
public final class YearResolver {

  /** The default tolerance, in years, on each end. */
  public static final int DEFAULT_TOLERANCE = 25;

  private static final int CACHE_LIMIT = 200_000;

  private final YearPolicy policy;
  private final boolean usePeriod;
  private final int tolerance;
  private final PeriodNormalizer periods;
  private final Map<String, Optional<YearRange>> dateCache = new ConcurrentHashMap<>();
  private final Map<String, Optional<YearRange>> periodCache = new ConcurrentHashMap<>();

  private YearResolver(YearPolicy policy, boolean usePeriod, int tolerance, PeriodNormalizer periods) {
    this.policy = policy;
    this.usePeriod = usePeriod;
    this.tolerance = tolerance;
    this.periods = periods;
  }

  /** Prefer plausible columns, then the parsed Object Date, then the Period; tolerance 25 years. */
  public static YearResolver defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policy in use. */
  public YearPolicy policy() {
    return policy;
  }

  /** Whether the Period fills in. */
  public boolean usesPeriod() {
    return usePeriod;
  }

  /** The period normalizer that fills in. */
  public PeriodNormalizer periods() {
    return periods;
  }

  /** The tolerance in years. */
  public int tolerance() {
    return tolerance;
  }

  /** The interval of one object, with its source and the evidence. */
  public ResolvedYears resolve(MetObject object) {
    Optional<YearRange> parsed = parseDate(object.objectDate());
    Optional<YearRange> columns = object.metYears().filter(YearResolver::inBounds);
    boolean disagree =
        columns.isPresent() && parsed.isPresent() && !parsed.get().agreesWith(columns.get(), tolerance);
    boolean columnsPlausible =
        columns.isPresent()
            && (parsed.isEmpty() || columns.get().overlaps(parsed.get().widen(tolerance)));
    Optional<YearRange> years = Optional.empty();
    YearSource source = YearSource.NONE;
    switch (policy) {
      case PREFER_COLUMNS -> {
        if (columnsPlausible) {
          years = columns;
          source = YearSource.COLUMNS;
        } else if (parsed.isPresent()) {
          years = parsed;
          source = YearSource.OBJECT_DATE;
        }
      }
      case PREFER_OBJECT_DATE -> {
        if (parsed.isPresent()) {
          years = parsed;
          source = YearSource.OBJECT_DATE;
        } else if (columns.isPresent()) {
          years = columns;
          source = YearSource.COLUMNS;
        }
      }
      case COLUMNS_ONLY -> {
        if (columnsPlausible) {
          years = columns;
          source = YearSource.COLUMNS;
        }
      }
      case OBJECT_DATE_ONLY -> {
        if (parsed.isPresent()) {
          years = parsed;
          source = YearSource.OBJECT_DATE;
        }
      }
      default -> throw new IllegalStateException(policy.toString());
    }
    if (years.isEmpty() && usePeriod) {
      Optional<YearRange> period = periodYears(object.period());
      if (period.isPresent()) {
        years = period;
        source = YearSource.PERIOD;
      }
    }
    return new ResolvedYears(years, source, columns, parsed, disagree);
  }

  /** The parsed Object Date (cached). */
  public Optional<YearRange> parseDate(String objectDate) {
    if (objectDate.isBlank()) {
      return Optional.empty();
    }
    return cached(dateCache, objectDate, ObjectDates::parse);
  }

  /** The Period's interval (cached). */
  public Optional<YearRange> periodYears(String period) {
    if (period.isBlank()) {
      return Optional.empty();
    }
    return cached(periodCache, period, p -> periods.normalize(p).map(Period::years));
  }

  private static Optional<YearRange> cached(
      Map<String, Optional<YearRange>> cache,
      String key,
      java.util.function.Function<String, Optional<YearRange>> compute) {
    Optional<YearRange> hit = cache.get(key);
    if (hit != null) {
      return hit;
    }
    Optional<YearRange> value = compute.apply(key);
    if (cache.size() < CACHE_LIMIT) {
      cache.put(key, value);
    }
    return value;
  }

  private static boolean inBounds(YearRange r) {
    return r.begin() >= -1_000_000 && r.end() <= ObjectDates.MAX_YEAR;
  }

  @Override
  public String toString() {
    return "YearResolver[" + policy + ", period " + usePeriod + ", tolerance " + tolerance + "]";
  }

  /** Configures a {@link YearResolver}. */
  public static final class Builder {
    private YearPolicy policy = YearPolicy.PREFER_COLUMNS;
    private boolean usePeriod = true;
    private int tolerance = DEFAULT_TOLERANCE;
    private PeriodNormalizer periods = PeriodNormalizer.defaults();

    private Builder() {}

    /** Which source is trusted first (default {@link YearPolicy#PREFER_COLUMNS}). */
    public Builder policy(YearPolicy value) {
      this.policy = requireNonNull(value, "policy");
      return this;
    }

    /** Whether the Period fills in when neither date source gives years (default true). */
    public Builder usePeriod(boolean value) {
      this.usePeriod = value;
      return this;
    }

    /** Years by which columns and parsed text may differ on each end (default 25). */
    public Builder tolerance(int years) {
      checkArgument(years >= 0, "tolerance must be >= 0 years, got %s", years);
      this.tolerance = years;
      return this;
    }

    /** The period normalizer (default: the built-in timeline). */
    public Builder periods(PeriodNormalizer value) {
      this.periods = requireNonNull(value, "periods");
      return this;
    }

    /** The resolver. */
    public YearResolver build() {
      return new YearResolver(policy, usePeriod, tolerance, periods);
    }
  }
}

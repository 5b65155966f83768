package io.github.metart.data.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.csv.MetObject;
import io.github.metart.data.culture.AmbiguityPolicy;
import io.github.metart.data.culture.CultureDecision;
import io.github.metart.data.culture.CultureNormalizer;
import io.github.metart.data.culture.CultureRules;
import io.github.metart.data.dates.ResolvedYears;
import io.github.metart.data.dates.YearRange;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The culture task's recipe: which labels qualify (minimum count, exclusions), how many objects each
 * keeps (balance), and how the raw culture becomes a label ({@link CultureNormalizer}). Labels are
 * ordered alphabetically; the target of an object is its label's index.
 */
public final class CultureDatasetBuilder extends DatasetBuilder<CultureDatasetBuilder> {

  private CultureRules rules = CultureRules.defaults();
  private AmbiguityPolicy ambiguity = AmbiguityPolicy.NO_LABEL;
  private boolean keepUnknown = true;
  private CultureSource cultureSource = CultureSource.CULTURE;
  private final Set<String> exclude = new LinkedHashSet<>();
  private boolean excludeBroad;
  private int minPerLabel = 1;
  private Integer maxPerLabel;
  private YearRange yearRange;
  private Integer maxSpan;
  private YearLabeling labeling = YearLabeling.UNIFORM;

  CultureDatasetBuilder(MetDataset source) {
    super(source);
  }

  /** Labels with fewer objects (after the filters) are left out (default 1). */
  public CultureDatasetBuilder minPerLabel(int count) {
    checkArgument(count >= 1, "minPerLabel must be at least 1, got %s", count);
    this.minPerLabel = count;
    return this;
  }

  /** Each label keeps at most {@code count} objects, chosen at random with the seed (default: all). */
  public CultureDatasetBuilder balance(int count) {
    checkArgument(count >= 1, "balance must be at least 1 object per label, got %s", count);
    this.maxPerLabel = count;
    return this;
  }

  /** Leaves these labels out, e.g. {@code exclude("european")}; adds to earlier calls. */
  public CultureDatasetBuilder exclude(String... labels) {
    return exclude(Arrays.asList(labels));
  }

  /** Leaves these labels out; adds to earlier calls. */
  public CultureDatasetBuilder exclude(Collection<String> labels) {
    for (String label : labels) {
      checkArgument(label != null && !label.isBlank(), "an excluded label must not be blank");
      exclude.add(CultureRules.key(label));
    }
    return this;
  }

  /** Leaves out every label the rules mark as broad (european, islamic, african, ...). */
  public CultureDatasetBuilder excludeBroad() {
    this.excludeBroad = true;
    return this;
  }

  /** The culture rules (default: the built-in {@code culture-rules.txt}). */
  public CultureDatasetBuilder rules(CultureRules value) {
    this.rules = requireNonNull(value, "rules");
    return this;
  }

  /** What values naming several cultures get (default {@link AmbiguityPolicy#NO_LABEL}). */
  public CultureDatasetBuilder ambiguity(AmbiguityPolicy value) {
    this.ambiguity = requireNonNull(value, "ambiguity");
    return this;
  }

  /** Whether a culture no rule knows becomes its own label (default true). */
  public CultureDatasetBuilder keepUnknown(boolean value) {
    this.keepUnknown = value;
    return this;
  }

  /** Where the raw culture comes from (default {@link CultureSource#CULTURE}). */
  public CultureDatasetBuilder source(CultureSource value) {
    this.cultureSource = requireNonNull(value, "source");
    return this;
  }

  /**
   * Culture and year together ({@link Task#CULTURE_YEAR}, for a model with two heads): only objects
   * whose year interval lies inside {@code [minYear, maxYear]} are kept, each with a year label
   * drawn from its interval as the year task does ({@link #yearLabeling}). Balance and splits stay
   * per culture label.
   */
  public CultureDatasetBuilder withYears(int minYear, int maxYear) {
    checkArgument(minYear < maxYear, "the year range needs min < max, got %s..%s", minYear, maxYear);
    this.yearRange = new YearRange(minYear, maxYear);
    return this;
  }

  /**
   * With {@link #withYears}: objects whose interval is wider than {@code years} ({@code end -
   * begin}) are left out (default: no limit).
   */
  public CultureDatasetBuilder maxSpan(int years) {
    checkArgument(years >= 0, "maxSpan must be >= 0 years, got %s", years);
    this.maxSpan = years;
    return this;
  }

  /** With {@link #withYears}: how an interval becomes one year (default {@link YearLabeling#UNIFORM}). */
  public CultureDatasetBuilder yearLabeling(YearLabeling value) {
    this.labeling = requireNonNull(value, "labeling");
    return this;
  }

  @Override
  public DatasetSplits build() throws IOException {
    checkArgument(
        yearRange != null || maxSpan == null,
        "maxSpan applies to culture and year together: set the year range (withYears) too");
    checkArgument(
        maxPerLabel == null || maxPerLabel >= minPerLabel,
        "balance (%s) must be at least minPerLabel (%s): a label cannot keep fewer objects than it"
            + " needs to qualify",
        maxPerLabel,
        minPerLabel);
    CultureNormalizer normalizer =
        CultureNormalizer.builder().rules(rules).ambiguity(ambiguity).keepUnknown(keepUnknown).build();
    Recipe.YearSettings yearSettings =
        yearRange == null
            ? null
            : new Recipe.YearSettings(
                yearRange.begin(), yearRange.end(), yearRange.span(), 1, null, maxSpan, labeling);
    Recipe recipe =
        new Recipe(
            yearRange == null ? Task.CULTURE : Task.CULTURE_YEAR,
            seed,
            split,
            recipeFilters(),
            recipeDates(),
            new Recipe.CultureSettings(
                cultureSource,
                rules.description(),
                ambiguity,
                keepUnknown,
                java.util.List.copyOf(exclude),
                excludeBroad,
                minPerLabel,
                maxPerLabel),
            yearSettings);
    long[] blankWithNationality = {0};
    DatasetAssembler.Labeler labeler =
        new DatasetAssembler.Labeler() {
          @Override
          public String label(MetObject object, ResolvedYears years, DatasetAssembler.Outcome outcome) {
            String text = object.culture();
            if (text.isBlank() && !object.artistNationality().isBlank()) {
              if (cultureSource == CultureSource.CULTURE_OR_ARTIST_NATIONALITY) {
                text = object.artistNationality();
              } else {
                blankWithNationality[0]++;
              }
            }
            CultureDecision decision = normalizer.explain(text);
            if (decision.label().isEmpty()) {
              outcome.leftOut("no culture label (" + decision.outcome().name().toLowerCase(java.util.Locale.ROOT)
                  .replace('_', ' ') + ")");
              return null;
            }
            String label = decision.label().get();
            if (exclude.contains(label)) {
              outcome.leftOut("label excluded by the recipe");
              outcome.droppedLabel(label, "excluded by the recipe");
              return null;
            }
            if (excludeBroad && normalizer.isBroad(label)) {
              outcome.leftOut("broad label excluded by the recipe");
              outcome.droppedLabel(label, "broad, excluded by the recipe");
              return null;
            }
            if (yearRange != null) {
              if (years.years().isEmpty()) {
                outcome.leftOut("no year interval");
                return null;
              }
              YearRange interval = years.years().get();
              if (maxSpan != null && interval.span() > maxSpan) {
                outcome.leftOut("interval wider than maxSpan " + maxSpan);
                return null;
              }
              if (!yearRange.contains(interval)) {
                outcome.leftOut("interval not inside " + yearRange);
                return null;
              }
            }
            return label;
          }

          @Override
          public boolean hasYearLabel() {
            return false;
          }
        };
    DatasetSplits splits =
        new DatasetAssembler(this, recipe, normalizer, labeler, minPerLabel, maxPerLabel, yearSettings)
            .build();
    if (splits.labels().size() < 2) {
      throw new IllegalArgumentException(tooFewLabels(splits, blankWithNationality[0]));
    }
    return splits;
  }

  /**
   * Why a culture dataset with fewer than two labels is refused (a classifier needs two), and the
   * likely remedy: the Met leaves Culture blank for most European paintings and names the artist's
   * nationality instead.
   */
  private String tooFewLabels(DatasetSplits splits, long blankWithNationality) {
    String found =
        splits.labels().isEmpty()
            ? "no culture label qualifies"
            : "only one culture label qualifies (" + splits.labels().get(0) + ")";
    String message =
        found + " with at least " + minPerLabel + " objects; a culture dataset needs at least two";
    if (blankWithNationality > 0) {
      message +=
          "; "
              + blankWithNationality
              + " objects have an empty Culture but an Artist Nationality: use the source"
              + " CULTURE_OR_ARTIST_NATIONALITY (--culture-source culture-or-artist-nationality)";
    } else {
      message += " (lower the minimum per label, or use a larger or broader collection)";
    }
    return message;
  }
}

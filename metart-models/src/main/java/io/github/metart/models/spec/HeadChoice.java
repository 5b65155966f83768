package io.github.metart.models.spec;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which head a model gets for its data: the data's own ({@link Kind#AUTO}: a classifier over the
 * culture labels, a direct year regression over the year range) or a classifier over year bins.
 * Written {@code auto}, {@code direct} or {@code binned:N}.
 *
 * @param kind the kind of head
 * @param bins the number of year bins for {@link Kind#BINNED}, else 0
 */
public record HeadChoice(Kind kind, int bins) {

  /** The kinds of head. */
  public enum Kind {
    /** The data's own head: a classifier for culture, a direct regression for years. */
    AUTO,
    /** A direct regression of the normalized year (year data only). */
    DIRECT,
    /** A classifier over equal-width year bins whose prediction is the expected year (year data only). */
    BINNED
  }

  /** The data's own head. */
  public static final HeadChoice AUTO = new HeadChoice(Kind.AUTO, 0);

  /** A direct year regression. */
  public static final HeadChoice DIRECT = new HeadChoice(Kind.DIRECT, 0);

  /** Validates the bins. */
  public HeadChoice {
    checkArgument(kind != null, "the head kind is missing");
    checkArgument(
        kind == Kind.BINNED ? bins >= 2 && bins <= HeadSpec.MAX_BINS : bins == 0,
        "a binned year head needs 2 to %s bins, other heads none; got %s with %s bins",
        HeadSpec.MAX_BINS,
        kind,
        bins);
  }

  /** A binned year head. */
  public static HeadChoice binned(int bins) {
    return new HeadChoice(Kind.BINNED, bins);
  }

  /**
   * Parses {@code auto}, {@code direct} (also {@code regression}) or {@code binned:N}.
   *
   * @throws IllegalArgumentException saying what is allowed
   */
  @JsonCreator
  public static HeadChoice parse(String text) {
    String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    switch (value) {
      case "auto":
        return AUTO;
      case "direct":
      case "regression":
        return DIRECT;
      default:
        break;
    }
    if (value.startsWith("binned:")) {
      try {
        return binned(Integer.parseInt(value.substring("binned:".length())));
      } catch (NumberFormatException e) {
        // the message below says what is allowed
      }
    }
    throw new IllegalArgumentException(
        "unknown head '" + text + "': use auto, direct or binned:N (e.g. binned:8)");
  }

  /**
   * The head this choice gives for data whose own head is {@code dataHead} (a classifier over the
   * culture labels, or a year regression over the data's year range; for culture and year
   * together the choice applies to the year head).
   *
   * @param dataHead the data's own head
   * @param dataName the data's name for messages, e.g. its folder
   * @throws IllegalArgumentException when a year head is asked of culture data
   */
  public HeadSpec resolve(HeadSpec dataHead, String dataName) {
    if (kind == Kind.AUTO) {
      return dataHead;
    }
    if (dataHead instanceof HeadSpec.CultureYear both
        && both.year() instanceof HeadSpec.Regression bothYears) {
      return HeadSpec.cultureYear(both.culture(), resolve(bothYears, dataName));
    }
    if (!(dataHead instanceof HeadSpec.Regression years)) {
      throw new IllegalArgumentException(
          "the " + this + " head predicts years, but " + dataName + " holds culture data");
    }
    return kind == Kind.DIRECT ? years : HeadSpec.binnedYear(years.minYear(), years.maxYear(), bins);
  }

  /** {@code auto}, {@code direct} or {@code binned:N}. */
  @JsonValue
  @Override
  public String toString() {
    return kind == Kind.BINNED ? "binned:" + bins : kind.name().toLowerCase(Locale.ROOT);
  }
}

package io.github.metart.data.culture;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What {@link CultureNormalizer} decided for one raw Culture value, and why.
 *
 * @param raw the raw value, unchanged
 * @param label the label, when there is one
 * @param outcome the kind of decision
 * @param cultures the labels of every culture the value names, in the order named (several for an
 *     ambiguous value)
 * @param rule which rules fired, in words, e.g. {@code part 'german' of 'german, probably dresden':
 *     name 'german' -> german (culture-rules.txt:57)}
 */
public record CultureDecision(
    String raw, Optional<String> label, Outcome outcome, List<String> cultures, String rule) {

  /** The kinds of decision. */
  public enum Outcome {
    /** One culture: the label. */
    LABELED,
    /** Several cultures for one object: no label, or the first with {@link AmbiguityPolicy#FIRST}. */
    AMBIGUOUS,
    /** A culture no rule knows, kept as its own label (when the normalizer keeps unknown ones). */
    KEPT_UNKNOWN,
    /** A culture no rule knows: no label (when the normalizer drops unknown ones). */
    UNKNOWN,
    /** A value that names no culture ("unknown", a style, a market): no label. */
    NO_CULTURE,
    /** Blank: no label. */
    EMPTY
  }

  /** Copies the list and checks the fields. */
  public CultureDecision {
    requireNonNull(raw, "raw");
    requireNonNull(label, "label");
    requireNonNull(outcome, "outcome");
    cultures = List.copyOf(cultures);
    requireNonNull(rule, "rule");
  }

  /** {@code raw -> label (outcome): rule}. */
  @Override
  public String toString() {
    return "'" + raw + "' -> " + label.orElse("(no label)") + " [" + outcome.name().toLowerCase(java.util.Locale.ROOT)
        + "] " + rule;
  }
}

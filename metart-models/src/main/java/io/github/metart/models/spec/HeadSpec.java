package io.github.metart.models.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.google.common.base.Preconditions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The output layer of a model and what its outputs mean: class scores, a normalized year, or
 * scores over year bins. Targets follow the dataset convention: a class index, or the year
 * normalized to 0..1 over {@code [minYear, maxYear]}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HeadSpec.Classifier.class, name = "classifier"),
  @JsonSubTypes.Type(value = HeadSpec.Regression.class, name = "regression"),
  @JsonSubTypes.Type(value = HeadSpec.BinnedYear.class, name = "binned-year"),
  @JsonSubTypes.Type(value = HeadSpec.CultureYear.class, name = "culture+year")
})
public sealed interface HeadSpec {

  /** The largest number of classes a classifier accepts. */
  int MAX_CLASSES = 100_000;

  /** The largest number of year bins. */
  int MAX_BINS = 10_000;

  /** The number of output units of the head's linear layer. */
  @JsonIgnore
  int outputUnits();

  /** One line such as {@code classifier (15 classes)} or {@code regression (1500..1900)}. */
  String describe();

  /**
   * A classifier over {@code classes} unnamed classes (their names are the indices).
   *
   * @param classes the number of classes, at least 2
   */
  static Classifier classifier(int classes) {
    return new Classifier(classes, List.of());
  }

  /**
   * A classifier over the given labels, in target-index order.
   *
   * @param labels the class names: at least 2, unique, not blank
   */
  static Classifier classifier(List<String> labels) {
    Preconditions.checkArgument(labels != null, "labels must not be null");
    return new Classifier(labels.size(), labels);
  }

  /**
   * A regression head: one output trained on the year normalized to 0..1 over {@code [minYear,
   * maxYear]}.
   */
  static Regression regression(int minYear, int maxYear) {
    return new Regression(minYear, maxYear);
  }

  /**
   * A classifier over {@code bins} equal-width year bins covering {@code [minYear, maxYear]}; its
   * prediction is the expected year under the softmax.
   */
  static BinnedYear binnedYear(int minYear, int maxYear, int bins) {
    return new BinnedYear(minYear, maxYear, bins);
  }

  /**
   * Classification: one logit per class.
   *
   * @param classes the number of classes, 2 to {@value #MAX_CLASSES}
   * @param labels the class names in target-index order, or empty when the classes are unnamed
   */
  record Classifier(int classes, List<String> labels) implements HeadSpec {

    /** Validates the head. */
    public Classifier {
      Preconditions.checkArgument(
          classes >= 2 && classes <= MAX_CLASSES,
          "a classifier needs between 2 and %s classes, got %s",
          MAX_CLASSES,
          classes);
      labels = labels == null ? List.of() : List.copyOf(labels);
      Preconditions.checkArgument(
          labels.isEmpty() || labels.size() == classes,
          "a classifier over %s classes needs %s labels (or none), got %s",
          classes,
          classes,
          labels.size());
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < labels.size(); i++) {
        String label = labels.get(i);
        Preconditions.checkArgument(!label.isBlank(), "label %s is blank", i);
        Preconditions.checkArgument(seen.add(label), "label '%s' appears twice", label);
      }
    }

    @Override
    public int outputUnits() {
      return classes;
    }

    /** The name of class {@code index}: its label, or the index itself when unnamed. */
    public String label(int index) {
      Preconditions.checkElementIndex(index, classes, "class index");
      return labels.isEmpty() ? Integer.toString(index) : labels.get(index);
    }

    /** The names of all classes in index order (the indices when unnamed). */
    @JsonIgnore
    public List<String> names() {
      return labels.isEmpty()
          ? IntStream.range(0, classes).mapToObj(Integer::toString).toList()
          : labels;
    }

    @Override
    public String describe() {
      return "classifier (" + classes + " classes)";
    }
  }

  /**
   * Regression of the normalized year: one output, {@code 0} meaning {@code minYear} and {@code 1}
   * meaning {@code maxYear}.
   *
   * @param minYear the first year of the range (B.C. negative)
   * @param maxYear the last year of the range, after {@code minYear}
   */
  record Regression(int minYear, int maxYear) implements HeadSpec {

    /** Validates the head. */
    public Regression {
      checkRange(minYear, maxYear);
    }

    @Override
    public int outputUnits() {
      return 1;
    }

    @Override
    public String describe() {
      return "regression (" + minYear + ".." + maxYear + ")";
    }
  }

  /**
   * Classification over equal-width year bins: bin {@code i} covers normalized targets {@code [i /
   * bins, (i + 1) / bins)} (the last bin includes 1).
   *
   * @param minYear the first year of the range (B.C. negative)
   * @param maxYear the last year of the range, after {@code minYear}
   * @param bins the number of bins, from 2 to the number of years in the range
   */
  record BinnedYear(int minYear, int maxYear, int bins) implements HeadSpec {

    /** Validates the head. */
    public BinnedYear {
      checkRange(minYear, maxYear);
      long span = (long) maxYear - minYear;
      Preconditions.checkArgument(
          bins >= 2 && bins <= Math.min(span, MAX_BINS),
          "bins must be between 2 and %s (years in %s..%s, at most %s), got %s",
          Math.min(span, MAX_BINS),
          minYear,
          maxYear,
          MAX_BINS,
          bins);
    }

    @Override
    public int outputUnits() {
      return bins;
    }

    /** The width of one bin in years. */
    public double binWidth() {
      return ((double) maxYear - minYear) / bins;
    }

    @Override
    public String describe() {
      return "binned-year (" + minYear + ".." + maxYear + ", " + bins + " bins)";
    }
  }

  /**
   * Culture and year together: a classifier head and a year head (regression or binned) on one
   * backbone.
   */
  static CultureYear cultureYear(Classifier culture, HeadSpec year) {
    return new CultureYear(culture, year);
  }

  /**
   * Two heads on one backbone: culture classification and a year head. The head layer holds both
   * heads' units, the culture's {@code classes} logits first, then the year head's outputs; each
   * output unit has its own weights, so the two are independent linear heads over the same
   * features. Dataset labels are {@code [class index, year labels...]}.
   *
   * @param culture the culture classifier
   * @param year the year head: a {@link Regression} or a {@link BinnedYear}
   */
  record CultureYear(Classifier culture, HeadSpec year) implements HeadSpec {

    /** Validates the heads. */
    public CultureYear {
      Preconditions.checkArgument(culture != null, "the culture head is missing");
      Preconditions.checkArgument(
          year instanceof Regression || year instanceof BinnedYear,
          "the year head of culture+year must be a regression or binned-year head, got %s",
          year == null ? "none" : year.describe());
    }

    @Override
    public int outputUnits() {
      return culture.outputUnits() + year.outputUnits();
    }

    @Override
    public String describe() {
      return "culture+year (" + culture.describe() + " + " + year.describe() + ")";
    }
  }

  private static void checkRange(int minYear, int maxYear) {
    Preconditions.checkArgument(
        minYear < maxYear,
        "the year range needs minYear < maxYear, got %s..%s",
        minYear,
        maxYear);
  }
}

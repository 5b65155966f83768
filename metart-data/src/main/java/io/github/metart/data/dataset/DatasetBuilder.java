package io.github.metart.data.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.dates.YearPolicy;
import io.github.metart.data.dates.YearResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The settings both tasks share: seed, split, filters, how years are resolved, how the CSV is read.
 * Obtained from {@link MetDataset#culture()} or {@link MetDataset#year(int, int)}; every setter
 * returns the builder, {@link #build()} reads the input and returns the splits.
 *
 * @param <B> the concrete builder, so the fluent calls keep its type
 */
public abstract sealed class DatasetBuilder<B extends DatasetBuilder<B>>
    permits CultureDatasetBuilder, YearDatasetBuilder {

  final MetDataset source;
  long seed = 42;
  SplitRatio split = SplitRatio.DEFAULT;
  boolean publicDomainOnly;
  final Set<String> departments = new LinkedHashSet<>();
  final Set<String> classifications = new LinkedHashSet<>();
  final List<NamedFilter> filters = new ArrayList<>();
  YearPolicy yearPolicy = YearPolicy.PREFER_COLUMNS;
  boolean usePeriod = true;
  YearResolver resolver;
  MetCsvFormat format = MetCsvFormat.DEFAULT;
  int reportBinWidth = 50;

  /** A filter given as code, with the description recorded in the manifest. */
  record NamedFilter(String description, Predicate<MetObject> predicate, boolean images) {}

  DatasetBuilder(MetDataset source) {
    this.source = requireNonNull(source, "source");
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** The seed of every random choice: balancing, splitting, year draws (default 42). */
  public B seed(long value) {
    this.seed = value;
    return self();
  }

  /**
   * The train:validation:test proportions applied to every label or bin (default 800:100:100): a
   * label balanced to 1,000 objects gives exactly 800/100/100.
   */
  public B split(int train, int validation, int test) {
    this.split = new SplitRatio(train, validation, test);
    return self();
  }

  /** The split proportions. */
  public B split(SplitRatio ratio) {
    this.split = requireNonNull(ratio, "ratio");
    return self();
  }

  /** Only objects with Is Public Domain = True (the only ones whose images may be downloaded). */
  public B publicDomainOnly() {
    this.publicDomainOnly = true;
    return self();
  }

  /** Only objects of these Departments (exact names, e.g. {@code Asian Art}); adds to earlier calls. */
  public B departments(String... names) {
    return departments(Arrays.asList(names));
  }

  /** Only objects of these Departments (exact names); adds to earlier calls. */
  public B departments(Collection<String> names) {
    for (String name : names) {
      checkArgument(name != null && !name.isBlank(), "a department name must not be blank");
      departments.add(name.strip());
    }
    return self();
  }

  /** Only objects of these Classifications (exact names, e.g. {@code Paintings}); adds to earlier calls. */
  public B classifications(String... names) {
    return classifications(Arrays.asList(names));
  }

  /** Only objects of these Classifications (exact names); adds to earlier calls. */
  public B classifications(Collection<String> names) {
    for (String name : names) {
      checkArgument(name != null && !name.isBlank(), "a classification name must not be blank");
      classifications.add(name.strip());
    }
    return self();
  }

  /**
   * Only objects the predicate accepts. The description is recorded in the manifest (a predicate
   * cannot be), so make it say what the filter does, e.g. {@code "has an image in /data/met"}.
   */
  public B filter(String description, Predicate<MetObject> predicate) {
    checkArgument(description != null && !description.isBlank(), "a filter needs a description for the manifest");
    filters.add(new NamedFilter(description.strip(), requireNonNull(predicate, "predicate"), false));
    return self();
  }

  /**
   * Only objects whose Object ID is in {@code objectIds}, e.g. those with an image on disk. Replaces
   * the ids of an earlier call (other filters stay), so one builder can be built again for fewer
   * usable images.
   *
   * @param description what the ids are, for the manifest, e.g. {@code "has an image in DIR"}
   * @param objectIds the ids kept
   */
  public B withImages(String description, Set<Long> objectIds) {
    checkArgument(description != null && !description.isBlank(), "a filter needs a description for the manifest");
    Set<Long> ids = Set.copyOf(objectIds);
    filters.removeIf(NamedFilter::images);
    filters.add(new NamedFilter(description.strip() + " (" + ids.size() + " object ids)", o -> ids.contains(o.objectId()), true));
    return self();
  }

  /** Which year source is trusted first (default {@link YearPolicy#PREFER_COLUMNS}). */
  public B yearPolicy(YearPolicy policy) {
    this.yearPolicy = requireNonNull(policy, "policy");
    this.resolver = null;
    return self();
  }

  /** Whether the Period fills in when no date gives years (default true). */
  public B usePeriod(boolean value) {
    this.usePeriod = value;
    this.resolver = null;
    return self();
  }

  /** A fully configured year resolver (replaces {@link #yearPolicy} and {@link #usePeriod}). */
  public B years(YearResolver value) {
    this.resolver = requireNonNull(value, "resolver");
    this.yearPolicy = value.policy();
    this.usePeriod = value.usesPeriod();
    return self();
  }

  /** How the CSV is read (default lenient {@link MetCsvFormat#DEFAULT}; the SHA-256 is always computed). */
  public B format(MetCsvFormat value) {
    this.format = requireNonNull(value, "format");
    return self();
  }

  /** The bin width of the report's year histogram (default 50). */
  public B reportBinWidth(int years) {
    checkArgument(years >= 1, "reportBinWidth must be >= 1, got %s", years);
    this.reportBinWidth = years;
    return self();
  }

  /**
   * Reads the input, labels, filters, balances and splits it. Deterministic: the same input, recipe
   * and seed give the same splits (the same split hash). Throws {@link IOException} when the input
   * cannot be read, {@link io.github.metart.data.csv.MetCsvException} when it is not a usable
   * MetObjects.csv, {@link IllegalStateException} when no label qualifies.
   */
  public abstract DatasetSplits build() throws IOException;

  YearResolver resolver() {
    return resolver != null ? resolver : YearResolver.builder().policy(yearPolicy).usePeriod(usePeriod).build();
  }

  Recipe.Filters recipeFilters() {
    List<String> custom = filters.stream().map(NamedFilter::description).toList();
    return new Recipe.Filters(publicDomainOnly, List.copyOf(departments), List.copyOf(classifications), custom);
  }

  Recipe.Dates recipeDates() {
    return new Recipe.Dates(yearPolicy, usePeriod);
  }

  /** The reason a row is filtered out, or {@code null} when it passes every filter. */
  String filteredOut(MetObject o) {
    if (publicDomainOnly && !o.publicDomain()) {
      return "not public domain";
    }
    if (!departments.isEmpty() && !departments.contains(o.department())) {
      return "department not selected";
    }
    if (!classifications.isEmpty() && !classifications.contains(o.classification())) {
      return "classification not selected";
    }
    for (NamedFilter f : filters) {
      if (!f.predicate().test(o)) {
        return "filter: " + f.description();
      }
    }
    return null;
  }
}

package io.github.metart.data.dataset;

import io.github.metart.data.loading.SplitMix64;
import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.csv.MetCsvReader;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.csv.ReadReport;
import io.github.metart.data.culture.CultureNormalizer;
import io.github.metart.data.dates.ResolvedYears;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.dates.YearResolver;
import io.github.metart.data.dates.YearSource;
import io.github.metart.data.report.LabelCount;
import io.github.metart.data.report.ReportCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a dataset from a recipe in two streaming passes over a file (one over objects in memory):
 *
 * <ol>
 *   <li>every row: filters, years resolved, labeled (or left out with a reason), statistics for the
 *       report; a compact candidate (id, label, year, interval) is kept per labeled row;
 *   <li>per label (or year bin): labels below the minimum are dropped; candidates are ordered by a
 *       hash of the seed and their Object ID, the first {@code max} kept and divided train,
 *       validation, test by the split proportions (largest remainder);
 *   <li>a second pass over the file collects the raw values of the chosen objects only, and checks
 *       that the file's SHA-256 did not change in between.
 * </ol>
 *
 * <p>The order of an object within its label depends only on the seed and its own id, so the same
 * input and seed always give the same splits, and adding unrelated rows moves few objects.
 */
final class DatasetAssembler {

  private static final Logger LOG = LoggerFactory.getLogger(DatasetAssembler.class);

  /** Labels one row for a task. */
  interface Labeler {
    /**
     * The row's stratum label ({@code ""} for the year task, whose label is the year bin), or
     * {@code null} when it is left out (the reason reported through {@code outcome}).
     */
    String label(MetObject object, ResolvedYears years, Outcome outcome);

    /** Whether the task's label is a year (the year task). */
    boolean hasYearLabel();
  }

  /** Where a labeler reports why rows and labels are left out. */
  interface Outcome {
    void leftOut(String reason);

    void droppedLabel(String label, String why);
  }

  /** A labeled row, compact: the raw values are collected only for the chosen ones. */
  private record Candidate(long id, String label, int year, int begin, int end, YearSource source, long key) {}

  private final DatasetBuilder<?> builder;
  private final Recipe recipe;
  private final CultureNormalizer cultures;
  private final Labeler labeler;
  private final int min;
  private final Integer max;
  private final Recipe.YearSettings year;
  private final Map<String, Long> leftOut = new LinkedHashMap<>();
  private final Map<String, String> droppedLabels = new TreeMap<>();

  DatasetAssembler(
      DatasetBuilder<?> builder,
      Recipe recipe,
      CultureNormalizer cultures,
      Labeler labeler,
      int min,
      Integer max,
      Recipe.YearSettings year) {
    this.builder = builder;
    this.recipe = recipe;
    this.cultures = cultures;
    this.labeler = labeler;
    this.min = min;
    this.max = max;
    this.year = year;
  }

  DatasetSplits build() throws IOException {
    YearResolver resolver = builder.resolver();
    ReportCollector collector = new ReportCollector(cultures, resolver, builder.reportBinWidth);
    Map<String, List<Candidate>> byLabel = new HashMap<>();
    Outcome outcome =
        new Outcome() {
          @Override
          public void leftOut(String reason) {
            leftOut.merge(reason, 1L, Long::sum);
          }

          @Override
          public void droppedLabel(String label, String why) {
            droppedLabels.putIfAbsent(label, why);
          }
        };

    // pass 1: filter, resolve, label
    ReadReport read =
        pass(
            object -> {
              String filtered = builder.filteredOut(object);
              if (filtered != null) {
                outcome.leftOut(filtered);
                return;
              }
              ResolvedYears years = resolver.resolve(object);
              collector.add(object, cultures.explain(object.culture()), years);
              String label = labeler.label(object, years, outcome);
              if (label == null) {
                return;
              }
              long key = SplitMix64.mix(recipe.seed() ^ SplitMix64.mix(object.objectId()));
              int begin = years.years().map(YearRange::begin).orElse(0);
              int end = years.years().map(YearRange::end).orElse(0);
              int yearLabel = Integer.MIN_VALUE;
              if (years.years().isPresent()) {
                YearRange interval = years.years().get();
                yearLabel =
                    year != null && year.labeling() == YearLabeling.UNIFORM
                        ? interval.draw(new SplittableRandom(SplitMix64.mix(recipe.seed() * SplitMix64.GOLDEN + object.objectId())))
                        : interval.midpoint();
              }
              if (labeler.hasYearLabel()) {
                label = year.binLabel(year.binOf(yearLabel));
              }
              byLabel.computeIfAbsent(label, k -> new ArrayList<>())
                  .add(new Candidate(object.objectId(), label, yearLabel, begin, end, years.source(), key));
            });

    // per label: minimum, balance, split
    List<String> labels = new ArrayList<>();
    if (labeler.hasYearLabel()) {
      for (int bin = 0; bin < year.binCount(); bin++) {
        labels.add(year.binLabel(bin));
      }
    }
    List<LabelCount> candidateCounts = new ArrayList<>();
    byLabel.forEach((label, list) -> candidateCounts.add(new LabelCount(label, list.size())));
    candidateCounts.sort(Comparator.comparingLong(LabelCount::count).reversed().thenComparing(LabelCount::label));
    Map<Long, Split> chosen = new HashMap<>();
    Map<Long, Candidate> chosenCandidates = new HashMap<>();
    List<String> kept = new ArrayList<>();
    for (String label : new java.util.TreeSet<>(byLabel.keySet())) {
      List<Candidate> list = byLabel.get(label);
      if (list.size() < min) {
        droppedLabels.put(label, "fewer than the minimum " + min + " (" + list.size() + ")");
        leftOut.merge("label with fewer than " + min + " objects", (long) list.size(), Long::sum);
        continue;
      }
      kept.add(label);
      list.sort(Comparator.comparingLong(Candidate::key).thenComparingLong(Candidate::id));
      int take = max == null ? list.size() : Math.min(max, list.size());
      if (take < list.size()) {
        leftOut.merge("beyond the balance of " + max + " per label", (long) (list.size() - take), Long::sum);
      }
      int[] counts = recipe.split().allocate(take);
      int index = 0;
      for (Split split : Split.values()) {
        for (int i = 0; i < counts[split.ordinal()]; i++, index++) {
          Candidate c = list.get(index);
          chosen.put(c.id(), split);
          chosenCandidates.put(c.id(), c);
        }
      }
    }
    if (!labeler.hasYearLabel()) {
      labels.addAll(kept);
    }
    if (kept.isEmpty()) {
      throw new IllegalStateException(
          "no " + (labeler.hasYearLabel() ? "year bin" : "culture label") + " has at least " + min
              + " objects; the most frequent: "
              + candidateCounts.stream().limit(8).map(c -> c.label() + " " + c.count()).toList()
              + (candidateCounts.isEmpty() ? " (no row was labeled: " + leftOut + ")" : ""));
    }

    // pass 2: the raw values of the chosen objects
    Map<Split, List<LabeledObject>> splits = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      splits.put(split, new ArrayList<>());
    }
    ReadReport second =
        pass(
            object -> {
              Split split = chosen.get(object.objectId());
              if (split == null) {
                return;
              }
              Candidate c = chosenCandidates.get(object.objectId());
              splits.get(split).add(labeled(c, SourceValues.of(object)));
            });
    if (!second.sha256().equals(read.sha256())) {
      throw new IOException(
          read.file() + ": the file changed while the dataset was built (SHA-256 " + read.sha256()
              + " then " + second.sha256() + ")");
    }
    InputFile input =
        new InputFile(
            builder.source.description(),
            builder.source.csv() == null ? -1 : Files.size(builder.source.csv()),
            read.sha256(),
            read.rowsRead(),
            read.rowsSkipped());
    LOG.debug("{}: {} candidates in {} labels, {} chosen", input.name(), byLabel.size(), labels.size(), chosen.size());
    BuildReport report = new BuildReport(collector.report(read), leftOut, candidateCounts, droppedLabels);
    return DatasetSplits.create(recipe, input, labels, splits).withReport(report);
  }

  private static LabeledObject labeled(Candidate c, SourceValues values) {
    if (c.source() == YearSource.NONE) {
      return LabeledObject.withoutYears(c.id(), c.label(), values);
    }
    return new LabeledObject(
        c.id(),
        c.label(),
        OptionalInt.of(c.year()),
        Optional.of(new YearRange(c.begin(), c.end())),
        c.source(),
        values);
  }

  /** Streams every usable object of the source; returns the read report (with the SHA-256 of a file). */
  private ReadReport pass(Consumer<MetObject> each) throws IOException {
    MetDataset source = builder.source;
    if (source.csv() == null) {
      java.util.Set<Long> seen = new java.util.HashSet<>();
      for (MetObject object : source.objects()) {
        if (!seen.add(object.objectId())) {
          throw new IllegalArgumentException(
              source.description() + ": Object ID " + object.objectId() + " appears twice");
        }
        each.accept(object);
      }
      return new ReadReport(source.description(), source.objects().size(), 0, List.of(), Map.of(),
          0, 0, List.of(), 0, "");
    }
    MetCsvFormat format = builder.format.withSha256(true);
    try (MetCsvReader reader = format.open(source.csv())) {
      for (MetObject object : reader) {
        each.accept(object);
      }
      return reader.report();
    }
  }
}

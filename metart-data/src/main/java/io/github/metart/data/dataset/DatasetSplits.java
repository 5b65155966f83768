package io.github.metart.data.dataset;

import com.google.common.hash.Hashing;
import com.google.common.hash.Hasher;
import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.dates.YearRange;
import io.github.metart.data.provenance.LibraryVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A labeled dataset: three disjoint, immutable lists of {@link LabeledObject}s (train, validation,
 * test) with the {@link Manifest} that says how they were made, and the {@link Target} encoding
 * every module uses.
 *
 * <p>A dataset is written to and read from a prepared folder:
 *
 * <pre>
 * DIR/manifest.json
 * DIR/splits/train.csv, DIR/splits/validation.csv, DIR/splits/test.csv
 * DIR/report.txt and DIR/report.json, when the dataset carries a {@link BuildReport}
 * </pre>
 *
 * <p>{@link #read(Path)} verifies that the split files still match the manifest's counts and split
 * hash, so an edited folder is refused rather than silently trained on.
 */
public final class DatasetSplits {

  /** The folder of the split files inside a prepared folder. */
  public static final String SPLITS_DIR = "splits";

  /** The report's file names in a prepared folder. */
  public static final String REPORT_TXT = "report.txt";

  /** The machine-readable report's file name in a prepared folder. */
  public static final String REPORT_JSON = "report.json";

  private final Manifest manifest;
  private final Map<Split, List<LabeledObject>> splits;
  private final Target target;
  private final BuildReport report;

  private DatasetSplits(Manifest manifest, Map<Split, List<LabeledObject>> splits, BuildReport report) {
    this.manifest = manifest;
    this.splits = splits;
    this.target = manifest.target();
    this.report = report;
  }

  /**
   * Assembles a dataset from its splits: sorts each split by Object ID (the canonical order), checks
   * that no object appears twice (in one split or across splits), that every label is one of
   * {@code labels} and, for the year task, that every object has a year in the recipe's range; then
   * computes the counts and the split hash of the manifest.
   *
   * @param recipe the recipe that produced the splits
   * @param input the input file's identity
   * @param labels the ordered labels: culture classes (target = index) or year bins
   * @param splits the objects of each split; every split must be present (it may be empty)
   */
  public static DatasetSplits create(
      Recipe recipe, InputFile input, List<String> labels, Map<Split, List<LabeledObject>> splits) {
    requireNonNull(recipe, "recipe");
    requireNonNull(input, "input");
    List<String> labelList = List.copyOf(labels);
    Set<String> known = new HashSet<>(labelList);
    checkArgument(known.size() == labelList.size(), "labels must be distinct: %s", labelList);
    YearRange yearRange =
        recipe.year() == null
            ? null
            : new YearRange(recipe.year().minYear(), recipe.year().maxYear());
    Map<Long, Split> seen = new HashMap<>();
    EnumMap<Split, List<LabeledObject>> sorted = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      List<LabeledObject> objects = splits.get(split);
      checkArgument(objects != null, "the %s split is missing", split.id());
      List<LabeledObject> copy = new ArrayList<>(objects);
      copy.sort(Comparator.comparingLong(LabeledObject::objectId));
      for (LabeledObject o : copy) {
        Split previous = seen.put(o.objectId(), split);
        checkArgument(
            previous == null,
            "object %s appears in %s and %s: an object may be in one split only",
            o.objectId(),
            previous == null ? "" : previous.id(),
            split.id());
        checkArgument(
            known.contains(o.label()),
            "object %s has label '%s', which is not one of the dataset's labels %s",
            o.objectId(),
            o.label(),
            labelList);
        if (yearRange != null) {
          checkArgument(
              o.year().isPresent() && yearRange.contains(o.year().getAsInt()),
              "object %s: year %s outside the recipe's range %s",
              o.objectId(),
              o.year(),
              yearRange);
        }
      }
      sorted.put(split, Collections.unmodifiableList(copy));
    }
    Map<Split, Map<String, Integer>> counts = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      Map<String, Integer> perLabel = new LinkedHashMap<>();
      labelList.forEach(label -> perLabel.put(label, 0));
      for (LabeledObject o : sorted.get(split)) {
        perLabel.merge(o.label(), 1, Integer::sum);
      }
      counts.put(split, perLabel);
    }
    Manifest manifest =
        new Manifest(
            Manifest.FORMAT,
            recipe,
            input,
            labelList,
            yearRange,
            counts,
            splitHash(sorted),
            LibraryVersion.current(),
            null);
    return new DatasetSplits(manifest, Collections.unmodifiableMap(sorted), null);
  }

  /**
   * This dataset with the image side of its manifest set: the cache prepared for it and what the
   * preparation found (written into {@code manifest.json}).
   */
  public DatasetSplits withImages(ManifestImages images) {
    return new DatasetSplits(
        manifest.withImages(java.util.Objects.requireNonNull(images, "images")), splits, report);
  }

  /** This dataset with the report of how it was built (written as {@code report.txt}/{@code .json}). */
  public DatasetSplits withReport(BuildReport buildReport) {
    return new DatasetSplits(manifest, splits, java.util.Objects.requireNonNull(buildReport, "report"));
  }

  /** How the dataset was built, when it was built here (a dataset read from a folder has none). */
  public Optional<BuildReport> report() {
    return Optional.ofNullable(report);
  }

  /** The manifest: recipe, input, labels, counts, split hash, versions. */
  public Manifest manifest() {
    return manifest;
  }

  /** The task. */
  public Task task() {
    return manifest.task();
  }

  /** The target encoding (class index or normalized year). */
  public Target target() {
    return target;
  }

  /** The ordered labels (culture classes, or year bins). */
  public List<String> labels() {
    return manifest.labels();
  }

  /** The year task's {@code [minYear, maxYear]}; empty for the culture task. */
  public Optional<YearRange> yearRange() {
    return Optional.ofNullable(manifest.yearRange());
  }

  /** The objects of one split, sorted by Object ID. */
  public List<LabeledObject> get(Split split) {
    return splits.get(split);
  }

  /** The train split. */
  public List<LabeledObject> train() {
    return get(Split.TRAIN);
  }

  /** The validation split. */
  public List<LabeledObject> validation() {
    return get(Split.VALIDATION);
  }

  /** The test split. */
  public List<LabeledObject> test() {
    return get(Split.TEST);
  }

  /** The number of objects in all splits. */
  public int size() {
    return manifest.total();
  }

  /** The split hash recorded in the manifest. */
  public String splitHash() {
    return manifest.splitHash();
  }

  /** The target value of an object (see {@link Target#encode(LabeledObject)}). */
  public float encode(LabeledObject object) {
    return target.encode(object);
  }

  /**
   * Writes the prepared folder: {@code manifest.json} and {@code splits/*.csv}, creating the folder
   * when needed and replacing files of an earlier run.
   */
  public void write(Path dir) throws IOException {
    Path splitsDir = dir.resolve(SPLITS_DIR);
    Files.createDirectories(splitsDir);
    for (Split split : Split.values()) {
      SplitCsv.write(get(split), splitsDir.resolve(split.fileName()));
    }
    manifest.write(dir.resolve(Manifest.FILE_NAME));
    if (report != null) {
      Files.writeString(dir.resolve(REPORT_TXT), report.toText(manifest, 50), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(REPORT_JSON), report.toJson(manifest), StandardCharsets.UTF_8);
    }
  }

  /**
   * Reads a prepared folder written by {@link #write(Path)} and verifies it: the split files must
   * hold exactly the manifest's counts and split hash. Throws an {@link IOException} naming the file
   * when something is missing, broken or edited.
   */
  public static DatasetSplits read(Path dir) throws IOException {
    Path manifestFile = dir.resolve(Manifest.FILE_NAME);
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": no such folder (expected a folder written by metart prepare)");
    }
    Manifest manifest;
    try {
      manifest = Manifest.read(manifestFile);
    } catch (NoSuchFileException e) {
      throw new IOException(
          manifestFile + ": missing (is " + dir + " a folder written by metart prepare?)", e);
    }
    EnumMap<Split, List<LabeledObject>> splits = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      splits.put(split, SplitCsv.read(dir.resolve(SPLITS_DIR).resolve(split.fileName())));
    }
    DatasetSplits read;
    try {
      read = create(manifest.recipe(), manifest.input(), manifest.labels(), splits);
    } catch (IllegalArgumentException e) {
      throw new IOException(dir.resolve(SPLITS_DIR) + ": " + e.getMessage(), e);
    }
    for (Split split : Split.values()) {
      if (!read.manifest.counts().get(split).equals(manifest.counts().get(split))) {
        throw new IOException(
            dir.resolve(SPLITS_DIR).resolve(split.fileName())
                + ": counts per label differ from "
                + Manifest.FILE_NAME
                + " (the folder was changed after it was written)");
      }
    }
    if (!read.splitHash().equals(manifest.splitHash())) {
      throw new IOException(
          dir.resolve(SPLITS_DIR)
              + ": the split hash "
              + read.splitHash()
              + " differs from "
              + manifest.splitHash()
              + " in "
              + Manifest.FILE_NAME
              + " (the split files were changed after they were written)");
    }
    return new DatasetSplits(manifest, read.splits, null);
  }

  /**
   * SHA-256 (hex) over the canonical listing of the splits: for each split in order train,
   * validation, test and each object by Object ID, the line {@code
   * split<TAB>objectId<TAB>label<TAB>year<TAB>begin<TAB>end}. Two datasets with equal hashes put the
   * same objects in the same splits with the same labels.
   */
  static String splitHash(Map<Split, List<LabeledObject>> splits) {
    Hasher digest = Hashing.sha256().newHasher();
    StringBuilder line = new StringBuilder();
    for (Split split : Split.values()) {
      for (LabeledObject o : splits.get(split)) {
        line.setLength(0);
        line.append(split.id()).append('\t').append(o.objectId()).append('\t').append(o.label());
        line.append('\t').append(o.year().isPresent() ? Integer.toString(o.year().getAsInt()) : "");
        line.append('\t').append(o.years().map(r -> Integer.toString(r.begin())).orElse(""));
        line.append('\t').append(o.years().map(r -> Integer.toString(r.end())).orElse(""));
        line.append('\n');
        digest.putString(line, StandardCharsets.UTF_8);
      }
    }
    return digest.hash().toString();
  }

  @Override
  public String toString() {
    return "DatasetSplits["
        + task().id()
        + ", "
        + labels().size()
        + " labels, train "
        + train().size()
        + ", validation "
        + validation().size()
        + ", test "
        + test().size()
        + ", seed "
        + manifest.seed()
        + "]";
  }
}

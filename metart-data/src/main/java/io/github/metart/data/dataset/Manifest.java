package io.github.metart.data.dataset;

import com.google.common.io.MoreFiles;
import com.google.common.hash.Hashing;
import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.dates.YearRange;
import io.github.metart.data.provenance.LibraryVersion;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code manifest.json} of a prepared dataset: the recipe, the input file's SHA-256, the counts per
 * label per split, a hash of the split, the library version and, with images, the image cache — enough to reproduce a dataset or
 * verify that a folder is the one a result was computed on.
 *
 * @param format the manifest format, {@value #FORMAT}
 * @param recipe the recipe (task, seed, filters, settings)
 * @param input the input file's identity and row counts
 * @param labels the ordered labels: the culture classes (index = target) or the year bins
 * @param yearRange the year task's {@code [minYear, maxYear]}, {@code null} for the culture task
 * @param counts per split, the number of objects per label (every label listed, zeros included)
 * @param splitHash SHA-256 (hex) of the canonical listing of every split's objects, labels and
 *     years; see {@link DatasetSplits#splitHash()}
 * @param versions the metart and Java versions that wrote the dataset
 * @param images the image cache prepared for the splits and what its preparation found, {@code
 *     null} when the folder was prepared without images (or by a metart that did not record it)
 */
public record Manifest(
    String format,
    Recipe recipe,
    InputFile input,
    List<String> labels,
    YearRange yearRange,
    Map<Split, Map<String, Integer>> counts,
    String splitHash,
    LibraryVersion versions,
    ManifestImages images) {

  /** The current manifest format. */
  public static final String FORMAT = "metart-splits/1";

  /** The manifest's file name in a prepared folder. */
  public static final String FILE_NAME = "manifest.json";

  /** Validates and copies. */
  public Manifest {
    requireNonNull(format, "format");
    requireNonNull(recipe, "recipe");
    requireNonNull(input, "input");
    requireNonNull(splitHash, "splitHash");
    requireNonNull(versions, "versions");
    labels = List.copyOf(labels);
    checkArgument(
        recipe.task().hasYears() == (yearRange != null),
        "a %s manifest %s a year range",
        recipe.task().id(),
        recipe.task().hasYears() ? "needs" : "has no");
    EnumMap<Split, Map<String, Integer>> copy = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      Map<String, Integer> perLabel = counts.get(split);
      checkArgument(perLabel != null, "counts lack the %s split", split.id());
      copy.put(split, Collections.unmodifiableMap(new LinkedHashMap<>(perLabel)));
    }
    counts = Collections.unmodifiableMap(copy);
  }

  /** This manifest with the image side recorded (or removed with {@code null}). */
  public Manifest withImages(ManifestImages value) {
    return new Manifest(format, recipe, input, labels, yearRange, counts, splitHash, versions, value);
  }

  /** The image side, empty when the folder was prepared without images. */
  public Optional<ManifestImages> imagesSection() {
    return Optional.ofNullable(images);
  }

  /** The task of the recipe. */
  public Task task() {
    return recipe.task();
  }

  /** The seed of the recipe. */
  public long seed() {
    return recipe.seed();
  }

  /** The number of objects in one split. */
  public int total(Split split) {
    return counts.get(split).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The number of objects in all splits. */
  public int total() {
    int total = 0;
    for (Split split : Split.values()) {
      total += total(split);
    }
    return total;
  }

  /**
   * The target encoding of this dataset: class indices (culture, culture+year) or the normalized
   * year range (year).
   */
  public Target target() {
    return recipe.task().hasCultures() ? new CultureTarget(labels) : YearTarget.of(yearRange);
  }

  /** The year target of a task with years (year, culture+year), else empty. */
  public Optional<YearTarget> yearTarget() {
    return recipe.task().hasYears() ? Optional.of(YearTarget.of(yearRange)) : Optional.empty();
  }

  /** Writes this manifest as pretty-printed JSON. */
  public void write(Path file) throws IOException {
    ManifestJson.write(this, file);
  }

  /**
   * The SHA-256 (hex) of a manifest file's bytes: the identity of a prepared folder that
   * checkpoints, training runs and experiments record.
   *
   * @param file the {@code manifest.json} file
   * @throws IOException when the file cannot be read (the message names it)
   */
  public static String sha256(Path file) throws IOException {
    try {
      return MoreFiles.asByteSource(file).hash(Hashing.sha256()).toString();
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": missing (is " + file.getParent() + " a folder written by metart prepare?)", e);
    }
  }

  /**
   * Reads a manifest; throws an {@link IOException} naming the file and the field when it is not a
   * valid metart manifest.
   */
  public static Manifest read(Path file) throws IOException {
    return ManifestJson.read(file);
  }
}

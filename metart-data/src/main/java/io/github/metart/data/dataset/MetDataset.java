package io.github.metart.data.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.csv.MetObject;
import java.nio.file.Path;
import java.util.List;

/**
 * Where labeled datasets start: a {@code MetObjects.csv} file (or objects in memory) and a task.
 * The recipe reads like the classic one:
 *
 * <pre>{@code
 * DatasetSplits culture = MetDataset.fromCsv(path).culture()
 *     .minPerLabel(1000).exclude("european").balance(1000)
 *     .split(800, 100, 100).seed(42).build();
 *
 * DatasetSplits year = MetDataset.fromCsv(path).year(1500, 1900)
 *     .binWidth(50).perBin(1000).maxSpan(100)
 *     .split(800, 100, 100).seed(42).build();
 *
 * culture.write(Path.of("prepared/culture"));   // manifest.json, splits/*.csv, report.txt
 * }</pre>
 *
 * <p>Filters (public domain, departments, classifications, objects with an image, any predicate),
 * year resolution and the CSV format are set on the task builders ({@link DatasetBuilder}).
 */
public final class MetDataset {

  private final Path csv;
  private final List<MetObject> objects;
  private final String description;

  private MetDataset(Path csv, List<MetObject> objects, String description) {
    this.csv = csv;
    this.objects = objects;
    this.description = description;
  }

  /** A dataset read from a {@code MetObjects.csv}-format file (streamed, twice: see {@link DatasetBuilder#build()}). */
  public static MetDataset fromCsv(Path csv) {
    return new MetDataset(requireNonNull(csv, "csv"), null, csv.getFileName().toString());
  }

  /**
   * A dataset from objects already in memory (tests, notebooks, other sources).
   *
   * @param description what the objects are, recorded as the manifest's input name
   * @param objects the objects; each Object ID at most once
   */
  public static MetDataset fromObjects(String description, List<MetObject> objects) {
    checkArgument(description != null && !description.isBlank(), "describe the objects for the manifest");
    return new MetDataset(null, List.copyOf(objects), description.strip());
  }

  /** The culture classification task. */
  public CultureDatasetBuilder culture() {
    return new CultureDatasetBuilder(this);
  }

  /**
   * The year regression task over {@code [minYear, maxYear]} (B.C. negative): objects whose year
   * interval lies inside the range; the target is the year normalized over it.
   */
  public YearDatasetBuilder year(int minYear, int maxYear) {
    return new YearDatasetBuilder(this, minYear, maxYear);
  }

  /** The CSV file, or {@code null} for objects in memory. */
  Path csv() {
    return csv;
  }

  /** The objects in memory, or {@code null} for a file. */
  List<MetObject> objects() {
    return objects;
  }

  /** The input's name for the manifest. */
  String description() {
    return description;
  }

  @Override
  public String toString() {
    return "MetDataset[" + (csv != null ? csv : description + ", " + objects.size() + " objects") + "]";
  }
}

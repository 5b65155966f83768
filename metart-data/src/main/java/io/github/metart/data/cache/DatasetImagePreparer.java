package io.github.metart.data.cache;

import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.ManifestImages;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.ImageSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the images of a labeled dataset next to its splits ({@code <folder>/cache/<recipe
 * key>/}) and repairs the splits so that no near-duplicate group straddles train, validation and
 * test. What {@code metart prepare --images DIR} runs before it writes the splits; the returned
 * splits' manifest names the cache ({@link ManifestImages}).
 *
 * <p>Objects whose image could not be prepared stay in the splits (the quality report lists them);
 * datasets built from the folder leave them out ({@link
 * io.github.metart.data.loading.PreparedImageData}).
 */
public final class DatasetImagePreparer {

  /** The folder of caches inside a prepared folder. */
  public static final String CACHE_DIR = "cache";

  /** The order in which splits receive a straddling group on a tie: train first. */
  public static final List<Split> PREFERENCE = List.of(Split.TRAIN, Split.VALIDATION, Split.TEST);

  private static final Logger LOG = LoggerFactory.getLogger(DatasetImagePreparer.class);

  private DatasetImagePreparer() {}

  /**
   * The outcome: the repaired splits (to write), the cache preparation and the repair.
   *
   * @param splits the splits after the repair; equal to the input when nothing moved
   * @param preparation the prepared cache, quality report and near-duplicate groups
   * @param repair what moved between splits
   * @param leftOut objects whose images did not decode and that were left out before balancing
   *     (by {@link #prepareUsable}), in the order found
   */
  public record Result(
      DatasetSplits splits,
      PreparationResult preparation,
      RepairedSplits<Split> repair,
      List<SkippedImage> leftOut) {

    /** Validates the fields and copies the list. */
    public Result {
      Objects.requireNonNull(splits, "splits");
      Objects.requireNonNull(preparation, "preparation");
      Objects.requireNonNull(repair, "repair");
      leftOut = List.copyOf(leftOut);
    }

    /** Report lines: images decoded and skipped, the cache folder, the duplicate repair. */
    public List<String> summary() {
      QualityReport report = preparation.report();
      List<String> lines = new ArrayList<>();
      lines.add("images: " + report.decoded() + " of " + report.requested() + " prepared into "
          + preparation.directory() + " (" + report.skipped() + " skipped)");
      report.skippedByProblem().forEach((problem, count) -> lines.add("  skipped, " + problem + ": " + count));
      lines.add(repair.summary());
      return lines;
    }
  }

  /**
   * Prepares the images of every object of {@code splits} into {@code <folder>/cache/} and repairs
   * the splits.
   *
   * @param splits the labeled splits
   * @param folder the prepared folder (where {@code manifest.json} and {@code splits/} go)
   * @param source where the images are
   * @param preparer the cache settings (recipe, threads, listener...); its root is set to {@code
   *     <folder>/cache}
   */
  public static Result prepare(
      DatasetSplits splits, Path folder, ImageSource source, CachePreparer.Builder preparer)
      throws IOException {
    Map<Long, Split> assignment = new LinkedHashMap<>();
    for (Split split : Split.values()) {
      for (LabeledObject object : splits.get(split)) {
        assignment.put(object.objectId(), split);
      }
    }
    CachePreparer cachePreparer = preparer.root(folder.resolve(CACHE_DIR)).build();
    PreparationResult preparation = cachePreparer.prepare(assignment.keySet(), source);
    checkUsable(preparation, source);
    RepairedSplits<Split> repair = SplitRepair.repair(assignment, preparation.duplicates(), PREFERENCE);
    DatasetSplits repaired = repair.moves().isEmpty() ? splits : reassign(splits, repair.assignment());
    repaired = repaired.withImages(manifestImages(cachePreparer.recipe(), source, preparation, repair));
    LOG.info("{}; {}", repair.summary(), preparation.directory());
    return new Result(repaired, preparation, repair, List.of());
  }

  /**
   * Refuses a preparation that left no usable image: a dataset without images cannot be trained,
   * and the first skipped images say why (an unreadable folder, files that are not images).
   */
  private static void checkUsable(PreparationResult preparation, ImageSource source) throws IOException {
    QualityReport report = preparation.report();
    if (report.requested() == 0 || report.decoded() > 0) {
      return;
    }
    StringBuilder why = new StringBuilder();
    report.skippedByProblem().forEach(
        (problem, count) -> why.append(why.length() == 0 ? "" : ", ").append(problem).append(": ").append(count));
    String example =
        report.skippedImages().isEmpty()
            ? ""
            : "; e.g. object " + report.skippedImages().get(0).objectId() + ": "
                + report.skippedImages().get(0).reason();
    throw new IOException(
        source.describe() + ": none of the " + report.requested() + " images could be prepared ("
            + why + ")" + example);
  }

  /** Builds the labeled splits from the objects whose images may be used. */
  @FunctionalInterface
  public interface SplitsBuilder {
    /**
     * The splits (labels, balance, minimums) of exactly these objects.
     *
     * @param usable the Object IDs with a usable image
     */
    DatasetSplits build(Set<Long> usable) throws IOException;
  }

  /**
   * Prepares the images of the splits built from {@code candidates}, so that images that do not
   * decode never leave a label or bin short: when some fail, their objects are left out and the
   * splits are built again from the rest (balance, minimums and splits then hold for them), until
   * no chosen image fails; images already prepared are reused from the cache. The result names the
   * left-out objects, and its report and manifest count them as requested and skipped.
   *
   * @param build the splits of a set of usable objects
   * @param candidates the objects with an image file
   * @param folder the prepared folder
   * @param source where the images are
   * @param preparer the cache settings, as for {@link #prepare}
   */
  public static Result prepareUsable(
      SplitsBuilder build, Set<Long> candidates, Path folder, ImageSource source, CachePreparer.Builder preparer)
      throws IOException {
    Set<Long> usable = new HashSet<>(candidates);
    List<SkippedImage> leftOut = new ArrayList<>();
    Result result = prepare(build.build(Set.copyOf(usable)), folder, source, preparer);
    while (result.preparation().report().skipped() > 0) {
      for (SkippedImage skipped : result.preparation().report().skippedImages()) {
        usable.remove(skipped.objectId());
        leftOut.add(skipped);
      }
      result = prepare(build.build(Set.copyOf(usable)), folder, source, preparer);
    }
    return withEarlierSkips(result, leftOut);
  }

  /** The result, with images an earlier pass skipped counted as requested and skipped. */
  private static Result withEarlierSkips(Result result, List<SkippedImage> earlier) {
    if (earlier.isEmpty()) {
      return result;
    }
    PreparationResult preparation =
        new PreparationResult(
            result.preparation().directory(),
            result.preparation().report().withEarlierSkips(earlier),
            result.preparation().duplicates());
    ManifestImages images = result.splits().manifest().images();
    ManifestImages counted =
        new ManifestImages(
            images.cache(), images.source(), images.requested() + earlier.size(), images.prepared(),
            images.skipped() + earlier.size(), images.duplicateDistance(), images.duplicateGroups(),
            images.objectsMoved());
    return new Result(result.splits().withImages(counted), preparation, result.repair(), earlier);
  }

  /** What {@code manifest.json} records of the image side. */
  private static ManifestImages manifestImages(
      ImageRecipe recipe, ImageSource source, PreparationResult preparation, RepairedSplits<Split> repair) {
    QualityReport report = preparation.report();
    String from =
        source instanceof FolderImageSource folder
            ? folder.folder().toAbsolutePath().normalize().toString()
            : source.describe();
    return new ManifestImages(
        new ManifestImages.CacheRecipe(
            preparation.directory().getFileName().toString(),
            recipe.resizeTo(),
            recipe.cropTo(),
            recipe.filter().id(),
            recipe.subsampledReading()),
        from,
        report.requested(),
        report.decoded(),
        report.skipped(),
        preparation.duplicates().maxDistance(),
        preparation.duplicates().size(),
        repair.moves().size());
  }

  /**
   * The image caches of a prepared folder: the folders under {@code <folder>/cache/} that hold a
   * cache recipe ({@code recipe.json}, written when a preparation starts), sorted by name. Other
   * entries are not caches. A cache listed here may still be incomplete; {@link
   * PreparedCache#open(Path)} says so.
   *
   * @param folder the prepared folder
   */
  public static List<Path> caches(Path folder) throws IOException {
    Path root = folder.resolve(CACHE_DIR);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(p -> Files.isRegularFile(p.resolve(CacheFiles.RECIPE))).sorted().toList();
    }
  }

  /**
   * Removes the image caches of a prepared folder that its manifest does not name (all of them when
   * it names none). Call it when the folder's splits changed: caches prepared for the earlier splits
   * would lack the new objects' images, linger, and make the choice of cache ambiguous (caches of
   * unchanged splits at another image size still serve them). Logs each removal.
   *
   * @param folder the prepared folder
   * @param manifest the folder's new manifest
   * @return the cache folders removed
   * @throws IOException when a cache cannot be removed (the message names the file)
   */
  public static List<Path> removeStaleCaches(Path folder, Manifest manifest) throws IOException {
    String kept = manifest.imagesSection().map(i -> i.cache().key()).orElse(null);
    List<Path> removed = new ArrayList<>();
    for (Path cache : caches(folder)) {
      if (!cache.getFileName().toString().equals(kept)) {
        deleteTree(cache);
        LOG.info("removed the image cache {}: the new {} does not name it", cache, Manifest.FILE_NAME);
        removed.add(cache);
      }
    }
    return removed;
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }

  /** The same dataset with objects moved to the splits of {@code assignment}. */
  static DatasetSplits reassign(DatasetSplits splits, Map<Long, Split> assignment) {
    Map<Split, List<LabeledObject>> moved = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      moved.put(split, new ArrayList<>());
    }
    for (Split split : Split.values()) {
      for (LabeledObject object : splits.get(split)) {
        moved.get(assignment.getOrDefault(object.objectId(), split)).add(object);
      }
    }
    Manifest manifest = splits.manifest();
    DatasetSplits repaired = DatasetSplits.create(manifest.recipe(), manifest.input(), manifest.labels(), moved);
    return splits.report().map(repaired::withReport).orElse(repaired);
  }
}

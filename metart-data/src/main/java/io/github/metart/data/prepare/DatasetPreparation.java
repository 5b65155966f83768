package io.github.metart.data.prepare;

import static java.util.Objects.requireNonNull;

import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.cache.RepairedSplits;
import io.github.metart.data.cache.SkippedImage;
import io.github.metart.data.dataset.DatasetBuilder;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.files.FolderLock;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImageRecipe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole preparation of a dataset folder, as {@code metart prepare} runs it: label, balance and
 * split the catalogue ({@link DatasetBuilder}); with images, only objects whose image decodes take
 * part, so balance and minimum counts hold for the objects a model can learn from, their images are
 * prepared into {@code cache/<recipe>/} and near-duplicates kept in one split; then the splits,
 * manifest and report are written, and image caches prepared for other splits are removed.
 *
 * <pre>{@code
 * PreparedDataset prepared = DatasetPreparation
 *     .builder(MetDataset.fromCsv(csv).culture().minPerLabel(50).balance(100), Path.of("prepared/culture"))
 *     .images(Path.of("images"), ImageRecipe.forInput(64))
 *     .build()
 *     .run();
 * prepared.summary().forEach(System.out::println);
 * }</pre>
 *
 * <p>The folder may be new, empty, an earlier prepared folder (replaced), or a preparation killed
 * before it wrote its manifest (continued: the cache keeps the images already prepared). Anything
 * else in it is refused. The folder is locked while it is prepared, so a second process preparing
 * into it fails at once with the holder's name.
 */
public final class DatasetPreparation {

  private final DatasetBuilder<?> recipe;
  private final Path folder;
  private final Path images;
  private final CachePreparer.Builder cache;

  private DatasetPreparation(Builder b) {
    this.recipe = b.recipe;
    this.folder = b.folder;
    this.images = b.images;
    this.cache = b.cache;
  }

  /**
   * A preparation of {@code recipe} into {@code folder}.
   *
   * @param recipe the labels, balance, split and filters (e.g. {@code MetDataset.fromCsv(csv).culture()})
   * @param folder the prepared folder to write
   */
  public static Builder builder(DatasetBuilder<?> recipe, Path folder) {
    return new Builder(recipe, folder);
  }

  /** Settings of a {@link DatasetPreparation}; only {@link #images} is optional. */
  public static final class Builder {
    private final DatasetBuilder<?> recipe;
    private final Path folder;
    private Path images;
    private CachePreparer.Builder cache;

    private Builder(DatasetBuilder<?> recipe, Path folder) {
      this.recipe = requireNonNull(recipe, "recipe");
      this.folder = requireNonNull(folder, "folder");
    }

    /**
     * Use only objects with an image in {@code folder} (named {@code <objectId>.<ext>}, e.g. from
     * {@code metart download}) and prepare them with {@code cache}'s settings (recipe, threads,
     * near-duplicate distance, progress listener).
     */
    public Builder images(Path folder, CachePreparer.Builder cache) {
      this.images = requireNonNull(folder, "folder");
      this.cache = requireNonNull(cache, "cache");
      return this;
    }

    /** {@link #images(Path, CachePreparer.Builder)} with the default cache settings of {@code recipe}. */
    public Builder images(Path folder, ImageRecipe recipe) {
      return images(folder, CachePreparer.builder(requireNonNull(recipe, "recipe")));
    }

    /** The preparation; nothing is read or written until {@link DatasetPreparation#run()}. */
    public DatasetPreparation build() {
      return new DatasetPreparation(this);
    }
  }

  /**
   * Prepares the folder.
   *
   * @return what was written, with the lines {@code metart prepare} prints
   * @throws IOException when the input cannot be read, the folder holds other things, another process
   *     prepares it, no object has a usable image, or a file cannot be written (the message names it)
   */
  public PreparedDataset run() throws IOException {
    checkFolder();
    if (images != null && !Files.isDirectory(images)) {
      throw new IOException(images + ": no such folder (expected images named <objectId>.<ext>)");
    }
    Files.createDirectories(folder);
    try (FolderLock lock = FolderLock.acquire(folder, "preparing a dataset")) {
      String previousSplitHash = previousSplitHash();
      DatasetSplits splits;
      DatasetImagePreparer.Result withImages = null;
      if (images == null) {
        splits = recipe.build();
      } else {
        FolderImageSource source = FolderImageSource.open(images);
        String filter = "has an image in " + images.toAbsolutePath().normalize();
        withImages =
            DatasetImagePreparer.prepareUsable(
                usable -> recipe.withImages(filter, usable).build(), source.objectIds(), folder, source, cache);
        splits = withImages.splits();
      }
      splits.write(folder);
      if (withImages != null) {
        appendImageReport(withImages);
      }
      // caches prepared for other splits would lack the new objects' images; caches of the same
      // splits (e.g. another image size for the same recipe) still serve them and are kept
      List<Path> removed =
          splits.splitHash().equals(previousSplitHash)
              ? List.of()
              : DatasetImagePreparer.removeStaleCaches(folder, splits.manifest());
      return new PreparedDataset(folder, splits.manifest(), Optional.ofNullable(withImages), removed);
    }
  }

  /** Adds the images section to report.txt: what was prepared, left out, skipped and moved between splits. */
  private void appendImageReport(DatasetImagePreparer.Result result) throws IOException {
    Path report = folder.resolve(DatasetSplits.REPORT_TXT);
    StringBuilder text = new StringBuilder(Files.exists(report) ? "\n" : "");
    text.append("images\n");
    for (SkippedImage skipped : result.leftOut()) {
      text.append("  left out before balancing, object ").append(skipped.objectId()).append(": ")
          .append(skipped.reason()).append('\n');
    }
    result.summary().forEach(line -> text.append("  ").append(line).append('\n'));
    for (RepairedSplits.Move<Split> move : result.repair().moves()) {
      text.append("  moved object ").append(move.objectId()).append(" from ").append(move.from().id())
          .append(" to ").append(move.to().id()).append(" (near-duplicate)\n");
    }
    text.append("  quality report: ").append(result.preparation().directory().resolve("quality-report.txt")).append('\n');
    Files.writeString(report, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** The split hash of the prepared folder this run replaces, or null when there is none (or it is unreadable). */
  private String previousSplitHash() {
    Path manifest = folder.resolve(Manifest.FILE_NAME);
    if (!Files.isRegularFile(manifest)) {
      return null;
    }
    try {
      return Manifest.read(manifest).splitHash();
    } catch (IOException e) {
      return null; // a broken manifest: its caches are treated as stale
    }
  }

  /** Refuses a folder that holds other things than an earlier (or interrupted) preparation. */
  private void checkFolder() throws IOException {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new IOException(folder + ": exists and is not a folder");
    }
    if (Files.isDirectory(folder) && !Files.exists(folder.resolve(Manifest.FILE_NAME))) {
      // what only a preparation writes there: a folder holding just these is a preparation that was
      // killed before its manifest, and the same call continues it (the cache keeps its images)
      Set<String> ours =
          Set.of(
              DatasetImagePreparer.CACHE_DIR,
              DatasetSplits.SPLITS_DIR,
              DatasetSplits.REPORT_TXT,
              DatasetSplits.REPORT_JSON,
              FolderLock.FILE_NAME);
      try (Stream<Path> entries = Files.list(folder)) {
        if (entries.anyMatch(entry -> !ours.contains(entry.getFileName().toString()))) {
          throw new IOException(folder + ": is not empty and holds no manifest.json: choose an empty or new folder");
        }
      }
    }
  }
}

package io.github.metart.data.cache;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.data.files.JsonFiles;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.RgbImage;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A prepared image cache opened for reading: the shards are memory-mapped, so reading an image is
 * a copy out of the page cache, and many threads may read at once.
 *
 * <p>Open it with {@link #open(Path)} on the cache folder, or {@link #open(Path, ImageRecipe)} on
 * the folder holding caches. Positions ({@code 0..size()-1}) follow the order in which images were
 * prepared; use {@link #position(long)} to find an object's.
 */
public final class PreparedCache implements AutoCloseable {

  private final Path directory;
  private final CacheFiles.Layout layout;
  private final List<CachedImage> images;
  private final Map<Long, Integer> positions;
  private final MappedByteBuffer[] shards;

  private PreparedCache(
      Path directory, CacheFiles.Layout layout, List<CachedImage> images, MappedByteBuffer[] shards) {
    this.directory = directory;
    this.layout = layout;
    this.images = List.copyOf(images);
    this.shards = shards;
    this.positions = new HashMap<>(images.size() * 2);
    for (int i = 0; i < images.size(); i++) {
      positions.put(images.get(i).objectId(), i);
    }
  }

  /** The cache folder of a recipe under a folder of caches: {@code <root>/<recipe key>}. */
  public static Path directory(Path root, ImageRecipe recipe) {
    return root.resolve(recipe.key());
  }

  /** Opens the cache of {@code recipe} under {@code root}. */
  public static PreparedCache open(Path root, ImageRecipe recipe) throws IOException {
    return open(directory(root, recipe));
  }

  /**
   * Opens a cache folder.
   *
   * @throws IOException when the folder is not a complete cache (the message says what to do)
   */
  public static PreparedCache open(Path directory) throws IOException {
    CacheFiles.Layout layout = CacheFiles.readLayout(directory);
    if (!Files.exists(directory.resolve(CacheFiles.COMPLETE))) {
      throw new IOException(
          directory + " is incomplete (its preparation was interrupted or is running): prepare it again to resume");
    }
    List<CachedImage> images = CacheIndex.read(directory, layout);
    int shardCount = (images.size() + layout.imagesPerShard() - 1) / layout.imagesPerShard();
    MappedByteBuffer[] shards = new MappedByteBuffer[shardCount];
    for (int s = 0; s < shardCount; s++) {
      Path file = CacheFiles.shard(directory, s);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        long imagesInShard = Math.min(layout.imagesPerShard(), images.size() - (long) s * layout.imagesPerShard());
        long used = imagesInShard * layout.imageBytes();
        if (channel.size() < used) {
          throw new IOException(file + " is shorter than its index says (" + channel.size() + " < " + used + " bytes)");
        }
        shards[s] = channel.map(FileChannel.MapMode.READ_ONLY, 0, used);
      }
    }
    return new PreparedCache(directory, layout, images, shards);
  }

  /** The cache folder. */
  public Path directory() {
    return directory;
  }

  /** The recipe every image in the cache was prepared with. */
  public ImageRecipe recipe() {
    return layout.recipe();
  }

  /** The side of the stored squares ({@code recipe().cropTo()}). */
  public int imageSize() {
    return layout.recipe().cropTo();
  }

  /** The number of images. */
  public int size() {
    return images.size();
  }

  /** Whether the object's image is in the cache. */
  public boolean contains(long objectId) {
    return positions.containsKey(objectId);
  }

  /** The position of the object's image, or -1 when it is not in the cache. */
  public int position(long objectId) {
    Integer position = positions.get(objectId);
    return position == null ? -1 : position;
  }

  /** The entry at a position. */
  public CachedImage entry(int position) {
    return images.get(position);
  }

  /** The entry of an object. */
  public Optional<CachedImage> entry(long objectId) {
    Integer position = positions.get(objectId);
    return position == null ? Optional.empty() : Optional.of(images.get(position));
  }

  /** Every entry, in position order. */
  public List<CachedImage> entries() {
    return images;
  }

  /**
   * Copies the pixels at a position ({@code imageSize()^2 * 3} bytes, interleaved RGB) into {@code
   * target} at {@code offset}. Safe to call from several threads.
   */
  public void copyPixels(int position, byte[] target, int offset) {
    checkArgument(position >= 0 && position < images.size(), "position %s is outside 0..%s", position, images.size() - 1);
    int bytes = layout.imageBytes();
    int shard = position / layout.imagesPerShard();
    int start = (position % layout.imagesPerShard()) * bytes;
    MappedByteBuffer buffer = shards[shard];
    if (buffer == null) {
      throw new IllegalStateException(this + " is closed");
    }
    buffer.get(start, target, offset, bytes);
  }

  /** The image of an object (a copy), or empty when it is not in the cache. */
  public Optional<RgbImage> image(long objectId) {
    int position = position(objectId);
    if (position < 0) {
      return Optional.empty();
    }
    byte[] pixels = new byte[layout.imageBytes()];
    copyPixels(position, pixels, 0);
    return Optional.of(RgbImage.of(imageSize(), imageSize(), pixels));
  }

  /** The quality report of the last preparation. */
  public QualityReport qualityReport() throws IOException {
    Path file = directory.resolve(CacheFiles.QUALITY_JSON);
    try {
      return CacheFiles.JSON.readValue(file.toFile(), QualityReport.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": not a quality report (" + JsonFiles.problem(e) + ")", e);
    }
  }

  /** The near-duplicate groups found by the last preparation. */
  public DuplicateGroups duplicates() throws IOException {
    Path file = directory.resolve(CacheFiles.DUPLICATES);
    Map<Integer, List<Long>> groups = new java.util.TreeMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).split(",");
      if (fields.length < 2) {
        continue;
      }
      try {
        groups.computeIfAbsent(Integer.parseInt(fields[0]), g -> new ArrayList<>()).add(Long.parseLong(fields[1]));
      } catch (NumberFormatException e) {
        throw new IOException(file + ", line " + (i + 1) + ": malformed (" + e.getMessage() + ")", e);
      }
    }
    return new DuplicateGroups(qualityReport().duplicateDistance(), new ArrayList<>(groups.values()));
  }

  /** Releases the mappings' references (the operating system unmaps them when collected). */
  @Override
  public void close() {
    java.util.Arrays.fill(shards, null);
  }

  @Override
  public String toString() {
    return "PreparedCache[" + directory + ", " + images.size() + " images of " + imageSize() + "x" + imageSize() + "]";
  }
}

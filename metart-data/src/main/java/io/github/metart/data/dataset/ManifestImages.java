package io.github.metart.data.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The image side of a prepared folder, recorded in {@code manifest.json} by {@code metart prepare
 * --images}: which cache under {@code cache/} belongs to the splits, where the images came from and
 * what the preparation found. Every value is deterministic for the same inputs, so re-preparing a
 * folder gives the same manifest.
 *
 * @param cache the cache folder's name under {@code cache/} and the recipe that produced it
 * @param source where the images came from: the images folder (absolute path) or the description
 *     of another image source
 * @param requested the objects whose images were asked for
 * @param prepared the images in the cache
 * @param skipped the images that could not be read or decoded (listed in the cache's quality report)
 * @param duplicateDistance the perceptual-hash distance (bits) that made two images near-duplicates
 * @param duplicateGroups the near-duplicate groups found
 * @param objectsMoved the objects moved between splits so that no group straddles splits
 */
public record ManifestImages(
    CacheRecipe cache,
    String source,
    int requested,
    int prepared,
    int skipped,
    int duplicateDistance,
    int duplicateGroups,
    int objectsMoved) {

  /** Validates the values. */
  public ManifestImages {
    requireNonNull(cache, "cache");
    requireNonNull(source, "source");
    checkArgument(requested >= 0 && prepared >= 0 && skipped >= 0,
        "image counts must not be negative: requested %s, prepared %s, skipped %s", requested, prepared, skipped);
    checkArgument(prepared + skipped <= requested,
        "prepared (%s) + skipped (%s) images exceed the requested %s", prepared, skipped, requested);
    checkArgument(duplicateDistance >= 0, "duplicateDistance must not be negative, got %s", duplicateDistance);
    checkArgument(duplicateGroups >= 0 && objectsMoved >= 0,
        "duplicate counts must not be negative: groups %s, moved %s", duplicateGroups, objectsMoved);
  }

  /**
   * The image cache of a prepared folder.
   *
   * @param key the cache folder's name under {@code cache/}, e.g. {@code r256-c224-bilinear-sub-v2}
   * @param resizeTo the side the shorter image side was resized to
   * @param cropTo the side of the stored center squares (the largest model input it serves)
   * @param filter the resize filter's id, e.g. {@code bilinear}
   * @param subsampledReading whether large images were read with source subsampling
   */
  public record CacheRecipe(
      String key, int resizeTo, int cropTo, String filter, boolean subsampledReading) {

    /** Validates the values. */
    public CacheRecipe {
      requireNonNull(key, "key");
      requireNonNull(filter, "filter");
      checkArgument(!key.isBlank() && !key.contains("/") && !key.contains("\\") && !key.startsWith("."),
          "the cache key must be a plain folder name, got '%s'", key);
      checkArgument(cropTo >= 1 && resizeTo >= cropTo,
          "the cache recipe needs 1 <= cropTo <= resizeTo, got resizeTo %s, cropTo %s", resizeTo, cropTo);
    }
  }
}

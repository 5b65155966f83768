package io.github.metart.data.cache;

import io.github.metart.data.images.ImageInfo;
import java.util.Objects;

/**
 * One image in the prepared cache: where its pixels are, their perceptual hash, and what the
 * original file declared.
 *
 * @param objectId the Met Object ID
 * @param slot the image's position in the shards (shard {@code slot / imagesPerShard})
 * @param hash the 64-bit perceptual hash of the prepared pixels ({@link PerceptualHash})
 * @param original what the original file declared: format, size, colour space, bit depth
 * @param subsampling the source subsampling used when decoding the original
 */
public record CachedImage(long objectId, int slot, long hash, ImageInfo original, int subsampling) {

  /** Validates the fields. */
  public CachedImage {
    Objects.requireNonNull(original, "original");
    if (slot < 0) {
      throw new IllegalArgumentException("slot must not be negative, got " + slot);
    }
  }
}

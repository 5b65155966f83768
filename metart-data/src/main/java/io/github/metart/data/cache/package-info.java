/**
 * The prepared image cache: every image decoded and preprocessed once ({@link
 * io.github.metart.data.cache.CachePreparer}) into fixed-size uint8 shards plus an index, in a
 * folder named by the {@link io.github.metart.data.images.ImageRecipe} key, read back
 * memory-mapped ({@link io.github.metart.data.cache.PreparedCache}); with a quality report, and
 * perceptual-hash near-duplicate groups that a dataset's splits must not straddle ({@code SplitRepair}).
 */
package io.github.metart.data.cache;

/**
 * Loading: a DJL {@link ai.djl.training.dataset.RandomAccessDataset} over the prepared image cache
 * ({@link io.github.metart.data.loading.CachedImageDataset}), with per-epoch seeded shuffling whose
 * position can be saved and restored ({@link io.github.metart.data.loading.EpochSampler}),
 * seeded augmentation ({@link io.github.metart.data.loading.Augmentation}) and background prefetch.
 */
package io.github.metart.data.loading;

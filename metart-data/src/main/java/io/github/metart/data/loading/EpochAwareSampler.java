package io.github.metart.data.loading;

import ai.djl.training.dataset.Sampler;

/**
 * A sampler that knows which epoch its latest pass serves. {@link CachedImageDataset} draws its
 * augmentation from (seed, epoch, index), so a trainer that brings its own sampler implements this
 * to get different augmentations every epoch and the same ones again when a run resumes. With other
 * samplers the dataset numbers its passes itself, which is right for uninterrupted runs only.
 */
public interface EpochAwareSampler extends Sampler {

  /** The epoch (0-based) served by the latest {@link #sample} call; -1 before the first. */
  int currentEpoch();
}

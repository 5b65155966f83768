/**
 * Seeded, resumable sampling: the per-epoch {@link io.github.metart.train.sampling.EpochOrder}, the
 * DJL sampler {@link io.github.metart.train.sampling.EpochSampler} and its saved {@link
 * io.github.metart.train.sampling.SamplerState}.
 */
package io.github.metart.train.sampling;

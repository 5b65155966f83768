/**
 * Checkpoints: where a run stood ({@link io.github.metart.train.checkpoint.TrainingState}), and the
 * {@link io.github.metart.train.checkpoint.CheckpointStore} that writes them atomically and reads
 * them back verified.
 */
package io.github.metart.train.checkpoint;

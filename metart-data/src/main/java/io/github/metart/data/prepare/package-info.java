/**
 * Preparing a dataset folder in one call: labels, balance and splits from the catalogue, the images
 * and their cache, near-duplicate repair, stale caches, manifest and report. {@code metart prepare}
 * is option parsing around {@link io.github.metart.data.prepare.DatasetPreparation#run()}.
 */
package io.github.metart.data.prepare;

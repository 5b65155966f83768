/**
 * Labeled datasets: {@link io.github.metart.data.dataset.MetDataset} starts the fluent recipe of the
 * culture or year task; the result, {@link io.github.metart.data.dataset.DatasetSplits}, holds the
 * train, validation and test lists of {@link io.github.metart.data.dataset.LabeledObject}s with their
 * {@link io.github.metart.data.dataset.Manifest} and {@link io.github.metart.data.dataset.Target}
 * encoding, and is written to and read from a prepared folder.
 */
package io.github.metart.data.dataset;

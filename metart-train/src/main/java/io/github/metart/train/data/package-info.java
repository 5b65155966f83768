/**
 * What a run trains on: {@link io.github.metart.train.data.TrainingData} (DJL datasets and the
 * manifest hash), and {@link io.github.metart.train.data.PreparedData}, which opens a folder
 * written by {@code metart prepare}.
 */
package io.github.metart.train.data;

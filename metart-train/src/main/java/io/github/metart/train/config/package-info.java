/**
 * The training configuration: {@link io.github.metart.train.config.TrainingConfig} and the values it
 * is made of (optimizer, learning-rate schedule, loss, early stopping, gradient clipping, devices).
 * Every type is immutable and validated on construction.
 */
package io.github.metart.train.config;

/**
 * Training: {@link io.github.metart.train.fit.Trainer} runs or resumes a {@link
 * io.github.metart.train.config.TrainingConfig} on a {@code MetModel} and {@link
 * io.github.metart.train.data.TrainingData}, and returns a {@link
 * io.github.metart.train.fit.FitResult}.
 */
package io.github.metart.train.fit;

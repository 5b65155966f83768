/**
 * Training: {@link io.github.metart.train.fit.Trainer} runs or resumes a {@link
 * io.github.metart.train.config.TrainingConfig} on a {@link io.github.metart.train.fit.TrainableModel}
 * and {@link io.github.metart.train.fit.TrainingData}, and returns a {@link
 * io.github.metart.train.fit.FitResult}.
 */
package io.github.metart.train.fit;

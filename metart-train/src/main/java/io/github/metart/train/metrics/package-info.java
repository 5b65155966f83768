/**
 * The DJL evaluator of a year model during training, {@link
 * io.github.metart.train.metrics.MeanYearError}: the mean absolute error in years over the dataset's
 * {@code YearTarget}, the validation metric a year run records each epoch (a classifier's is DJL's
 * {@code Accuracy}). The full set of metrics is computed after training by metart-eval.
 */
package io.github.metart.train.metrics;

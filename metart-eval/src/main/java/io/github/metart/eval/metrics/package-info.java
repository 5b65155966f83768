/**
 * The numbers of an evaluation: accuracy, top-k accuracy and per-class and macro precision, recall
 * and F1 for classifiers ({@link io.github.metart.eval.metrics.ClassificationMetrics}); mean,
 * median and RMSE year errors, shares within 25 and 50 years and inside the object's own date for
 * year models ({@link io.github.metart.eval.metrics.YearMetrics}), always beside the constant-guess
 * {@link io.github.metart.eval.metrics.YearBaseline}.
 */
package io.github.metart.eval.metrics;

/**
 * DJL evaluators metart attaches to training so that every run reports the same validation
 * metrics: accuracy and top-3 accuracy for classifiers, the mean year error and the share within 50
 * years for year models ({@link io.github.metart.train.metrics.TrainingEvaluators}), measured in
 * years over the dataset's {@code YearTarget}.
 */
package io.github.metart.train.metrics;

/**
 * The confusion matrix of a classifier ({@link io.github.metart.eval.confusion.ConfusionMatrix}):
 * counts of (predicted, actual) pairs with an explicit {@link
 * io.github.metart.eval.confusion.Orientation} (rows = predicted, columns = actual by default), the
 * matrix normalized by column, and the most frequent confusions.
 */
package io.github.metart.eval.confusion;

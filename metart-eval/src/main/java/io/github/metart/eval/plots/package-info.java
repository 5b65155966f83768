/**
 * XChart figures of runs and evaluations, written as PNG: training curves ({@link
 * io.github.metart.eval.plots.CurveCharts}), run comparisons, the confusion heat map, label
 * distributions, year scatter plots and histograms, and breakdowns by Met metadata; one shared
 * style and fixed sizes so that pages look alike.
 */
package io.github.metart.eval.plots;

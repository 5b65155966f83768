/**
 * HTML pages readable offline: one page per run ({@link io.github.metart.eval.report.RunReport}:
 * curves, metrics, tables and figures of one evaluation) and one per comparison of runs ({@link
 * io.github.metart.eval.report.ComparisonReport}), with every figure and file linked relatively and
 * all Met text escaped.
 */
package io.github.metart.eval.report;

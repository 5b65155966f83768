/**
 * The dataset report: rows read and skipped, cultures, years, date agreement and periods of a
 * MetObjects.csv, as text and as data ({@link io.github.metart.data.report.DatasetReport}).
 */
package io.github.metart.data.report;

/**
 * Reading the Met's {@code MetObjects.csv}: {@link io.github.metart.data.csv.MetCsvFormat} opens a
 * streaming {@link io.github.metart.data.csv.MetCsvReader} of typed {@link
 * io.github.metart.data.csv.MetObject}s, found by header name, with a {@link
 * io.github.metart.data.csv.ReadReport} of every skipped row (physical line and reason).
 */
package io.github.metart.data.csv;

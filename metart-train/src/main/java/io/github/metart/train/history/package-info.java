/**
 * The per-epoch {@link io.github.metart.train.history.History} of a run and its files ({@link
 * io.github.metart.train.history.HistoryFiles}: {@code history.csv}, {@code history.json}).
 */
package io.github.metart.train.history;

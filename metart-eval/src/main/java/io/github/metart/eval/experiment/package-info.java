/**
 * Declared sweeps: an {@link io.github.metart.eval.experiment.ExperimentSpec} (a base model, how
 * to train it, and sweeps over architectures, hidden units, dropout, batch norm, input size with the
 * extra stem, and the year head) expands into runs; the {@link
 * io.github.metart.eval.experiment.ExperimentRunner} trains and evaluates each run in its own
 * folder, resumes an interrupted sweep where it stopped, and writes the comparison report. {@code
 * metart experiment} runs it.
 */
package io.github.metart.eval.experiment;

/**
 * The demo end to end: a generated collection through the real pipeline — the Met CSV reader and
 * normalizers, the culture and year dataset builders, image preparation into the cache, {@code
 * Trainer.fit} of a culture classifier and a year regressor, the {@code Evaluator} on the test split
 * — to a report folder and a terminal summary. {@link io.github.metart.examples.endtoend.DemoRun}
 * is the entry point; {@code metart demo} runs it.
 */
package io.github.metart.examples.endtoend;

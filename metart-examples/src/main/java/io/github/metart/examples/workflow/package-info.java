/**
 * The steps the command line chains, on folders: write a prepared folder with its image cache,
 * train a model recipe on a prepared folder (or resume it), evaluate a model folder on a split and
 * write its report, and turn a training history into curves. The demo and the experiments are made
 * of these steps; each one is what the matching command does ({@code prepare}, {@code train},
 * {@code evaluate}).
 */
package io.github.metart.examples.workflow;

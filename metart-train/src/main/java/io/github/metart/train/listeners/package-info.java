/**
 * Hooks into training runs: the {@link io.github.metart.train.listeners.TrainingListener} interface,
 * a {@link io.github.metart.train.listeners.ProgressBar} and a {@link
 * io.github.metart.train.listeners.LoggingListener}.
 */
package io.github.metart.train.listeners;

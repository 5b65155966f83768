/**
 * What a network's outputs mean and how to use them: {@link io.github.metart.models.heads.Head}
 * (one type per {@link io.github.metart.models.spec.HeadSpec} case) tells the trainer what to
 * compare the outputs with, and turns a batch of outputs into {@link
 * io.github.metart.models.heads.Prediction}s (class probabilities or years) for evaluation and
 * prediction, whatever the architecture.
 */
package io.github.metart.models.heads;

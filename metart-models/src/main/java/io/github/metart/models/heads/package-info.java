/**
 * What a network's outputs mean and how to use them: {@link io.github.metart.models.heads.Head}
 * tells the trainer which loss fits ({@link io.github.metart.models.heads.HeadKind}) and what to
 * compare the outputs with, and turns a batch of outputs into {@link
 * io.github.metart.models.heads.Prediction}s (class probabilities or years) for evaluation and
 * prediction, whatever the architecture.
 */
package io.github.metart.models.heads;

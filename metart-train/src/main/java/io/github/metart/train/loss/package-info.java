/**
 * Training losses as DJL {@link ai.djl.training.loss.Loss}es: softmax cross-entropy with label
 * smoothing, and L1, L2 and Huber for the normalized year.
 */
package io.github.metart.train.loss;

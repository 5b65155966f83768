/**
 * Building blocks the architectures are made of: a sequence with readable child names, and small
 * parameter-free layers (ReLU, max pooling, adaptive average pooling, flattening) whose output
 * shapes are computed arithmetically, so a whole network can be initialized and counted without
 * running a forward pass.
 */
package io.github.metart.models.blocks;

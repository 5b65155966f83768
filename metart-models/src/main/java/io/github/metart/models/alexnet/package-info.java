/** AlexNet, the single-tower layout (64-192-384-256-256 channels) of the reference implementations. */
package io.github.metart.models.alexnet;

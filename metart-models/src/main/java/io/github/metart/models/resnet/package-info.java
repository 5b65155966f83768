/** ResNet 18 and 34 (basic blocks) and 50, 101 and 152 (bottleneck blocks). */
package io.github.metart.models.resnet;

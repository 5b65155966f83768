/** VGG 11, 13, 16 and 19, with or without batch normalization. */
package io.github.metart.models.vgg;

/**
 * Published pretrained weights: {@link io.github.metart.models.pretrained.PretrainedWeights}, the
 * table of torchvision's ImageNet files for AlexNet, VGG and ResNet, and {@link
 * io.github.metart.models.pretrained.WeightCache}, the offline-by-default folder they are downloaded
 * into once (resumable, atomic, checksum verified). The files are read by {@link
 * io.github.metart.models.transfer.BackboneTransfer} like any other {@code .pth}.
 */
package io.github.metart.models.pretrained;

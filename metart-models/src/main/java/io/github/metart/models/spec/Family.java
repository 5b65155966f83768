package io.github.metart.models.spec;

/**
 * A family of architectures and the defaults of its knobs, which reproduce the reference layout.
 */
public enum Family {
  /** AlexNet, single-tower layout (64-192-384-256-256 channels), two hidden FC layers. */
  ALEXNET("alexnet", 4096, 0.5, false),
  /** VGG: stacks of 3x3 convolutions and five max pools, two hidden FC layers. */
  VGG("vgg", 4096, 0.5, false),
  /** ResNet: residual stages of basic or bottleneck blocks, global average pool, one FC layer. */
  RESNET("resnet", 0, 0.0, true);

  private final String id;
  private final int defaultHiddenUnits;
  private final double defaultDropout;
  private final boolean defaultBatchNorm;

  Family(String id, int defaultHiddenUnits, double defaultDropout, boolean defaultBatchNorm) {
    this.id = id;
    this.defaultHiddenUnits = defaultHiddenUnits;
    this.defaultDropout = defaultDropout;
    this.defaultBatchNorm = defaultBatchNorm;
  }

  /** The lower-case name, e.g. {@code vgg}. */
  public String id() {
    return id;
  }

  /**
   * Units of each hidden fully connected layer in the reference layout; 0 for ResNet, which goes
   * straight from the pooled features to the head.
   */
  public int defaultHiddenUnits() {
    return defaultHiddenUnits;
  }

  /** Dropout rate of the fully connected layers in the reference layout. */
  public double defaultDropout() {
    return defaultDropout;
  }

  /** Whether the reference layout uses batch normalization. */
  public boolean defaultBatchNorm() {
    return defaultBatchNorm;
  }

  /** Whether the family needs hidden FC layers (at least one unit); ResNet accepts 0 (none). */
  public boolean requiresHiddenUnits() {
    return defaultHiddenUnits > 0;
  }
}

package io.github.metart.train.fit;

/** Opens the package-private {@link ClassWeights} arithmetic to tests of other packages. */
public final class ClassWeightsAccess {

  private ClassWeightsAccess() {}

  /** {@link ClassWeights#balanced(long[])}. */
  public static float[] balanced(long[] classes) {
    return ClassWeights.balanced(classes);
  }
}

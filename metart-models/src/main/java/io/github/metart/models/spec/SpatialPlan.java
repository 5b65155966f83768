package io.github.metart.models.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The spatial downsampling of each architecture, as a list of (kernel, stride, padding) windows,
 * so a spec can tell before anything is built whether an input size is large enough and how large
 * the last feature map is. Convolutions that keep the size (3x3, stride 1, padding 1) are left out;
 * sizes follow PyTorch: {@code floor((x + 2p - k) / s) + 1}.
 */
public final class SpatialPlan {

  /** One downsampling step: a window sliding with a stride over a padded axis. */
  record Window(String layer, int kernel, int stride, int padding) {
    long apply(long size) {
      return Math.floorDiv(size + 2L * padding - kernel, stride) + 1;
    }
  }

  private SpatialPlan() {}

  /**
   * The side of the last feature map (before adaptive or global pooling) for a square input, or a
   * value below 1 when the input is too small for some layer.
   *
   * @param architecture the architecture
   * @param stemLayers the number of extra strided stem layers in front
   * @param inputSize the input side in pixels
   */
  public static long featureMapSize(Architecture architecture, int stemLayers, int inputSize) {
    long size = inputSize;
    for (Window window : windows(architecture, stemLayers)) {
      size = window.apply(size);
      if (size < 1) {
        return size;
      }
    }
    return size;
  }

  /**
   * The smallest square input this architecture accepts with the given number of stem layers.
   *
   * @param architecture the architecture
   * @param stemLayers the number of extra strided stem layers in front
   */
  public static int minimumInputSize(Architecture architecture, int stemLayers) {
    int size = 1;
    while (featureMapSize(architecture, stemLayers, size) < 1) {
      size++;
    }
    return size;
  }

  static List<Window> windows(Architecture architecture, int stemLayers) {
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < stemLayers; i++) {
      windows.add(new Window("stem conv", 3, 2, 1));
    }
    switch (architecture.family()) {
      case ALEXNET -> {
        windows.add(new Window("conv1", 11, 4, 2));
        windows.add(new Window("pool1", 3, 2, 0));
        windows.add(new Window("conv2", 5, 1, 2));
        windows.add(new Window("pool2", 3, 2, 0));
        windows.add(new Window("conv3", 3, 1, 1));
        windows.add(new Window("pool5", 3, 2, 0));
      }
      case VGG -> {
        for (int i = 1; i <= 5; i++) {
          windows.add(new Window("pool" + i, 2, 2, 0));
        }
      }
      case RESNET -> {
        windows.add(new Window("conv1", 7, 2, 3));
        windows.add(new Window("maxpool", 3, 2, 1));
        for (int stage = 2; stage <= 4; stage++) {
          windows.add(new Window("layer" + stage, 3, 2, 1));
        }
      }
    }
    return windows;
  }
}

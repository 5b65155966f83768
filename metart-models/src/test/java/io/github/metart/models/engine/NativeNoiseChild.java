package io.github.metart.models.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A child JVM for {@link NativeNoiseTest}: runs three convolutions, through {@link MetEngine}
 * ({@code metart}) or straight through DJL ({@code raw}), and prints {@code done}.
 */
final class NativeNoiseChild {

  private NativeNoiseChild() {}

  public static void main(String[] args) {
    boolean metart = args[0].equals("metart");
    try (NDManager manager =
        metart
            ? MetEngine.newManager(Device.cpu())
            : Engine.getEngine("PyTorch").newBaseManager(Device.cpu())) {
      Block conv = ConvolutionGuardTest.conv(16);
      conv.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8));
      for (int i = 0; i < 3; i++) {
        conv.forward(
            new ParameterStore(manager, false), new NDList(manager.ones(new Shape(1, 3, 8, 8))), false);
      }
    }
    System.out.println("done");
  }
}

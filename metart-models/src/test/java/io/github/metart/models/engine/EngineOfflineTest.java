package io.github.metart.models.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The build's promise: PyTorch starts offline, from the native jar, on the CPU. */
class EngineOfflineTest {

  @Test
  void pytorchStartsOfflineFromTheNativeJarOnCpu() {
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");

    Engine engine = Engine.getEngine("PyTorch");

    assertThat(engine.getVersion()).isEqualTo("2.7.1");
    assertThat(engine.getGpuCount()).isZero();
    assertThat(engine.defaultDevice()).isEqualTo(Device.cpu());
    try (NDManager manager = engine.newBaseManager()) {
      NDArray sum = manager.create(new float[] {1, 2, 3}).sum();
      assertThat(sum.getFloat()).isEqualTo(6f);
      assertThat(sum.getDevice()).isEqualTo(Device.cpu());
    }
  }

  @Test
  void engineInfoDescribesTheRunningEngine() {
    EngineInfo info = EngineInfo.current();

    assertThat(info.engineName()).isEqualTo("PyTorch");
    assertThat(info.engineVersion()).isEqualTo("2.7.1");
    assertThat(info.djlVersion()).isEqualTo("0.36.0");
    assertThat(info.offline()).isTrue();
    assertThat(info.describe()).isEqualTo("PyTorch 2.7.1 (DJL 0.36.0) on cpu(), 0 GPUs, offline");
  }
}

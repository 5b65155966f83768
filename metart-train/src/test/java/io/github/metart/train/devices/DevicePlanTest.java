package io.github.metart.train.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.github.metart.train.config.DeviceChoice;
import org.junit.jupiter.api.Test;

class DevicePlanTest {

  @Test
  void autoTakesEveryVisibleGpuElseTheCpu() {
    DevicePlan none = DevicePlan.select(DeviceChoice.auto(), 0);
    assertThat(none.devices()).containsExactly(Device.cpu());
    assertThat(none.isCpu()).isTrue();
    assertThat(none.describe()).isEqualTo("[cpu()] (the CPU: no GPU is visible)");

    DevicePlan two = DevicePlan.select(DeviceChoice.auto(), 2);
    assertThat(two.devices()).containsExactly(Device.gpu(0), Device.gpu(1));
    assertThat(two.main()).isEqualTo(Device.gpu(0));
    assertThat(two.reason()).isEqualTo("all 2 visible GPUs, each batch split across them");
  }

  @Test
  void chosenDevicesAreUsedOrRefusedWithTheVisibleOnes() {
    assertThat(DevicePlan.select(DeviceChoice.cpu(), 4).devices()).containsExactly(Device.cpu());
    assertThat(DevicePlan.select(DeviceChoice.parse("gpu:2,0"), 4).devices())
        .containsExactly(Device.gpu(2), Device.gpu(0));
    assertThatThrownBy(() -> DevicePlan.select(DeviceChoice.gpus(3), 2))
        .hasMessage("GPU 3 was requested but only GPUs 0..1 are visible");
    assertThatThrownBy(() -> DevicePlan.select(DeviceChoice.gpus(0), 0))
        .hasMessageStartingWith("GPU 0 was requested but no GPU is visible");
  }

  @Test
  void cpuThreadsFollowTheProcessorsTheJvmMayUse() {
    assertThat(CpuThreads.choose(0, 0, 8)).isEqualTo(new CpuThreads(8, 4));
    assertThat(CpuThreads.choose(0, 0, 2)).isEqualTo(new CpuThreads(2, 1));
    assertThat(CpuThreads.choose(0, 0, 1)).isEqualTo(new CpuThreads(1, 1));
    assertThat(CpuThreads.choose(3, 2, 16)).isEqualTo(new CpuThreads(3, 2));
    assertThat(new CpuThreads(2, 1).describe()).isEqualTo("2 compute threads, 1 loader thread");
  }
}

/**
 * Where training runs: the {@link io.github.metart.train.devices.DevicePlan} chosen from the
 * configuration and the visible GPUs, and the CPU {@link io.github.metart.train.devices.CpuThreads}.
 */
package io.github.metart.train.devices;

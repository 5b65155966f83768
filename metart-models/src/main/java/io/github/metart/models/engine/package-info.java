/**
 * The engine metart runs on: PyTorch through DJL, offline. {@link
 * io.github.metart.models.engine.EngineInfo} names the engine, DJL and PyTorch versions, the GPUs
 * seen and the default device, so that every model and checkpoint records what produced it and
 * {@code metart doctor} can print it.
 */
package io.github.metart.models.engine;

/**
 * Pre-flight checks behind {@code metart doctor}: Java, the PyTorch engine and where its native
 * library came from, GPUs and CUDA, disk space, the DJL cache, headless charts, the output folder and
 * a prepared data folder. Every check says OK, WARN or FAIL, and every problem comes with its fix.
 */
package io.github.metart.examples.doctor;

package io.github.metart.train.optim;

import ai.djl.engine.Engine;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import io.github.metart.models.engine.MetEngine;

/**
 * The TorchScript program behind fused updates ({@code fused_step.py} next to this class): it
 * computes the step's gradients with {@code torch.autograd.grad} (straight into fresh tensors: no
 * accumulation into {@code .grad}, no zeroing pass), reduces them across replicas, clips them with
 * PyTorch's {@code _foreach} kernels and applies {@code torch._fused_sgd_} or {@code
 * _fused_adam_}/{@code _fused_adamw_}: one vectorized, multi-threaded pass over weights, gradients
 * and state per parameter, without temporaries.
 *
 * <p>The program is compiled once per process by the running PyTorch; {@link #get()} fails when it
 * cannot be (another engine, or a PyTorch without these operators).
 */
final class FusedStepProgram {

  private static final String RESOURCE = "fused_step.py";
  private static final String CLASS_NAME = "MetartFusedStep";

  private static FusedStepProgram instance;
  private static RuntimeException failure;

  private final PtSymbolBlock module;

  private FusedStepProgram(PtSymbolBlock module) {
    this.module = module;
  }

  /**
   * The program, compiled on first use.
   *
   * @throws IllegalStateException when it cannot be compiled here; the message says why
   */
  static synchronized FusedStepProgram get() {
    if (instance != null) {
      return instance;
    }
    if (failure != null) {
      throw failure;
    }
    try {
      Engine engine = MetEngine.engine();
      // the program holds no tensors; its manager lives as long as the process
      PtNDManager manager = (PtNDManager) engine.newBaseManager();
      manager.setName("metart fused step program");
      byte[] archive = TorchScriptArchive.of(CLASS_NAME, source());
      PtSymbolBlock module =
          JniUtils.loadModule(manager, new ByteArrayInputStream(archive), false, false);
      instance = new FusedStepProgram(module);
      return instance;
    } catch (IOException | RuntimeException | LinkageError e) {
      failure =
          new IllegalStateException(
              "PyTorch's fused optimizer kernels are unavailable: " + firstLine(e), e);
      throw failure;
    }
  }

  /** The TorchScript source of the program. */
  static String source() {
    try (InputStream in = FusedStepProgram.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a method of the program; the caller closes the result. */
  IValue run(String method, IValue... arguments) {
    return IValueUtils.runMethod(module, method, arguments);
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip().lines().findFirst().orElse(message);
  }
}

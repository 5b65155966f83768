package com.example.consumer;

import io.github.metart.models.engine.EngineInfo;

/** One call into metart-models from a downstream project; fails (exit 1) if anything is off. */
public final class ConsumerMain {
  public static void main(String[] args) {
    EngineInfo engine = EngineInfo.current();
    if (!"2.7.1".equals(engine.engineVersion())) {
      throw new IllegalStateException("expected PyTorch 2.7.1, got " + engine.describe());
    }
    System.out.println("consumer OK: " + engine.describe());
  }
}

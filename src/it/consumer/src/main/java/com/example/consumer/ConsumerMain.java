package com.example.consumer;

import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.engine.EngineInfo;

/**
 * A downstream project's first calls into metart-models: the engine, a reference model and its
 * parameter count; fails (exit 1) if anything is off.
 */
public final class ConsumerMain {
  public static void main(String[] args) {
    EngineInfo engine = EngineInfo.current();
    if (!"2.7.1".equals(engine.engineVersion())) {
      throw new IllegalStateException("expected PyTorch 2.7.1, got " + engine.describe());
    }
    try (MetModel model = MetModels.resnet(18).classifier(1000)) {
      long parameters = model.parameterCount();
      if (parameters != 11_689_512L) {
        throw new IllegalStateException("expected resnet18 to have 11,689,512 parameters, got " + parameters);
      }
      System.out.println("consumer OK: " + engine.describe() + "; " + model.spec().describe() + ": " + parameters + " parameters");
    }
  }
}

package io.github.metart.eval.experiment;

import io.github.metart.train.config.TrainingSettings;
import io.github.metart.models.spec.HeadChoice;
import io.github.metart.models.spec.ModelRecipe;
import java.util.List;
import java.util.Locale;

/**
 * Ready-made experiments. The {@code demo-*} presets run in minutes on a CPU on the demo's generated
 * data (prepared into the experiment folder when no data is given); the {@code classic-*} presets
 * are the full study — AlexNet vs VGG-16 vs ResNet-50, hidden units 256 to 4096, dropout 0 to 0.8,
 * batch norm off and on, 224 px vs 448 px with the extra stem, and for years the direct vs the
 * binned head — meant for a GPU and a folder prepared from the Met's data at 448 px or more.
 */
public enum ExperimentPreset {

  /** Culture on the demo data: AlexNet (BN, 256 hidden units) sweeps and ResNet-18, 64 px. */
  DEMO_CULTURE(true),
  /** Years on the demo data: the direct vs the binned head, 64 px. */
  DEMO_YEAR(true),
  /** The classic study on culture. */
  CLASSIC_CULTURE(false),
  /** The classic study on years, with the direct vs the binned head. */
  CLASSIC_YEAR(false);

  private final boolean demo;

  ExperimentPreset(boolean demo) {
    this.demo = demo;
  }

  /** The name on the command line, e.g. {@code demo-culture}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the preset runs on the demo's generated data. */
  public boolean usesDemoData() {
    return demo;
  }

  /** The task the preset is for: {@code culture} or {@code year}. */
  public String task() {
    return this == DEMO_CULTURE || this == CLASSIC_CULTURE ? "culture" : "year";
  }

  /**
   * The preset of a name; {@code demo} means {@code demo-culture}.
   *
   * @throws IllegalArgumentException listing the names
   */
  public static ExperimentPreset named(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (wanted.equals("demo")) {
      return DEMO_CULTURE;
    }
    for (ExperimentPreset preset : values()) {
      if (preset.id().equals(wanted)) {
        return preset;
      }
    }
    throw new IllegalArgumentException(
        "unknown preset '" + name + "': use demo, demo-culture, demo-year, classic-culture or classic-year");
  }

  /** The experiment. */
  public ExperimentSpec spec() {
    return switch (this) {
      case DEMO_CULTURE -> new ExperimentSpec(
          "Demo sweep on culture (generated images)",
          "A small sweep on the demo's generated data: hidden units and dropout of AlexNet with batch"
              + " norm, and ResNet-18, at 64 px.",
          task(),
          ModelRecipe.of("alexnet_bn", 64).withHiddenUnits(256),
          TrainingSettings.builder().epochs(4).batchSize(32).optimizer("adam").learningRate(0.002).build(),
          List.of(
              Sweep.hiddenUnits("hidden units", List.of(256, 1024)),
              Sweep.dropout("dropout", List.of(0.0, 0.5)),
              Sweep.architectures("architecture", List.of("alexnet_bn", "resnet18"))));
      case DEMO_YEAR -> new ExperimentSpec(
          "Demo sweep on years (generated images)",
          "The direct year regression against a classifier over eight 50-year bins, ResNet-18 at 64 px,"
              + " on the demo's generated data.",
          task(),
          ModelRecipe.of("resnet18", 64).withHead(HeadChoice.DIRECT),
          TrainingSettings.builder().epochs(6).batchSize(32).optimizer("adam").learningRate(0.001).build(),
          List.of(Sweep.heads("year head", List.of(HeadChoice.DIRECT, HeadChoice.binned(8)))));
      case CLASSIC_CULTURE -> classic(false);
      case CLASSIC_YEAR -> classic(true);
    };
  }

  private ExperimentSpec classic(boolean years) {
    List<Sweep> sweeps =
        new java.util.ArrayList<>(
            List.of(
                Sweep.architectures("architecture", List.of("alexnet", "vgg16", "resnet50")),
                Sweep.hiddenUnits("hidden units", List.of(256, 512, 1024, 2048, 4096)),
                Sweep.dropout("dropout", List.of(0.0, 0.2, 0.4, 0.6, 0.8)),
                Sweep.batchNorm("batch norm", List.of(false, true)),
                Sweep.inputs("input size", List.of(new InputChoice(224, 0), new InputChoice(448, 1)))));
    if (years) {
      sweeps.add(Sweep.heads("year head", List.of(HeadChoice.DIRECT, HeadChoice.binned(8))));
    }
    return new ExperimentSpec(
        "The classic study on " + task(),
        "AlexNet, VGG-16 and ResNet-50; the hidden units, dropout and batch norm of AlexNet; 224 px"
            + " against 448 px with one extra strided stem layer"
            + (years ? "; the direct year regression against eight 50-year bins." : "."),
        task(),
        ModelRecipe.of("alexnet", 224).withHead(years ? HeadChoice.DIRECT : HeadChoice.AUTO),
        TrainingSettings.builder()
            .epochs(30)
            .batchSize(64)
            .optimizer("sgd")
            .learningRate(0.01)
            .momentum(0.9)
            .weightDecay(5e-4)
            .schedule("cosine")
            .warmupEpochs(1.0)
            .earlyStoppingPatience(8)
            .build(),
        sweeps);
  }
}

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
 * binned head — meant for a GPU and a folder prepared from the Met's data at 448 px or more. The
 * {@code ablation} presets switch each training lever on alone against the plain run, and compare the
 * three year targets on both year heads ({@code demo-*} on the generated data, the others with the
 * same command on a prepared folder and a GPU).
 */
public enum ExperimentPreset {

  /** Culture on the demo data: AlexNet (BN, 256 hidden units) sweeps and ResNet-18, 64 px. */
  DEMO_CULTURE(true),
  /** Years on the demo data: the direct vs the binned head, 64 px. */
  DEMO_YEAR(true),
  /** The classic study on culture. */
  CLASSIC_CULTURE(false),
  /** The classic study on years, with the direct vs the binned head. */
  CLASSIC_YEAR(false),
  /** Each training lever alone against the plain run, ResNet-18 at 64 px on the demo's culture data. */
  DEMO_ABLATION(true),
  /** The three year targets on the direct and the binned head, ResNet-18 at 64 px on the demo's year data. */
  DEMO_YEAR_TARGETS(true),
  /** Each training lever alone against the plain run, ResNet-50 at 224 px, for a GPU. */
  ABLATION(false),
  /** The three year targets on the direct and the binned head, ResNet-50 at 224 px, for a GPU. */
  YEAR_TARGETS(false),
  /**
   * From scratch, a frozen ImageNet backbone and full fine-tuning, ResNet-18 at 64 px on the demo's
   * culture data (the weights are downloaded once: {@code --allow-downloads}).
   */
  DEMO_FINETUNE(true),
  /** From scratch, a frozen ImageNet backbone and full fine-tuning on culture, ResNet-50 at 224 px, for a GPU. */
  FINETUNE_CULTURE(false),
  /** From scratch, a frozen ImageNet backbone and full fine-tuning on years, ResNet-50 at 224 px, for a GPU. */
  FINETUNE_YEAR(false);

  private final boolean demo;

  ExperimentPreset(boolean demo) {
    this.demo = demo;
  }

  /** Every preset's name, as the command line takes them. */
  public static final String NAMES =
      "demo, demo-culture, demo-year, classic-culture, classic-year, demo-ablation, demo-year-targets,"
          + " ablation, year-targets, demo-finetune, finetune-culture or finetune-year";

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
    return this == DEMO_CULTURE || this == CLASSIC_CULTURE || this == DEMO_ABLATION || this == ABLATION
            || this == DEMO_FINETUNE || this == FINETUNE_CULTURE
        ? "culture"
        : "year";
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
        "unknown preset '" + name + "': use " + NAMES);
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
      case DEMO_ABLATION -> ablation(ModelRecipe.of("resnet18", 64),
          TrainingSettings.builder().epochs(4).batchSize(32).optimizer("adam").learningRate(0.002).build(), true);
      case ABLATION -> ablation(ModelRecipe.of("resnet50", 224),
          TrainingSettings.builder().epochs(30).batchSize(64).optimizer("adamw").learningRate(0.001)
              .schedule("cosine").warmupEpochs(1.0).build(), false);
      case DEMO_YEAR_TARGETS -> yearTargets(ModelRecipe.of("resnet18", 64),
          TrainingSettings.builder().epochs(6).batchSize(32).optimizer("adam").learningRate(0.001).build(), true);
      case DEMO_FINETUNE -> fineTuning(ModelRecipe.of("resnet18", 64),
          TrainingSettings.builder().epochs(4).batchSize(32).optimizer("adam").learningRate(0.001).build(), true);
      case FINETUNE_CULTURE -> fineTuning(ModelRecipe.of("resnet50", 224),
          TrainingSettings.builder().epochs(20).batchSize(64).optimizer("adamw").learningRate(0.001)
              .schedule("cosine").warmupEpochs(1.0).build(), false);
      case FINETUNE_YEAR -> fineTuning(ModelRecipe.of("resnet50", 224).withHead(HeadChoice.DIRECT),
          TrainingSettings.builder().epochs(20).batchSize(64).optimizer("adamw").learningRate(0.001)
              .schedule("cosine").warmupEpochs(1.0).build(), false);
      case YEAR_TARGETS -> yearTargets(ModelRecipe.of("resnet50", 224),
          TrainingSettings.builder().epochs(30).batchSize(64).optimizer("adamw").learningRate(0.001)
              .schedule("cosine").warmupEpochs(1.0).build(), false);
    };
  }

  /**
   * The three ways to use ImageNet weights: none (from scratch), a frozen backbone under a new head
   * (frozen for every epoch), and full fine-tuning (the head first for one epoch, then every layer,
   * the backbone at a tenth of the learning rate).
   */
  private ExperimentSpec fineTuning(ModelRecipe base, TrainingSettings training, boolean demo) {
    int epochs = training.config().epochs();
    return new ExperimentSpec(
        (demo ? "Demo comparison" : "Comparison") + " of from scratch, frozen and fine-tuned ImageNet backbones on " + task(),
        "The same model from scratch, with its ImageNet-pretrained backbone frozen under a new head,"
            + " and fine-tuned (head first for one epoch, then the backbone at 0.1 x the learning rate), "
            + base.describe() + (demo ? ", on the demo's generated data." : "."),
        task(),
        base.withPretrained("imagenet"),
        training,
        List.of(
            new Sweep("from scratch", null, null, null, null, null, null, null, List.of(Sweep.FROM_SCRATCH)),
            Sweep.training("pretrained backbone", List.of(
                new TrainingVariant("frozen", TrainingSettings.builder().freezeBackboneEpochs(epochs).build()),
                new TrainingVariant("fine-tuned",
                    TrainingSettings.builder().freezeBackboneEpochs(1).backboneLrFactor(0.1).build())))));
  }

  /** Each lever of the training recipe alone, against the plain run (crop and flip only). */
  private ExperimentSpec ablation(ModelRecipe base, TrainingSettings training, boolean demo) {
    List<TrainingVariant> levers =
        List.of(
            TrainingVariant.unchanged("plain"),
            new TrainingVariant("trivialaugment", TrainingSettings.builder().augmentation("crop-flip+trivial").build()),
            new TrainingVariant("randaugment", TrainingSettings.builder().augmentation("crop-flip+randaugment:2:9").build()),
            new TrainingVariant("erasing", TrainingSettings.builder().randomErasing(0.25).build()),
            new TrainingVariant("mixup", TrainingSettings.builder().mixup(0.2).build()),
            new TrainingVariant("cutmix", TrainingSettings.builder().cutmix(1.0).build()),
            new TrainingVariant("label-smoothing", TrainingSettings.builder().labelSmoothing(0.1).build()),
            new TrainingVariant("ema", TrainingSettings.builder().ema(demo ? 0.99 : 0.999).build()));
    return new ExperimentSpec(
        (demo ? "Demo ablation" : "Ablation") + " of the training recipe on culture",
        "Each lever alone against the plain run (crop and flip), " + base.describe()
            + (demo ? ", on the demo's generated data." : "."),
        "culture",
        base,
        training,
        List.of(Sweep.training("training lever", levers)));
  }

  /** The seed's year target (one year drawn inside the interval), the midpoint and the interval itself, on both heads. */
  private ExperimentSpec yearTargets(ModelRecipe base, TrainingSettings training, boolean demo) {
    List<TrainingVariant> targets =
        List.of(
            new TrainingVariant("random", TrainingSettings.builder().yearTarget("random").build()),
            new TrainingVariant("midpoint", TrainingSettings.builder().yearTarget("midpoint").build()),
            new TrainingVariant("interval", TrainingSettings.builder().yearTarget("interval").build()));
    return new ExperimentSpec(
        (demo ? "Demo comparison" : "Comparison") + " of the year targets",
        "What a year model learns from each object's date interval — one year drawn inside it, its"
            + " midpoint, or the interval itself — on the direct and the binned head, " + base.describe()
            + (demo ? ", on the demo's generated data." : "."),
        "year",
        base.withHead(HeadChoice.DIRECT),
        training,
        List.of(
            new Sweep("year target", null, null, null, null, null,
                List.of(HeadChoice.DIRECT, HeadChoice.binned(8)), targets)));
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

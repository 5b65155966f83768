package io.github.metart.examples.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.github.metart.data.loading.Augmentation;
import io.github.metart.data.loading.MixedLabels;
import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.GradientClipping;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.fit.Trainer;
import io.github.metart.train.listeners.BatchProgress;
import io.github.metart.train.listeners.TrainingListener;
import io.github.metart.train.optim.OptimizerState;
import io.github.metart.train.optim.ParameterUpdater;
import io.github.metart.train.config.WeightAverage;
import io.github.metart.train.optim.ParameterUpdaters;
import io.github.metart.train.optim.ReplicatedParameters;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import io.github.metart.models.engine.MetEngine;

/**
 * {@code metart bench train}: milliseconds per training step of real architectures on one synthetic
 * batch — a bare DJL loop (forward, loss, backward, DJL's SGD step), {@code Trainer.fit}, and the
 * parameter update alone (DJL's SGD, metart's fused update, metart's unfused fallback). Medians of
 * {@code --steps} measured steps after {@code --warmup} ones, all in one run.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Milliseconds per training step: bare DJL loop, Trainer.fit, the update alone.",
      "",
      "At SIZE x SIZE, batch B, SGD (momentum 0.9 by default) on one synthetic batch: a bare DJL",
      "loop (forward, loss, backward, DJL's own SGD step), Trainer.fit, and the update alone",
      "(DJL's SGD, metart's fused update, metart's unfused fallback). Medians after warm-up."
    })
final class BenchTrainCommand implements Callable<Integer> {

  /** Small enough that no architecture diverges on the synthetic batch (speed does not depend on it). */
  private static final double LEARNING_RATE = 0.001;

  @Spec CommandSpec spec;

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "ARCH",
      description = "Architectures (default: alexnet,vgg11,resnet18).")
  List<String> models = List.of("alexnet", "vgg11", "resnet18");

  @Option(names = "--batch-size", paramLabel = "B", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batchSize = 32;

  @Option(names = "--size", paramLabel = "PX", description = "Input side (default: ${DEFAULT-VALUE}).")
  int size = 224;

  @Option(names = "--steps", paramLabel = "N", description = "Measured steps (default: ${DEFAULT-VALUE}).")
  int steps = 3;

  @Option(names = "--warmup", paramLabel = "N", description = "Warm-up steps (default: ${DEFAULT-VALUE}).")
  int warmup = 1;

  @Option(
      names = "--updates",
      paramLabel = "N",
      description = "Measured updates when timing the update alone (default: ${DEFAULT-VALUE}).")
  int updates = 10;

  @Option(
      names = "--ema-every",
      paramLabel = "N",
      description = "The EMA variant updates its average after every N updates (default: ${DEFAULT-VALUE}).")
  int emaEvery = 1;

  @Option(names = "--classes", paramLabel = "N", description = "Classes of the head (default: ${DEFAULT-VALUE}).")
  int classes = 10;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "CPU compute threads of every variant (default: one per processor).")
  int threads;

  @Option(
      names = "--momentum",
      paramLabel = "M",
      description = "SGD momentum of every variant, 0 for plain SGD (default: ${DEFAULT-VALUE}).")
  double momentum = 0.9;

  @Override
  public Integer call() {
    if (momentum < 0 || momentum >= 1) {
      throw new ParameterException(spec.commandLine(), "--momentum must be in [0, 1), got " + momentum);
    }
    if (steps < 1 || warmup < 0 || updates < 1 || batchSize < 1) {
      throw new ParameterException(
          spec.commandLine(), "--steps, --updates and --batch-size must be at least 1, --warmup 0 or more");
    }
    PrintWriter out = spec.commandLine().getOut();
    Engine engine = MetEngine.engine();
    int computeThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    ai.djl.pytorch.jni.JniUtils.setNumThreads(computeThreads);
    out.printf(
        Locale.ROOT,
        "metart bench train: %dx%d, batch %d, SGD momentum %s; medians of %d steps after %d"
            + " warm-up (%d updates for the update alone)%n",
        size,
        size,
        batchSize,
        momentum,
        steps,
        warmup,
        updates);
    out.printf(
        Locale.ROOT,
        "%s %s, %d processors, %d compute threads, device %s, load average %.2f%n",
        engine.getEngineName(),
        engine.getVersion(),
        Runtime.getRuntime().availableProcessors(),
        computeThreads,
        engine.defaultDevice(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.printf(
        Locale.ROOT,
        "%-9s %9s | %10s %10s %7s | %10s %9s | %10s %10s %10s | %10s | %10s %7s %7s | %10s %8s %8s%n",
        "model",
        "params",
        "bare DJL",
        "fit",
        "ratio",
        "fwd+bwd",
        "overhead",
        "upd DJL",
        "upd fused",
        "upd unfus.",
        "fit cpu",
        "fit EMA",
        "EMA +%",
        "cpu +%",
        "fit mixed",
        "mix cost",
        "cpu +%");
    out.flush();
    for (String name : models) {
      Row row = measure(name);
      out.printf(
          Locale.ROOT,
          "%-9s %8.1fM | %8.1fms %8.1fms %7.3f | %8.1fms %9.3f | %8.1fms %8.1fms %8.1fms |"
              + " %8.1fms | %8.1fms %6.1f%% %6.1f%% | %8.1fms %7.1f%% %7.1f%%%n",
          name,
          row.parameters / 1e6,
          row.bareStep,
          row.fitStep,
          row.fitStep / row.bareStep,
          row.forwardBackward,
          row.fitStep / (row.forwardBackward + row.fusedUpdate),
          row.djlUpdate,
          row.fusedUpdate,
          row.unfusedUpdate,
          row.fitCpu,
          row.fitEmaStep,
          100 * (row.fitEmaStep / row.fitStep - 1),
          100 * (row.fitEmaCpu / row.fitCpu - 1),
          row.fitMixedStep,
          100 * (row.fitMixedStep / row.fitStep - 1),
          100 * (row.fitMixedCpu / row.fitCpu - 1));
      out.flush();
    }
    out.println(
        "bare DJL = forward + loss + backward + DJL trainer.step(); fit = Trainer.fit per step;"
            + " ratio = fit / bare DJL;");
    out.println(
        "fwd+bwd = bare DJL minus its update; overhead = fit / (fwd+bwd + fused update);"
            + " upd = the update alone;");
    out.println(
        "fit cpu = the process's CPU time per fit step (mean; it counts only this process, so its +%"
            + " are steadier than the wall clock's on a shared machine);");
    out.println(
        "fit EMA = Trainer.fit per step with a moving average of the weights (--ema 0.999"
            + (emaEvery > 1 ? " --ema-every " + emaEvery : "")
            + ");"
            + " EMA +% = its cost over fit (wall clock), cpu +% the same in CPU time;");
    out.println(
        "fit mixed = Trainer.fit per step on mixup/CutMix labels [B, 3] (soft-target loss); mix cost ="
            + " fit mixed / fit - 1, cpu +% in CPU time. Image augmentation (TrivialAugment,"
            + " RandAugment, erasing, the mixing of the images) runs in the loader threads: see"
            + " metart bench load --augmentation.");
    out.printf(
        Locale.ROOT,
        "load average at the end: %.2f (figures are only comparable on an otherwise idle machine)%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.flush();
    return 0;
  }

  private record Row(
      double parameters,
      double bareStep,
      double forwardBackward,
      double djlUpdate,
      double fitStep,
      double fusedUpdate,
      double unfusedUpdate,
      double fitEmaStep,
      double fitMixedStep,
      double fitCpu,
      double fitEmaCpu,
      double fitMixedCpu) {}

  private Row measure(String name) {
    Engine engine = MetEngine.engine();
    engine.setRandomSeed(1);
    Random random = new Random(1);
    float[] images = new float[batchSize * 3 * size * size];
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextGaussian();
    }
    float[] labels = new float[batchSize];
    for (int i = 0; i < batchSize; i++) {
      labels[i] = random.nextInt(classes);
    }
    Shape imageShape = new Shape(batchSize, 3, size, size);
    // a fresh model (same seed) for each measurement, so that none inherits another's weights
    double[] bare;
    double[] updatesAlone;
    double[] fit;
    long parameters;
    try (MetModel model = freshModel(name)) {
      parameters = model.trainableParameterCount();
      bare = bareDjlLoop(model.djlModel(), images, labels, imageShape);
    }
    try (MetModel model = freshModel(name)) {
      updatesAlone = updatesAlone(model);
    }
    try (MetModel model = freshModel(name)) {
      fit = trainerFit(model, images, labels, imageShape, WeightAverage.none());
    }
    double[] fitEma;
    try (MetModel model = freshModel(name)) {
      fitEma = trainerFit(model, images, labels, imageShape, WeightAverage.of(0.999).withEvery(emaEvery));
    }
    // the same step on mixed labels: each sample's label, another class, and the first one's weight
    float[] mixed = new float[batchSize * MixedLabels.COLUMNS];
    for (int i = 0; i < batchSize; i++) {
      mixed[3 * i] = labels[i];
      mixed[3 * i + 1] = (labels[i] + 1) % classes;
      mixed[3 * i + 2] = 0.7f;
    }
    double[] fitMixed;
    try (MetModel model = freshModel(name)) {
      fitMixed = trainerFit(model, images, mixed, imageShape, WeightAverage.none());
    }
    return new Row(
        parameters, bare[0], bare[0] - bare[1], bare[1], fit[0], updatesAlone[0], updatesAlone[1], fitEma[0],
        fitMixed[0], fit[1], fitEma[1], fitMixed[1]);
  }

  private MetModel freshModel(String name) {
    MetEngine.engine().setRandomSeed(7);
    return MetModels.named(name).inputSize(size).classifier(classes);
  }

  /** The bare DJL loop: returns the median ms per step and per {@code trainer.step()}. */
  private double[] bareDjlLoop(Model model, float[] images, float[] labels, Shape shape) {
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optOptimizer(
                Optimizer.sgd()
                    .setLearningRateTracker(Tracker.fixed((float) LEARNING_RATE))
                    .optMomentum((float) momentum)
                    .build())
            .optDevices(new Device[] {model.getNDManager().getDevice()});
    List<Double> stepTimes = new ArrayList<>();
    List<Double> updateTimes = new ArrayList<>();
    try (ai.djl.training.Trainer trainer = model.newTrainer(config)) {
      for (int step = 0; step < warmup + steps; step++) {
        long start = System.nanoTime();
        long update;
        try (NDManager scope = trainer.getManager().newSubManager()) {
          NDArray x = scope.create(images, shape);
          NDArray y = scope.create(labels, new Shape(batchSize, 1));
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList outputs = trainer.forward(new NDList(x));
            NDArray loss = trainer.getLoss().evaluate(new NDList(y), outputs);
            collector.backward(loss);
          }
          long beforeUpdate = System.nanoTime();
          trainer.step();
          update = System.nanoTime() - beforeUpdate;
        }
        if (step >= warmup) {
          stepTimes.add((System.nanoTime() - start) / 1e6);
          updateTimes.add(update / 1e6);
        }
      }
    }
    return new double[] {median(stepTimes), median(updateTimes)};
  }

  /** The update alone, fused and unfused: median ms per update on gradients of the right shapes. */
  private double[] updatesAlone(MetModel model) {
    List<String> names = new ArrayList<>();
    List<NDArray> weights = new ArrayList<>();
    for (Pair<String, Parameter> entry : model.network().getParameters()) {
      if (entry.getValue().requiresGradient()) {
        names.add(entry.getKey());
        weights.add(entry.getValue().getArray());
      }
    }
    ReplicatedParameters parameters = ReplicatedParameters.single(names, weights);
    OptimizerConfig sgd = OptimizerConfig.sgd(LEARNING_RATE).withMomentum(momentum);
    double[] medians = new double[2];
    try (NDManager scope = model.djlModel().getNDManager().newSubManager()) {
      List<NDArray> gradients = new ArrayList<>();
      for (NDArray weight : weights) {
        gradients.add(scope.randomNormal(0, 1e-3f, weight.getShape(), DataType.FLOAT32));
      }
      for (int k = 0; k < 2; k++) {
        boolean fused = k == 0;
        try (OptimizerState state = OptimizerState.zeros(sgd, parameters, scope);
            ParameterUpdater updater =
                ParameterUpdaters.create(sgd, GradientClipping.none(), parameters, state, fused)) {
          medians[k] = medianMillis(() -> time(() -> updater.apply(gradients, LEARNING_RATE)), 2, updates);
        }
      }
    }
    return medians;
  }

  /**
   * Trainer.fit over warm-up + measured batches: the median ms between consecutive batch ends on
   * the wall clock, and the mean ms of the process's CPU time per measured batch (less disturbed by
   * other processes on a shared machine); {@code labels} holds one ({@code [B, 1]}) or three ({@link MixedLabels}, trained as
   * mixup) values per sample.
   */
  private double[] trainerFit(
      MetModel model, float[] images, float[] labels, Shape shape, WeightAverage ema) {
    int batches = warmup + steps;
    List<Long> ends = new ArrayList<>();
    List<Long> cpuEnds = new ArrayList<>();
    TrainingListener timing =
        new TrainingListener() {
          @Override
          public void onBatchEnd(BatchProgress progress) {
            ends.add(System.nanoTime());
            cpuEnds.add(BenchPrepareCommand.processCpuNanos());
          }
        };
    try (NDManager scope = model.djlModel().getNDManager().newSubManager()) {
      float[] all = new float[images.length * batches];
      float[] allLabels = new float[labels.length * batches];
      for (int b = 0; b < batches; b++) {
        System.arraycopy(images, 0, all, b * images.length, images.length);
        System.arraycopy(labels, 0, allLabels, b * labels.length, labels.length);
      }
      ArrayDataset dataset =
          new ArrayDataset.Builder()
              .setData(scope.create(all, new Shape(batches * batchSize, 3, size, size)))
              .optLabels(scope.create(allLabels, new Shape(batches * batchSize, labels.length / batchSize)))
              .setSampling(batchSize, false)
              .build();
      long start = System.nanoTime();
      long cpuStart = BenchPrepareCommand.processCpuNanos();
      TrainingConfig config =
          TrainingConfig.builder()
              .epochs(1)
              .batchSize(batchSize)
              .optimizer(OptimizerConfig.sgd(LEARNING_RATE).withMomentum(momentum))
              .devices(DeviceChoice.auto())
              .loaderThreads(1)
              .cpuThreads(threads)
              .checkpointEveryMinutes(0)
              .restoreBestWeights(false)
              .ema(ema)
              // mixed labels are read as such only when the run mixes (the array dataset itself is not augmented)
              .augmentation(labels.length == images.length / (3 * size * size) * MixedLabels.COLUMNS
                  ? Augmentation.NONE.withMixup(0.2f) : Augmentation.NONE)
              .build();
      Trainer.builder().listener(timing).build().fit(model, TrainingData.of(dataset, null), config);
      // the CPU clock ticks in coarse steps (10 ms on Linux): a mean over the measured steps
      long cpuBefore = warmup == 0 ? cpuStart : cpuEnds.get(warmup - 1);
      double cpuMean = (cpuEnds.get(cpuEnds.size() - 1) - cpuBefore) / 1e6 / (ends.size() - warmup);
      return new double[] {medianStep(start, ends), cpuMean};
    }
  }

  /** The median ms between consecutive measured batch ends (after the warm-up ones). */
  private double medianStep(long start, List<Long> ends) {
    List<Double> stepTimes = new ArrayList<>();
    long previous = start;
    for (int i = 0; i < ends.size(); i++) {
      if (i >= warmup) {
        stepTimes.add((ends.get(i) - previous) / 1e6);
      }
      previous = ends.get(i);
    }
    return median(stepTimes);
  }

  private static long time(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return System.nanoTime() - start;
  }

  private static double medianMillis(LongSupplier run, int warm, int measured) {
    for (int i = 0; i < warm; i++) {
      run.getAsLong();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < measured; i++) {
      times.add(run.getAsLong() / 1e6);
    }
    return median(times);
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import io.github.metart.data.loading.Augmentation;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.checkpoint.StoredCheckpoint;
import io.github.metart.train.config.DeviceChoice;
import io.github.metart.train.config.EarlyStopping;
import io.github.metart.train.config.LearningRateSchedule;
import io.github.metart.train.config.LossConfig;
import io.github.metart.train.config.Monitor;
import io.github.metart.train.config.OptimizerConfig;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.data.TrainingData;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.history.HistoryFiles;
import io.github.metart.train.history.RunStatus;
import io.github.metart.train.listeners.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.metart.models.engine.ConvolutionGuard;
import io.github.metart.models.engine.MetEngine;

/** Trainer.fit on tiny models and synthetic data: it learns, stops, diverges and reports right. */
class TrainerTest {

  @TempDir Path temp;

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = MetEngine.engine().newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private TrainingConfig.Builder base() {
    return TrainingConfig.builder()
        .batchSize(16)
        .seed(7)
        .devices(DeviceChoice.cpu())
        .checkpointEveryMinutes(0);
  }

  @Test
  void aSmallClassifierLearnsASyntheticTask() throws IOException {
    TrainingData data =
        TrainingData.of(
            TinyModels.classes(manager, 240, 3, 1), TinyModels.classes(manager, 90, 3, 2));
    TrainingConfig config =
        base()
            .epochs(4)
            .optimizer(OptimizerConfig.sgd(0.05).withMomentum(0.9))
            .schedule(LearningRateSchedule.constant())
            .build();
    Path out = temp.resolve("classifier");
    try (TinyModels.TestModel model = TinyModels.classifier(3, 11)) {
      FitResult result = Trainer.builder().outputDirectory(out).build().fit(model, data, config);

      History history = result.history();
      assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(history.size()).isEqualTo(4);
      EpochRecord first = history.epochs().get(0);
      EpochRecord last = history.epochs().get(3);
      assertThat(last.trainLoss()).isLessThan(first.trainLoss() * 0.5);
      assertThat(last.valMetric()).as("validation accuracy (chance is 1/3)").isGreaterThan(0.9);
      assertThat(last.learningRate()).isEqualTo(0.05);
      assertThat(last.imagesPerSecond()).isPositive();
      assertThat(result.devices()).containsExactly("cpu()");
      assertThat(result.updater()).contains("_fused_sgd_");
      assertThat(result.monitor()).isEqualTo("val_accuracy");

      // files: history (CSV and JSON with provenance) and both checkpoints
      List<String> csv = Files.readAllLines(out.resolve("history.csv"));
      assertThat(csv.get(0))
          .isEqualTo(
              "epoch,train_loss,train_accuracy,val_loss,val_accuracy,learning_rate,seconds,images_per_second");
      assertThat(csv).hasSize(5);
      HistoryFiles.Snapshot snapshot = HistoryFiles.read(out);
      assertThat(snapshot.history().withoutTiming()).isEqualTo(history.withoutTiming());
      assertThat(snapshot.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(snapshot.provenance().seed()).isEqualTo(7);
      assertThat(snapshot.provenance().engine()).isEqualTo("PyTorch 2.7.1");
      assertThat(snapshot.provenance().djlVersion()).isEqualTo("0.36.0");
      assertThat(snapshot.provenance().javaVersion()).isEqualTo(Runtime.version().toString());
      assertThat(snapshot.provenance().modelSpec()).contains("classifier");
      assertThat(snapshot.provenance().config()).isEqualTo(config);
      CheckpointStore store = new CheckpointStore(out.resolve("checkpoints"));
      StoredCheckpoint lastCheckpoint = store.read(CheckpointStore.LAST).orElseThrow();
      assertThat(lastCheckpoint.state().epoch()).isEqualTo(4);
      assertThat(lastCheckpoint.state().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(lastCheckpoint.provenance().datasetManifestSha256()).isEqualTo("unknown");
      StoredCheckpoint bestCheckpoint = store.read(CheckpointStore.BEST).orElseThrow();
      assertThat(bestCheckpoint.state().epoch()).isEqualTo(result.bestEpoch());
      assertThat(result.modelFolder()).contains(out.resolve("model"));
      assertThat(out.resolve("model/spec.json")).exists();
    }
  }

  /**
   * The tiny networks have 8-channel convolutions: on an AVX-512 CPU oneDNN computes their input
   * gradients from uninitialized memory (NaN at a different step in each run) unless the trainer's
   * convolution guard steps in. Two runs with one seed must give the same finite history, and the
   * guard must leave oneDNN as it found it.
   */
  @Test
  void aNarrowNetworkTrainsToTheSameFiniteHistoryTwice() {
    assertThat(ConvolutionGuard.narrowConvolutions(TinyModels.classifier(3, 1).block()))
        .isNotEmpty();
    List<History> histories = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      TrainingData data =
          TrainingData.of(
              TinyModels.classes(manager, 160, 3, 1), TinyModels.classes(manager, 48, 3, 2));
      TrainingConfig config =
          base().epochs(3).optimizer(OptimizerConfig.sgd(0.05).withMomentum(0.9)).build();
      try (TinyModels.TestModel model = TinyModels.classifier(3, 11)) {
        FitResult result = Trainer.builder().build().fit(model, data, config);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        histories.add(result.history().withoutTiming());
      }
      assertThat(ConvolutionGuard.oneDnnEnabled()).isTrue();
    }
    assertThat(histories.get(0).epochs())
        .allSatisfy(
            epoch -> {
              assertThat(epoch.trainLoss()).isFinite();
              assertThat(epoch.valLoss()).isFinite();
            });
    assertThat(histories.get(1)).isEqualTo(histories.get(0));
  }

  @Test
  void aLastBatchOfOneRecordIsLeftOutSoBatchNormCanTrain() {
    // 33 records in batches of 16: two whole batches and one of a single record, on which batch
    // norm over pooled features cannot train (PyTorch: "Expected more than 1 value per channel")
    TrainingData data =
        TrainingData.of(TinyModels.classes(manager, 33, 3, 1), TinyModels.classes(manager, 9, 3, 2));
    try (TinyModels.TestModel model = TinyModels.pooledBatchNormClassifier(3, 5)) {
      FitResult result = Trainer.builder().build().fit(model, data, base().epochs(2).build());

      assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(result.history().epochs()).hasSize(2);
    }
    // batches of one record cannot train batch norm at all: said in the trainer's words
    try (TinyModels.TestModel model = TinyModels.pooledBatchNormClassifier(3, 5)) {
      assertThatThrownBy(() -> Trainer.builder().build().fit(model, data, base().epochs(1).batchSize(1).build()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "batch normalization cannot train on one record: batch 1 of epoch 1 holds 1 record(s)"
                  + " (split over the training devices); use a --batch-size of at least 2 per device");
    }
    assertThat(RunContext.trainingSampler(base().build()).batchesPerEpoch(33)).isEqualTo(2);
    assertThat(RunContext.trainingSampler(base().build()).batchesPerEpoch(34)).isEqualTo(3);
  }

  @Test
  void theRegressionHeadLearnsASyntheticYear() {
    TrainingData data =
        TrainingData.of(TinyModels.years(manager, 320, 3), TinyModels.years(manager, 80, 4));
    TrainingConfig config =
        base().epochs(6).optimizer(OptimizerConfig.adam(0.01)).loss(LossConfig.huber(0.1)).build();
    try (TinyModels.TestModel model = TinyModels.regression(1500, 1900, 5)) {
      FitResult result = Trainer.create().fit(model, data, config);

      EpochRecord last = result.history().last().orElseThrow();
      assertThat(result.history().metricName()).isEqualTo("mean_year_error");
      // predicting the middle year would miss by 100 years on average over 1500..1900
      assertThat(last.valMetric()).as("validation mean year error").isLessThan(30);
      assertThat(last.trainLoss()).isLessThan(result.history().epochs().get(0).trainLoss());
      assertThat(result.updater()).contains("_fused_adam_");
    }
  }

  @Test
  void earlyStoppingEndsTheRunAfterPatienceAndRestoresTheBestWeights() throws IOException {
    // after the first epoch the training labels are remapped (y -> y+1 mod 3): the model learns a
    // wrong mapping and the validation loss (true labels) gets worse than after epoch 1
    AtomicBoolean remapped = new AtomicBoolean();
    RandomAccessDataset train =
        new SwitchingDataset(TinyModels.classes(manager, 96, 3, 1), remapped, false);
    TrainingData data = TrainingData.of(train, TinyModels.classes(manager, 48, 3, 2));
    TrainingConfig config =
        base()
            .epochs(10)
            .optimizer(OptimizerConfig.sgd(0.05).withMomentum(0.9))
            .earlyStopping(EarlyStopping.on(Monitor.VAL_LOSS).withPatience(2))
            .build();
    Path out = temp.resolve("early");
    List<Integer> ended = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onEpochEnd(EpochRecord record, History history) {
            ended.add(record.epoch());
            remapped.set(true);
          }
        };
    try (TinyModels.TestModel model = TinyModels.classifier(3, 11)) {
      FitResult result =
          Trainer.builder().outputDirectory(out).listener(listener).build().fit(model, data, config);

      assertThat(result.status()).isEqualTo(RunStatus.EARLY_STOPPED);
      assertThat(ended).containsExactly(1, 2, 3);
      assertThat(result.bestEpoch()).isEqualTo(1);
      assertThat(result.message())
          .isEqualTo(
              String.format(
                  java.util.Locale.ROOT,
                  "early stopping after epoch 3: val_loss did not improve for 2 epochs (best %.6g"
                      + " at epoch 1)",
                  result.history().epochs().get(0).valLoss()));
      assertThat(result.monitor()).isEqualTo("val_loss");
      assertThat(HistoryFiles.read(out).status()).isEqualTo(RunStatus.EARLY_STOPPED);
      assertThat(HistoryFiles.read(out).bestEpoch()).isEqualTo(1);
      byte[] best =
          Files.readAllBytes(out.resolve("checkpoints/best").resolve(CheckpointStore.WEIGHTS));
      byte[] last =
          Files.readAllBytes(out.resolve("checkpoints/last").resolve(CheckpointStore.WEIGHTS));
      assertThat(best).isNotEqualTo(last);
      // the model now holds the best epoch's weights
      assertThat(result.weightsEpoch()).isEqualTo(1);
      java.io.ByteArrayOutputStream now = new java.io.ByteArrayOutputStream();
      WeightsIo.save(model.block(), now);
      assertThat(now.toByteArray()).isEqualTo(best);

      // resuming a finished run returns at once with the same history
      FitResult again = Trainer.builder().outputDirectory(out).build().resume(model, data, config);
      assertThat(again.history().withoutTiming()).isEqualTo(result.history().withoutTiming());
      assertThat(again.status()).isEqualTo(RunStatus.EARLY_STOPPED);
    }
  }

  @Test
  void aNaNLossStopsWithAClearMessageAndKeepsTheLastGoodCheckpoint() throws IOException {
    AtomicBoolean poisoned = new AtomicBoolean();
    RandomAccessDataset clean = TinyModels.classes(manager, 64, 3, 1);
    RandomAccessDataset train = new SwitchingDataset(clean, poisoned, true);
    TrainingConfig config = base().epochs(3).build();
    Path out = temp.resolve("nan");
    TrainingListener poisonAfterFirstEpoch =
        new TrainingListener() {
          @Override
          public void onEpochEnd(EpochRecord record, History history) {
            poisoned.set(true);
          }
        };
    try (TinyModels.TestModel model = TinyModels.classifier(3, 11)) {
      Trainer trainer =
          Trainer.builder().outputDirectory(out).listener(poisonAfterFirstEpoch).build();
      assertThatThrownBy(() -> trainer.fit(model, TrainingData.of(train, null), config))
          .isInstanceOf(TrainingDivergedException.class)
          .hasMessageContaining("training diverged at epoch 2/3, batch 1/4 (step 5)")
          .hasMessageContaining("the loss is NaN")
          .hasMessageContaining("the last good checkpoint is " + out.resolve("checkpoints/last"))
          .hasMessageContaining("the model holds its weights again");

      HistoryFiles.Snapshot snapshot = HistoryFiles.read(out);
      assertThat(snapshot.status()).isEqualTo(RunStatus.DIVERGED);
      assertThat(snapshot.message()).contains("NaN");
      assertThat(snapshot.history().size()).isEqualTo(1);
      StoredCheckpoint last =
          new CheckpointStore(out.resolve("checkpoints")).read(CheckpointStore.LAST).orElseThrow();
      assertThat(last.state().epoch()).isEqualTo(1);
      assertThat(last.state().status()).isEqualTo(RunStatus.RUNNING);
      for (NDArray weights :
          model.block().getParameters().values().stream().map(p -> p.getArray()).toList()) {
        assertThat(weights.isNaN().any().getBoolean()).isFalse();
      }
      java.io.ByteArrayOutputStream now = new java.io.ByteArrayOutputStream();
      WeightsIo.save(model.block(), now);
      assertThat(now.toByteArray()).isEqualTo(Files.readAllBytes(last.weights()));
    }
  }

  @Test
  void badRequestsFailWithMessagesThatSayWhatIsWrong() {
    TrainingData data = TrainingData.of(TinyModels.classes(manager, 32, 3, 1), null);
    try (TinyModels.TestModel model = TinyModels.classifier(3, 11)) {
      assertThatThrownBy(
              () -> Trainer.create().fit(model, data, base().epochs(1).loss(LossConfig.l1()).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the loss l1 does not fit a classifier head: use cross_entropy");
      assertThatThrownBy(
              () ->
                  Trainer.create()
                      .fit(
                          model,
                          data,
                          base().epochs(2).earlyStopping(EarlyStopping.on(Monitor.VAL_METRIC)).build()))
          .hasMessageContaining("early stopping watches val_metric but there is no validation");
      assertThatThrownBy(
              () -> Trainer.create().fit(model, data, base().epochs(1).devices(DeviceChoice.gpus(0)).build()))
          .hasMessageContaining("GPU 0 was requested but no GPU is visible");
      assertThatThrownBy(
              () -> Trainer.create().fit(model, data, base().epochs(1).batchSize(64).dropLastBatch(true).build()))
          .hasMessageContaining("not one whole batch of 64");
      Path empty = temp.resolve("nothing");
      assertThatThrownBy(
              () -> Trainer.builder().outputDirectory(empty).build().resume(model, data, base().epochs(1).build()))
          .hasMessageContaining("nothing to resume in " + empty);
    }
  }

  @Test
  void aRunCannotOverwriteAnotherOrResumeWithADifferentRecipe() {
    TrainingData data = TrainingData.of(TinyModels.classes(manager, 32, 3, 1), null);
    Path out = temp.resolve("run");
    try (TinyModels.TestModel model = TinyModels.classifier(3, 11)) {
      Trainer trainer = Trainer.builder().outputDirectory(out).build();
      trainer.fit(model, data, base().epochs(1).build());
      assertThatThrownBy(() -> trainer.fit(model, data, base().epochs(1).build()))
          .hasMessageContaining("already holds a training run");
      assertThatThrownBy(() -> trainer.resume(model, data, base().epochs(2).batchSize(8).build()))
          .hasMessageContaining("cannot resume from")
          .hasMessageContaining("batchSize: 16 in the checkpoint, 8 now");
      // more epochs is fine: the run is extended
      FitResult longer = trainer.resume(model, data, base().epochs(2).build());
      assertThat(longer.history().size()).isEqualTo(2);
      assertThat(longer.status()).isEqualTo(RunStatus.COMPLETED);
    }
  }

  @Test
  void resumeRefusesAnotherAugmentationAndSaysHowMoreEpochsChangeTheSchedule() throws Exception {
    TrainingData data = TrainingData.of(TinyModels.classes(manager, 32, 3, 1), null);
    Path out = temp.resolve("epochs");
    try (TinyModels.TestModel model = TinyModels.classifier(3, 11)) {
      Trainer trainer = Trainer.builder().outputDirectory(out).build();
      TrainingConfig cosine = base().epochs(2).optimizer(OptimizerConfig.adam(0.001)).build();
      trainer.fit(model, data, cosine);
      StoredCheckpoint checkpoint =
          new CheckpointStore(out.resolve("checkpoints")).read(CheckpointStore.LAST).orElseThrow();

      assertThatThrownBy(
              () ->
                  trainer.resume(
                      model,
                      data,
                      cosine.toBuilder().epochs(3).augmentation(Augmentation.NONE).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("augmentation: ")
          .hasMessageContaining("in the checkpoint");

      // 2 batches per epoch of 16; the checkpoint is at the end of epoch 2 of 2: the cosine plan
      // had reached 0, over 4 epochs it is at half the base rate
      assertThat(ResumeCheck.describeEpochChange(checkpoint, cosine, 2)).isEmpty();
      assertThat(ResumeCheck.describeEpochChange(checkpoint, cosine.toBuilder().epochs(4).build(), 2))
          .hasValueSatisfying(
              change ->
                  assertThat(change)
                      .contains("with 4 epochs instead of the checkpoint's 2")
                      .contains("planned over 4 epochs now")
                      .contains("(epoch 2.00) is 0.000500 instead of 0.00"));
      TrainingConfig constant = cosine.toBuilder().schedule(LearningRateSchedule.constant()).build();
      assertThat(
              ResumeCheck.describeEpochChange(
                  checkpoint, constant.toBuilder().epochs(4).build(), 2))
          .hasValueSatisfying(change -> assertThat(change).contains("is unchanged so far"));
    }
  }

  @Test
  void resumeRefusesOtherUpdatesAndWarnsOfAnotherCpuThreadCount() throws Exception {
    TrainingData data = TrainingData.of(TinyModels.classes(manager, 32, 3, 1), null);
    Path out = temp.resolve("threads");
    try (TinyModels.TestModel model = TinyModels.classifier(3, 11)) {
      Trainer trainer = Trainer.builder().outputDirectory(out).build();
      trainer.fit(model, data, base().epochs(1).cpuThreads(1).build());
      StoredCheckpoint checkpoint =
          new CheckpointStore(out.resolve("checkpoints")).read(CheckpointStore.LAST).orElseThrow();
      assertThat(checkpoint.provenance().computeThreads()).isEqualTo(1);

      assertThatThrownBy(
              () -> trainer.resume(model, data, base().epochs(2).cpuThreads(1).fusedUpdates(false).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cannot resume from " + out.resolve("checkpoints/last"))
          .hasMessageContaining("fusedUpdates: true in the checkpoint, false now");

      assertThat(ResumeCheck.warnOnThreadChange(checkpoint, 1)).isEmpty();
      assertThat(ResumeCheck.warnOnThreadChange(checkpoint, 2))
          .hasValueSatisfying(
              warning ->
                  assertThat(warning)
                      .contains("with 2 CPU compute threads, the checkpoint's run used 1")
                      .contains("set cpuThreads to 1"));
      // the resumed run logs it (slf4j-simple writes warnings to System.err) and trains on
      String log;
      java.io.PrintStream err = System.err;
      java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
      FitResult resumed;
      try {
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        resumed = trainer.resume(model, data, base().epochs(2).cpuThreads(2).build());
      } finally {
        System.setErr(err);
        log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
      }
      assertThat(resumed.history().size()).isEqualTo(2);
      assertThat(log)
          .contains("WARN")
          .contains("with 2 CPU compute threads, the checkpoint's run used 1");
      assertThat(
              new CheckpointStore(out.resolve("checkpoints"))
                  .read(CheckpointStore.LAST)
                  .orElseThrow()
                  .provenance()
                  .computeThreads())
          .isEqualTo(2);
    }
  }

  /** Once the flag is set: NaN images (poison) or labels remapped y -> y + 1 mod 3. */
  private static final class SwitchingDataset extends RandomAccessDataset {
    private final RandomAccessDataset clean;
    private final AtomicBoolean switched;
    private final boolean poison;

    SwitchingDataset(RandomAccessDataset clean, AtomicBoolean switched, boolean poison) {
      super(new ai.djl.training.dataset.ArrayDataset.Builder().setSampling(1, false));
      this.clean = clean;
      this.switched = switched;
      this.poison = poison;
    }

    @Override
    public Record get(NDManager manager, long index) throws IOException {
      Record record = clean.get(manager, index);
      if (!switched.get()) {
        return record;
      }
      if (poison) {
        return new Record(new NDList(record.getData().head().mul(Float.NaN)), record.getLabels());
      }
      NDArray label = record.getLabels().head();
      return new Record(record.getData(), new NDList(label.add(1).mod(3)));
    }

    @Override
    protected long availableSize() {
      return clean.size();
    }

    @Override
    public void prepare(Progress progress) {}
  }
}

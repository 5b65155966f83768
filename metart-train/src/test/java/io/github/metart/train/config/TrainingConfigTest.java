package io.github.metart.train.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.metart.train.files.TrainJson;
import org.junit.jupiter.api.Test;
import io.github.metart.data.loading.Augmentation;

class TrainingConfigTest {

  @Test
  void defaultsAreASensibleRecipe() {
    TrainingConfig config = TrainingConfig.builder().build();
    assertThat(config.epochs()).isEqualTo(10);
    assertThat(config.batchSize()).isEqualTo(32);
    assertThat(config.optimizer()).isEqualTo(OptimizerConfig.adam(0.001));
    assertThat(config.schedule()).isEqualTo(LearningRateSchedule.cosine());
    assertThat(config.augmentation()).isEqualTo(Augmentation.cropAndFlip());
    assertThat(config.loss()).isNull();
    assertThat(config.earlyStopping().enabled()).isFalse();
    assertThat(config.devices()).isEqualTo(DeviceChoice.auto());
    assertThat(config.describe()).contains("optimizer: adam(lr=0.001");
    assertThat(TrainingSettings.defaults().config()).isEqualTo(config);
  }

  @Test
  void invalidSettingsSayWhatIsWrongAndWhatIsAllowed() {
    assertThatThrownBy(() -> TrainingConfig.builder().epochs(0).build())
        .hasMessage("epochs must be between 1 and 100000, got 0");
    assertThatThrownBy(() -> TrainingConfig.builder().batchSize(-3).build())
        .hasMessage("the batch size must be between 1 and 65536, got -3");
    assertThatThrownBy(() -> OptimizerConfig.sgd(0))
        .hasMessage("the learning rate must be a finite number above 0, got 0.0");
    assertThatThrownBy(() -> OptimizerConfig.sgd(0.1).withMomentum(1))
        .hasMessage("SGD momentum must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> OptimizerConfig.sgd(0.1).withNesterov(true))
        .hasMessage("Nesterov momentum needs a momentum above 0, got momentum 0.0");
    assertThatThrownBy(() -> OptimizerConfig.adam(0.1).withBetas(0.9, 1.2))
        .hasMessage("Adam beta2 must be in [0, 1), got 1.2");
    assertThatThrownBy(() -> LossConfig.crossEntropy(1))
        .hasMessage("label smoothing must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> new LossConfig(LossConfig.Kind.L1, 0.1, 1))
        .hasMessage("label smoothing applies to cross-entropy only, not to L1");
    assertThatThrownBy(() -> LossConfig.huber(0))
        .hasMessage("the Huber delta must be a finite number above 0, got 0.0");
    assertThatThrownBy(() -> EarlyStopping.on(Monitor.VAL_LOSS).withPatience(0))
        .hasMessage("early stopping patience must be at least 1, got 0");
    assertThatThrownBy(() -> GradientClipping.byNorm(-1))
        .hasMessage("the gradient clipping norm must be above 0, got -1.0");
    assertThatThrownBy(
            () ->
                TrainingConfig.builder()
                    .epochs(2)
                    .schedule(LearningRateSchedule.cosine().withWarmup(3))
                    .build())
        .hasMessage("the warm-up (3.0 epochs) is longer than the training (2 epochs)");
    assertThatThrownBy(() -> DeviceChoice.parse("tpu"))
        .hasMessage("unknown devices 'tpu': use auto, cpu, or GPU indices such as 0,1");
    assertThatThrownBy(() -> DeviceChoice.gpus(1, 1)).hasMessage("GPU indices repeat: [1, 1]");
    assertThatThrownBy(() -> Monitor.parse("accuracy"))
        .hasMessageContaining("use val_loss, val_metric, train_loss or train_metric");
  }

  @Test
  void schedulesFollowTheirFormulas() {
    assertThat(LearningRateSchedule.constant().factor(3.7, 10)).isEqualTo(1);
    LearningRateSchedule step = LearningRateSchedule.step(2, 0.1);
    assertThat(step.factor(1.99, 10)).isEqualTo(1);
    assertThat(step.factor(2.0, 10)).isCloseTo(0.1, within(1e-12));
    assertThat(step.factor(5.5, 10)).isCloseTo(0.01, within(1e-12));
    LearningRateSchedule cosine = LearningRateSchedule.cosine(0.1);
    assertThat(cosine.factor(0, 10)).isEqualTo(1);
    assertThat(cosine.factor(5, 10)).isCloseTo(0.55, within(1e-12));
    assertThat(cosine.factor(10, 10)).isCloseTo(0.1, within(1e-12));
    LearningRateSchedule warm = LearningRateSchedule.cosine().withWarmup(2, 0.1);
    assertThat(warm.factor(0, 10)).isCloseTo(0.1, within(1e-12));
    assertThat(warm.factor(1, 10)).isCloseTo(0.55, within(1e-12));
    assertThat(warm.factor(2, 10)).isEqualTo(1);
    assertThat(warm.factor(6, 10)).isCloseTo(0.5, within(1e-12)); // half-way through the cosine
    assertThat(warm.describe()).isEqualTo("cosine (to 0.0) after 2.0 warm-up epochs");
  }

  @Test
  void aConfigRoundTripsThroughJson() throws Exception {
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(7)
            .optimizer(OptimizerConfig.adamW(3e-4).withWeightDecay(0.05))
            .schedule(LearningRateSchedule.step(3, 0.5).withWarmup(1))
            .loss(LossConfig.crossEntropy(0.1))
            .earlyStopping(EarlyStopping.on(Monitor.VAL_METRIC).withPatience(3).withMinDelta(0.01))
            .clipping(GradientClipping.byNorm(1.0))
            .devices(DeviceChoice.gpus(0, 1))
            .monitor(Monitor.VAL_LOSS)
            .fineTuning(FineTuning.none().withFrozenBackboneEpochs(2).withBackboneLrFactor(0.1))
            .build();
    String json = TrainJson.write(config);
    assertThat(json).contains("\"type\" : \"adam\"");
    assertThat(TrainJson.mapper().readValue(json, TrainingConfig.class)).isEqualTo(config);
  }

  @Test
  void resumeMayChangeEpochsAndDevicesButNotTheRecipe() {
    TrainingConfig trained = TrainingConfig.builder().epochs(5).build();
    assertThat(
            trained.toBuilder()
                .epochs(9)
                .devices(DeviceChoice.cpu())
                .cpuThreads(3)
                .checkpointEverySteps(100)
                .build()
                .resumeDifferences(trained))
        .isEmpty();
    assertThat(
            trained.toBuilder()
                .optimizer(OptimizerConfig.sgd(0.01))
                .seed(1)
                .augmentation(Augmentation.NONE)
                .build()
                .resumeDifferences(trained))
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).startsWith("augmentation: "))
        .anySatisfy(line -> assertThat(line).startsWith("seed: 42 in the checkpoint, 1 now"));
  }

  @Test
  void fineTuningIsValidatedReadFromSettingsAndAbsentFromOldConfigs() throws Exception {
    assertThatThrownBy(() -> new FineTuning(-1, 1))
        .hasMessageContaining("freezeBackboneEpochs must be between 0 (never frozen)");
    assertThatThrownBy(() -> FineTuning.none().withBackboneLrFactor(0))
        .hasMessageContaining("backboneLrFactor must be above 0");
    FineTuning tuning = FineTuning.none().withFrozenBackboneEpochs(2).withBackboneLrFactor(0.1);
    assertThat(tuning.backboneFactorIn(0)).isZero();
    assertThat(tuning.backboneFactorIn(1)).isZero();
    assertThat(tuning.backboneFactorIn(2)).isEqualTo(0.1);
    assertThat(tuning.describe()).isEqualTo("backbone frozen for 2 epochs, then at 0.1 x the learning rate");
    assertThat(TrainingConfig.builder().build().fineTuning().isNone()).isTrue();

    TrainingSettings settings =
        TrainJson.mapper()
            .readValue(
                "{\"freezeBackboneEpochs\": 2, \"backboneLrFactor\": 0.1}", TrainingSettings.class);
    assertThat(settings.config().fineTuning()).isEqualTo(tuning);
    assertThat(TrainingSettings.builder().backboneLrFactor(0.5).build().config().fineTuning())
        .isEqualTo(new FineTuning(0, 0.5));
    assertThatThrownBy(() -> TrainingSettings.builder().freezeBackboneEpochs(-2).build())
        .hasMessageContaining("freezeBackboneEpochs must be");
    assertThat(TrainingSettings.builder().ema(0.999).build().config().ema())
        .isEqualTo(WeightAverage.of(0.999));
    assertThat(TrainingSettings.builder().ema(0.0).build().config().ema().isOn()).isFalse();
    assertThatThrownBy(() -> TrainingSettings.builder().ema(1.0).build())
        .hasMessageContaining("ema must be in [0, 1)");
    assertThatThrownBy(() -> new WeightAverage(-0.1, true))
        .hasMessageContaining("the EMA decay must be in [0, 1)");
    assertThat(TrainingSettings.builder().accumulate(4).build().config().accumulateSteps())
        .isEqualTo(4);
    assertThat(TrainingConfig.builder().build().accumulateSteps()).isEqualTo(1);
    assertThatThrownBy(() -> TrainingConfig.builder().accumulateSteps(-1).build())
        .hasMessageContaining("accumulateSteps must be between 1 (an update per batch) and 1024");
    assertThat(
            TrainingConfig.builder()
                .accumulateSteps(4)
                .build()
                .resumeDifferences(TrainingConfig.builder().build()))
        .containsExactly("accumulateSteps: 1 in the checkpoint, 4 now");
    // the augmentation and the loss are said in words, not as record dumps or "null"
    assertThat(
            TrainingSettings.builder()
                .augmentation("trivial")
                .mixup(0.2)
                .labelSmoothing(0.1)
                .build()
                .config()
                .resumeDifferences(TrainingConfig.builder().build()))
        .containsExactly(
            "loss: head default in the checkpoint, cross_entropy (label smoothing 0.1) now",
            "augmentation: random crop, flip in the checkpoint, random crop, flip, policy trivial,"
                + " mixup α 0.2 now");

    // a configuration written before fine-tuning existed reads as no fine-tuning
    String json = TrainJson.write(TrainingConfig.builder().build()).replaceAll(
        ",\\s*\"fineTuning\"\\s*:\\s*\\{[^}]*\\}", "");
    assertThat(json).doesNotContain("fineTuning");
    assertThat(TrainJson.mapper().readValue(json, TrainingConfig.class).fineTuning())
        .isEqualTo(FineTuning.none());
  }

  @Test
  void anAverageUpdatedEveryNUpdatesIsASettingRecordedAndCheckedOnResume() throws Exception {
    TrainingConfig every32 = TrainingJsonSettings.parse("{\"ema\": 0.999, \"emaEvery\": 32}").config();
    assertThat(every32.ema()).isEqualTo(WeightAverage.of(0.999).withEvery(32));
    String json = TrainJson.write(every32);
    assertThat(json).contains("\"every\" : 32");
    assertThat(TrainJson.mapper().readValue(json, TrainingConfig.class)).isEqualTo(every32);
    // after each update (the default) the file is as before the setting existed
    TrainingConfig each = TrainingSettings.builder().ema(0.999).build().config();
    assertThat(TrainJson.write(each)).doesNotContain("\"every\"");
    assertThat(every32.resumeDifferences(each))
        .containsExactly(
            "ema: decay 0.999 with warm-up in the checkpoint, decay 0.999 with warm-up, every 32"
                + " updates now");
    assertThatThrownBy(() -> TrainingSettings.builder().emaEvery(32).build())
        .hasMessageContaining("emaEvery goes with an ema decay above 0");
    // ema 0 switches the average off whatever emaEvery says (a variant of a base that sets it)
    assertThat(TrainingSettings.builder().ema(0.0).emaEvery(32).build().config().ema())
        .isEqualTo(WeightAverage.none());
    assertThatThrownBy(() -> TrainingSettings.builder().ema(0.99).emaEvery(0).build())
        .hasMessage("emaEvery: the EMA is updated after every 1 to 1000 weight updates, got 0");
  }

  @Test
  void theYearTargetAndTheYearLossWeightAreSettingsRecordedAndCheckedOnResume() throws Exception {
    TrainingConfig defaults = TrainingConfig.builder().build();
    assertThat(defaults.yearTarget()).isEqualTo(io.github.metart.data.dataset.YearTargetChoice.RANDOM);
    assertThat(defaults.yearLossWeight()).isEqualTo(1.0);

    TrainingConfig chosen =
        TrainingJsonSettings.parse("{\"yearTarget\": \"interval\", \"yearLossWeight\": 0.25}").config();
    assertThat(chosen.yearTarget()).isEqualTo(io.github.metart.data.dataset.YearTargetChoice.INTERVAL);
    assertThat(chosen.yearLossWeight()).isEqualTo(0.25);
    assertThat(TrainJson.mapper().readValue(TrainJson.write(chosen), TrainingConfig.class)).isEqualTo(chosen);
    assertThat(chosen.resumeDifferences(defaults))
        .containsExactlyInAnyOrder(
            "yearTarget: RANDOM in the checkpoint, INTERVAL now",
            "yearLossWeight: 1.0 in the checkpoint, 0.25 now");

    // a configuration recorded before these settings existed reads as the defaults
    String old = TrainJson.write(defaults).replaceAll(",\\s*\"yearTarget\"\\s*:\\s*\"[A-Z]+\"", "")
        .replaceAll(",\\s*\"yearLossWeight\"\\s*:\\s*[0-9.]+", "");
    assertThat(old).doesNotContain("yearTarget").doesNotContain("yearLossWeight");
    assertThat(TrainJson.mapper().readValue(old, TrainingConfig.class)).isEqualTo(defaults);

    assertThatThrownBy(() -> TrainingSettings.builder().yearTarget("middle").build())
        .hasMessage("yearTarget: unknown year target 'middle': use interval, random or midpoint");
    assertThatThrownBy(() -> TrainingSettings.builder().yearLossWeight(-1.0).build())
        .hasMessageContaining("the year loss weight must be a finite number of 0 or more, got -1.0");
  }

  /** Settings as an experiment spec's {@code training} object writes them. */
  private static final class TrainingJsonSettings {
    static TrainingSettings parse(String json) throws Exception {
      return TrainJson.mapper().readValue(json, TrainingSettings.class);
    }
  }

  @Test
  void resumeRefusesASwitchBetweenFusedAndPortableUpdates() {
    TrainingConfig fused = TrainingConfig.builder().build();
    TrainingConfig portable = fused.toBuilder().fusedUpdates(false).build();
    assertThat(portable.resumeDifferences(fused))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("fusedUpdates: true in the checkpoint, false now")
                    .contains("agree only to about 1e-5")
                    .endsWith("resume with fusedUpdates true)"));
    assertThat(fused.resumeDifferences(portable))
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("fusedUpdates: false in the checkpoint, true now"));
  }

  @Test
  void optimizersSchedulesAndLossesParseFromTheirNames() {
    assertThat(OptimizerConfig.parse("SGD")).isEqualTo(OptimizerConfig.sgd(0.01).withMomentum(0.9));
    assertThat(OptimizerConfig.parse("adam")).isEqualTo(OptimizerConfig.adam(0.001));
    assertThat(OptimizerConfig.parse(" adamw ")).isEqualTo(OptimizerConfig.adamW(0.001));
    assertThat(OptimizerConfig.parse("adam").withWeightDecay(0.1).weightDecay()).isEqualTo(0.1);
    assertThatThrownBy(() -> OptimizerConfig.parse("rmsprop"))
        .hasMessage("unknown optimizer 'rmsprop': use sgd, adam or adamw");

    assertThat(LearningRateSchedule.parse("constant")).isEqualTo(LearningRateSchedule.constant());
    assertThat(LearningRateSchedule.parse("Cosine")).isEqualTo(LearningRateSchedule.cosine());
    assertThat(LearningRateSchedule.parse("step:10:0.1"))
        .isEqualTo(LearningRateSchedule.step(10, 0.1));
    assertThatThrownBy(() -> LearningRateSchedule.parse("step:x"))
        .hasMessage("a step schedule is written step:EVERY:GAMMA, e.g. step:10:0.1; got 'step:x'");
    assertThatThrownBy(() -> LearningRateSchedule.parse("cosine:2"))
        .hasMessage("unknown schedule 'cosine:2': use constant, cosine or step:EVERY:GAMMA");

    assertThat(LossConfig.parse("cross-entropy")).isEqualTo(LossConfig.crossEntropy());
    assertThat(LossConfig.parse("cross_entropy")).isEqualTo(LossConfig.crossEntropy());
    assertThat(LossConfig.parse("L1")).isEqualTo(LossConfig.l1());
    assertThat(LossConfig.parse("l2")).isEqualTo(LossConfig.l2());
    assertThat(LossConfig.parse("huber")).isEqualTo(LossConfig.huber(0.05));
    assertThat(LossConfig.parse("huber:0.1")).isEqualTo(LossConfig.huber(0.1));
    assertThatThrownBy(() -> LossConfig.parse("huber:big"))
        .hasMessage("a Huber loss is written huber:DELTA, e.g. huber:0.05; got 'huber:big'");
    assertThatThrownBy(() -> LossConfig.parse("hinge"))
        .hasMessage("unknown loss 'hinge': use cross-entropy, l1, l2 or huber:DELTA");
  }
}

package io.github.metart.train.fit;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import io.github.metart.data.loading.EpochSampler;
import io.github.metart.data.loading.SamplerState;
import io.github.metart.train.checkpoint.CheckpointStore;
import io.github.metart.train.checkpoint.EpochTotals;
import io.github.metart.train.checkpoint.TrainingState;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.history.RunStatus;
import io.github.metart.train.listeners.BatchProgress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The training batches of one epoch, from where the state stands: one step per batch at the
 * scheduled learning rate, progress to the listeners, and the last checkpoint written mid-epoch when
 * the {@link CheckpointTimer} says so. The batches' arrays live on a manager closed at the end.
 */
final class EpochPass {

  private final RunContext run;
  private final CheckpointTimer timer;
  private final TrainingState start;
  private final int epoch;

  EpochPass(RunContext run, CheckpointTimer timer, TrainingState start) {
    this.run = run;
    this.timer = timer;
    this.start = start;
    this.epoch = start.epoch();
  }

  /** Runs the remaining batches; returns the state at the end of them (epoch not advanced). */
  TrainingState run() throws IOException {
    TrainingConfig config = run.config();
    int batchesPerEpoch = run.batchesPerEpoch();
    int firstBatch = Math.toIntExact(start.sampler().batchesDone());
    run.backbone().enter(epoch);
    run.listeners().onEpochStart(epoch + 1, config.epochs(), firstBatch + 1, batchesPerEpoch);
    EpochSampler sampler = run.trainingSampler();
    sampler.restore(start.sampler());
    EpochTotals totals = start.totals();
    long globalStep = start.globalStep();
    NDManager manager = run.root().newSubManager();
    manager.setName("epoch " + (epoch + 1));
    try {
      Iterator<Batch> batches =
          Validation.batches(run.data().train(), manager, sampler, run.loaders()).iterator();
      int batchIndex = firstBatch;
      long previous = System.nanoTime();
      int accumulate = config.accumulateSteps();
      while (batches.hasNext()) {
        double learningRate =
            config.optimizer().learningRate()
                * config
                    .schedule()
                    .factor(epoch + (double) batchIndex / batchesPerEpoch, config.epochs());
        TrainingStep.Outcome outcome;
        int size = 0;
        // one update from up to accumulateSteps batches (fewer at the epoch's end)
        List<Batch> group = new ArrayList<>(accumulate);
        try {
          // counted, not asked of the iterator: asking DJL's iterator for more past its end was
          // seen to release the batch it handed out last
          int wanted = Math.min(accumulate, batchesPerEpoch - batchIndex);
          group.add(batches.next());
          while (group.size() < wanted) {
            group.add(batches.next());
          }
          for (Batch batch : group) {
            size += batch.getSize();
          }
          outcome = run.step().run(group, learningRate, globalStep);
        } catch (ai.djl.engine.EngineException e) {
          throw oneRecordBatchNorm(e, epoch, batchIndex, size);
        } finally {
          group.forEach(Batch::close);
        }
        if (outcome.diverged()) {
          // outside the step's memory scope: restored weights must outlive it
          throw Divergence.diverged(run, start, outcome.loss(), batchIndex, globalStep);
        }
        if (run.ema() != null) {
          run.ema().update(run.optimizerState().updates() - 1);
        }
        long now = System.nanoTime();
        totals =
            totals.plus(
                outcome.loss(), outcome.metric(), size, (now - previous) / 1e9, learningRate);
        previous = now;
        batchIndex += group.size();
        globalStep += group.size();
        run.listeners()
            .onBatchEnd(
                new BatchProgress(
                    epoch + 1,
                    config.epochs(),
                    batchIndex,
                    batchesPerEpoch,
                    globalStep,
                    totals.meanLoss(),
                    totals.meanMetric(),
                    run.task().metricName(),
                    learningRate,
                    totals.samples() / Math.max(totals.seconds(), 1e-9),
                    totals.seconds()));
        if (batchIndex < batchesPerEpoch && timer.due(batchIndex - firstBatch)) {
          run.writeCheckpoint(
              CheckpointStore.LAST,
              new TrainingState(
                  sampler.checkpoint(batchIndex),
                  start.trainSize(),
                  globalStep,
                  totals,
                  start.best(),
                  start.stopping(),
                  start.history(),
                  RunStatus.RUNNING,
                  ""));
          previous = timer.written();
        }
      }
    } catch (RuntimeException | Error e) {
      Loaders.stop(run.loaders());
      throw e;
    } finally {
      manager.close();
    }
    return new TrainingState(
        new SamplerState(epoch, batchesPerEpoch),
        start.trainSize(),
        globalStep,
        totals,
        start.best(),
        start.stopping(),
        start.history(),
        RunStatus.RUNNING,
        "");
  }

  /**
   * PyTorch's refusal of a batch-norm step on one record per channel ("Expected more than 1 value
   * per channel when training"), said in the trainer's words; any other engine error as it is.
   */
  private static RuntimeException oneRecordBatchNorm(
      ai.djl.engine.EngineException e, int epoch, int batchIndex, int records) {
    String message = String.valueOf(e.getMessage());
    if (!message.startsWith("Expected more than 1 value per channel when training")) {
      return e;
    }
    return new IllegalStateException(
        "batch normalization cannot train on one record: batch "
            + (batchIndex + 1)
            + " of epoch "
            + (epoch + 1)
            + " holds "
            + records
            + " record(s) (split over the training devices); use a --batch-size of at least 2 per"
            + " device",
        e);
  }
}

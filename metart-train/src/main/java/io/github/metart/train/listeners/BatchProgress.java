package io.github.metart.train.listeners;

/**
 * Where an epoch stands after a training batch, given to {@link TrainingListener#onBatchEnd}.
 *
 * @param epoch the epoch, from 1
 * @param epochs the number of epochs of the run
 * @param batch the batch just done, from 1
 * @param batches the number of batches of the epoch
 * @param globalStep the steps done since the start of the run
 * @param loss the epoch's mean training loss so far
 * @param metric the epoch's mean training metric so far
 * @param metricName the metric's name, e.g. {@code accuracy}
 * @param learningRate the learning rate of the batch
 * @param imagesPerSecond training images per second so far this epoch
 * @param epochSeconds training seconds so far this epoch
 */
public record BatchProgress(
    int epoch,
    int epochs,
    int batch,
    int batches,
    long globalStep,
    double loss,
    double metric,
    String metricName,
    double learningRate,
    double imagesPerSecond,
    double epochSeconds) {

  /** The estimated seconds left in this epoch's training batches. */
  public double secondsLeft() {
    return batch == 0 ? Double.NaN : epochSeconds / batch * (batches - batch);
  }
}

package io.github.metart.train.fit;

import io.github.metart.train.config.WeightAverage;
import io.github.metart.data.files.AtomicFiles;
import io.github.metart.train.files.TrainJson;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The note a model folder holds when its weights are a moving average of the trained weights
 * ({@value #FILE}); a model folder without it holds the trained weights themselves.
 *
 * @param weights {@code ema}
 * @param decay the average's decay
 * @param warmup whether the decay warmed up
 * @param epoch the epoch whose average the folder holds
 */
public record WeightAverageFile(String weights, double decay, boolean warmup, int epoch) {

  /** The file name in a model folder. */
  public static final String FILE = "weights-average.json";

  static void write(Path folder, WeightAverage average, int epoch) throws IOException {
    WeightAverageFile note = new WeightAverageFile("ema", average.decay(), average.warmup(), epoch);
    AtomicFiles.write(folder.resolve(FILE), out -> TrainJson.mapper().writeValue(out, note));
  }
}

package io.github.metart.train.listeners;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private static BatchProgress progress(int batch) {
    return new BatchProgress(2, 10, batch, 20, 20 + batch, 0.6931, 0.512, "accuracy", 0.01, 123.4, batch * 2.0);
  }

  @Test
  void aLogGetsALineEveryTenthOfTheEpochAndTheEpochSummary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, true);
    bar.onEpochStart(2, 10, 1, 20);
    for (int batch = 1; batch <= 20; batch++) {
      bar.onBatchEnd(progress(batch));
    }
    EpochRecord record = new EpochRecord(2, 0.69, 0.51, 0.7, 0.5, 0.01, 41.5, 123.4);
    bar.onEpochEnd(record, History.empty("accuracy", true).plus(new EpochRecord(1, 1, 0, 1, 0, 0.01, 1, 1)).plus(record));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(11);
    assertThat(lines[0])
        .isEqualTo(
            "epoch 2/10 [==>                     ]  2/20 loss 0.6931 accuracy 0.5120 | 123.4 img/s | 0:36 left");
    assertThat(lines[9]).contains("[========================] 20/20").endsWith("0:00 left");
    assertThat(lines[10])
        .isEqualTo(
            "epoch 2: loss 0.6900 accuracy 0.5100 | val_loss 0.7000 val_accuracy 0.5000 | lr 0.0100 | 41.5 s, 123.4 images/s");
  }

  @Test
  void aTerminalLineIsRedrawnInPlace() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar =
        new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, false);
    bar.onEpochStart(1, 1, 1, 20);
    bar.onBatchEnd(progress(1));
    bar.onBatchEnd(progress(20));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\repoch 2/10 [=>").doesNotContain("\n");
    assertThat(text.split("\r")).hasSize(3);
    // the finished bar is kept; the summary is left to the log
    bar.onEpochEnd(
        new EpochRecord(2, 0.69, 0.51, 0.7, 0.5, 0.01, 41.5, 123.4),
        History.empty("accuracy", true)
            .plus(new EpochRecord(1, 1, 0, 1, 0, 0.01, 1, 1))
            .plus(new EpochRecord(2, 0.69, 0.51, 0.7, 0.5, 0.01, 41.5, 123.4)));
    assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("left\n");
  }

}

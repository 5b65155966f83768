package io.github.metart.train.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.provenance.RunProvenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFilesTest {

  @TempDir Path temp;

  static History sample() {
    return History.empty("mean_year_error", false)
        .plus(new EpochRecord(1, 0.25, 81.5, 0.2, 75.25, 0.01, 12.5, 102.4))
        .plus(new EpochRecord(2, 0.125, 60.0, Double.NaN, Double.NaN, 0.005, 11.0, 110.0));
  }

  static RunProvenance provenance() {
    return new RunProvenance(
        "a".repeat(64),
        "{\"architecture\":\"resnet18\",\"head\":{\"type\":\"regression\"}}",
        TrainingConfig.builder().epochs(2).build(),
        42,
        List.of("cpu()"),
        "fused",
        2,
        "dev",
        "17.0.15+6",
        "0.36.0",
        "PyTorch 2.7.1");
  }

  @Test
  void csvAndJsonHoldEveryEpochAndReadBackExactly() throws Exception {
    History history = sample();
    HistoryFiles.Snapshot snapshot =
        new HistoryFiles.Snapshot(
            history, RunStatus.RUNNING, 2, "val_mean_year_error", "", provenance());
    HistoryFiles.write(temp, snapshot);

    assertThat(Files.readAllLines(temp.resolve("history.csv")))
        .containsExactly(
            "epoch,train_loss,train_mean_year_error,val_loss,val_mean_year_error,learning_rate,seconds,images_per_second",
            "1,0.25,81.5,0.2,75.25,0.01,12.5,102.4",
            "2,0.125,60.0,,,0.005,11.0,110.0");
    String json = Files.readString(temp.resolve("history.json"));
    assertThat(json).contains("\"val_loss\" : null").contains("\"architecture\" : \"resnet18\"");
    HistoryFiles.Snapshot read = HistoryFiles.read(temp);
    assertThat(read.history()).isEqualTo(history);
    assertThat(read.provenance()).isEqualTo(snapshot.provenance());
    assertThat(read.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(read.bestEpoch()).isEqualTo(2);
  }

  @Test
  void aHistoryIsNumberedFromOne() {
    assertThatThrownBy(
            () ->
                new History(
                    "accuracy", true, List.of(new EpochRecord(2, 1, 1, 1, 1, 1, 1, 1))))
        .hasMessageContaining("record 1 is numbered 2");
    assertThat(sample().withoutTiming().epochs().get(0).seconds()).isZero();
  }

  @Test
  void anUnreadableHistoryNamesItsFile() throws Exception {
    Files.writeString(temp.resolve("history.json"), "{ not json");
    assertThatThrownBy(() -> HistoryFiles.read(temp))
        .hasMessageStartingWith(temp.resolve("history.json") + ": unreadable training history");
  }
}

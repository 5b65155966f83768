package io.github.metart.train.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.train.config.TrainingConfig;
import io.github.metart.data.files.AtomicFiles;
import io.github.metart.train.history.EpochRecord;
import io.github.metart.train.history.History;
import io.github.metart.train.history.RunStatus;
import io.github.metart.train.provenance.RunProvenance;
import io.github.metart.data.loading.SamplerState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

  @TempDir Path temp;

  static TrainingState state(int epoch) {
    History history = History.empty("accuracy", true);
    for (int e = 1; e <= epoch; e++) {
      history = history.plus(new EpochRecord(e, 1.0 / e, 0.5, Double.NaN, Double.NaN, 0.1, 1, 10));
    }
    return new TrainingState(
        new SamplerState(epoch, 3),
        100,
        epoch * 10L + 3,
        new EpochTotals(1.5, 0.75, 30, 2.5, 0.1),
        new BestSoFar(0.5, 1, 0),
        BestSoFar.none(),
        history,
        RunStatus.RUNNING,
        "");
  }

  static RunProvenance provenance() {
    return new RunProvenance(
        RunProvenance.UNKNOWN,
        "{\"test\":true}",
        TrainingConfig.builder().build(),
        42,
        List.of("cpu()"),
        "fused",
        2,
        "dev",
        "17",
        "0.36.0",
        "PyTorch 2.7.1");
  }

  static AtomicFiles.Content bytes(String text) {
    return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aWrittenCheckpointReadsBackVerified() throws Exception {
    CheckpointStore store = new CheckpointStore(temp.resolve("checkpoints"));
    assertThat(store.read(CheckpointStore.LAST)).isEmpty();
    Path folder =
        store.write(CheckpointStore.LAST, state(2), provenance(), bytes("weights 2"), bytes("adam 2"));
    assertThat(folder).isEqualTo(temp.resolve("checkpoints/last"));
    StoredCheckpoint read = store.read(CheckpointStore.LAST).orElseThrow();
    assertThat(read.state()).isEqualTo(state(2));
    assertThat(read.provenance()).isEqualTo(provenance());
    assertThat(Files.readString(read.weights())).isEqualTo("weights 2");

    store.write(CheckpointStore.LAST, state(3), provenance(), bytes("weights 3"), bytes("adam 3"));
    store.copy(CheckpointStore.LAST, CheckpointStore.BEST);
    assertThat(store.read(CheckpointStore.BEST).orElseThrow().state().epoch()).isEqualTo(3);
    try (var files = Files.list(temp.resolve("checkpoints"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("best", "last");
    }
  }

  @Test
  void aKillBetweenTheTwoMovesLeavesThePreviousCheckpointReadable() throws Exception {
    CheckpointStore store = new CheckpointStore(temp.resolve("checkpoints"));
    store.write(CheckpointStore.LAST, state(2), provenance(), bytes("w2"), bytes("o2"));
    // the state after "last" was moved aside and before ".last.tmp" was moved in
    Path checkpoints = temp.resolve("checkpoints");
    Files.move(checkpoints.resolve("last"), checkpoints.resolve("last.old"));
    Files.createDirectories(checkpoints.resolve(".last.tmp"));
    Files.writeString(checkpoints.resolve(".last.tmp").resolve(CheckpointStore.WEIGHTS), "w3 part");
    assertThat(store.read(CheckpointStore.LAST).orElseThrow().state().epoch()).isEqualTo(2);
    // and the next write cleans up
    store.write(CheckpointStore.LAST, state(3), provenance(), bytes("w3"), bytes("o3"));
    assertThat(store.read(CheckpointStore.LAST).orElseThrow().state().epoch()).isEqualTo(3);
  }

  @Test
  void aDamagedCheckpointIsRefusedWithTheFileNamed() throws Exception {
    CheckpointStore store = new CheckpointStore(temp.resolve("checkpoints"));
    Path folder = store.write(CheckpointStore.LAST, state(1), provenance(), bytes("w"), bytes("o"));
    Files.writeString(folder.resolve(CheckpointStore.WEIGHTS), "w but changed");
    assertThatThrownBy(() -> store.read(CheckpointStore.LAST))
        .hasMessageContaining("no complete checkpoint 'last'")
        .hasMessageContaining("weights.params does not match its SHA-256");
    String state = Files.readString(folder.resolve(CheckpointStore.STATE));
    Files.writeString(folder.resolve(CheckpointStore.STATE), state.substring(0, state.length() / 2));
    assertThatThrownBy(() -> store.read(CheckpointStore.LAST))
        .hasMessageContaining("state.json: not valid JSON (cut short?) at line ")
        .hasMessageNotContaining("REDACTED");
    Files.delete(folder.resolve(CheckpointStore.STATE));
    assertThatThrownBy(() -> store.read(CheckpointStore.LAST))
        .hasMessageContaining("state.json is missing (interrupted write)");
  }

  @Test
  void bestSoFarFollowsTheDirectionAndTheMinimumDelta() {
    BestSoFar best = BestSoFar.none().after(0.5, 1, true, 0.01);
    assertThat(best).isEqualTo(new BestSoFar(0.5, 1, 0));
    best = best.after(0.505, 2, true, 0.01);
    assertThat(best).isEqualTo(new BestSoFar(0.5, 1, 1));
    best = best.after(0.6, 3, true, 0.01);
    assertThat(best).isEqualTo(new BestSoFar(0.6, 3, 0));
    assertThat(best.after(Double.NaN, 4, true, 0).epochsWithoutImprovement()).isEqualTo(1);
    assertThat(BestSoFar.none().after(3, 1, false, 0).after(2, 2, false, 0).epoch()).isEqualTo(2);
  }
}

package io.github.metart.train.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint's {@code state.json} keeps the exact text of the first version: the resource folder was
 * written by the hand-mapped code before the conversion to Jackson databind.
 */
class CheckpointFormatTest {

  @TempDir Path temp;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = CheckpointFormatTest.class.getResourceAsStream("last-v1/" + name)) {
      return in.readAllBytes();
    }
  }

  private Path oldCheckpoint() throws IOException {
    Path last = Files.createDirectories(temp.resolve("checkpoints/last"));
    for (String file : List.of(CheckpointStore.STATE, CheckpointStore.WEIGHTS, CheckpointStore.OPTIMIZER, CheckpointStore.EMA)) {
      Files.write(last.resolve(file), resource(file));
    }
    return last;
  }

  @Test
  void aCheckpointIsWrittenExactlyAsByTheFirstVersion() throws IOException {
    Path folder =
        new CheckpointStore(temp.resolve("new")).write(CheckpointStore.LAST, CheckpointStoreTest.state(2),
            CheckpointStoreTest.provenance(), CheckpointStoreTest.bytes("weights 2"), CheckpointStoreTest.bytes("adam 2"),
            CheckpointStoreTest.bytes("ema 2"));

    assertThat(Files.readString(folder.resolve(CheckpointStore.STATE)))
        .isEqualTo(new String(resource(CheckpointStore.STATE), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aCheckpointOfTheFirstVersionStillLoads() throws IOException {
    oldCheckpoint();

    StoredCheckpoint read = new CheckpointStore(temp.resolve("checkpoints")).read(CheckpointStore.LAST).orElseThrow();

    assertThat(read.state()).isEqualTo(CheckpointStoreTest.state(2));
    assertThat(read.provenance()).isEqualTo(CheckpointStoreTest.provenance());
  }

  @Test
  void aBrokenFieldIsNamedWithTheFile() throws IOException {
    Path last = oldCheckpoint();
    Path state = last.resolve(CheckpointStore.STATE);
    Files.writeString(state, Files.readString(state).replace("\"computeThreads\" : 2", "\"computeThreads\" : \"two\""));

    assertThatThrownBy(() -> new CheckpointStore(temp.resolve("checkpoints")).read(CheckpointStore.LAST))
        .isInstanceOf(IOException.class)
        .hasMessage("no complete checkpoint 'last': " + last + ": state.json: field 'provenance.computeThreads' must be an int");
  }
}

package io.github.metart.train.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history.json} keeps the exact text of the first version: the resource was written by the
 * hand-mapped code before the conversion to Jackson databind, from this snapshot.
 */
class HistoryFilesFormatTest {

  @TempDir Path temp;

  static HistoryFiles.Snapshot snapshot() {
    return new HistoryFiles.Snapshot(
        HistoryFilesTest.sample(), RunStatus.COMPLETED, 1, "val_mean_year_error", "done \"ok\"",
        HistoryFilesTest.provenance());
  }

  static String resource() throws IOException {
    try (InputStream in = HistoryFilesFormatTest.class.getResourceAsStream("history-v1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aHistoryIsWrittenExactlyAsByTheFirstVersion() throws IOException {
    HistoryFiles.write(temp, snapshot());

    assertThat(Files.readString(temp.resolve(HistoryFiles.JSON))).isEqualTo(resource());
  }

  @Test
  void aHistoryOfTheFirstVersionStillLoads() throws IOException {
    Files.writeString(temp.resolve(HistoryFiles.JSON), resource());

    assertThat(HistoryFiles.read(temp)).isEqualTo(snapshot());
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedWithTheFile() throws IOException {
    Files.writeString(temp.resolve(HistoryFiles.JSON), resource().replace("\"bestEpoch\" : 1", "\"bestEpoch\" : \"one\""));

    assertThatThrownBy(() -> HistoryFiles.read(temp))
        .isInstanceOf(IOException.class)
        .hasMessage(temp.resolve(HistoryFiles.JSON) + ": unreadable training history: field 'bestEpoch' must be an int");
  }
}

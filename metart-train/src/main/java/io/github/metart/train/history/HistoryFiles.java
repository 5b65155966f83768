package io.github.metart.train.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metart.data.files.AtomicFiles;
import io.github.metart.train.files.TrainJson;
import io.github.metart.train.provenance.RunProvenance;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads a run's {@code history.csv} and {@code history.json}, each replaced atomically
 * after every epoch. Columns: {@code epoch, train_loss, train_<metric>, val_loss, val_<metric>,
 * learning_rate, seconds, images_per_second}; numbers are written so that they read back exactly,
 * missing values as empty CSV cells and JSON nulls. The JSON file adds the run's status, best epoch
 * and provenance.
 */
public final class HistoryFiles {

  /** The CSV file name. */
  public static final String CSV = "history.csv";

  /** The JSON file name. */
  public static final String JSON = "history.json";

  private HistoryFiles() {}

  /**
   * A snapshot of a run's history as written to its files.
   *
   * @param history the epochs
   * @param status how the run stands
   * @param bestEpoch the best epoch so far (from 1), 0 when none
   * @param monitor the column that decides the best epoch, e.g. {@code val_accuracy}
   * @param message a line on how the run ended (or empty)
   * @param provenance where the result comes from
   */
  public record Snapshot(
      History history,
      RunStatus status,
      int bestEpoch,
      String monitor,
      String message,
      RunProvenance provenance) {}

  /** The column names of a history's CSV file. */
  public static List<String> columns(String metricName) {
    return List.of(
        "epoch",
        "train_loss",
        "train_" + metricName,
        "val_loss",
        "val_" + metricName,
        "learning_rate",
        "seconds",
        "images_per_second");
  }

  /** Writes both files into a folder (created if needed). */
  public static void write(Path folder, Snapshot snapshot) throws IOException {
    Files.createDirectories(folder);
    AtomicFiles.write(
        folder.resolve(CSV),
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          writer.write(csv(snapshot.history()));
          writer.flush();
        });
    AtomicFiles.write(
        folder.resolve(JSON), out -> TrainJson.mapper().writeValue(out, toJson(snapshot)));
  }

  /** The CSV text of a history. */
  public static String csv(History history) {
    StringBuilder text = new StringBuilder(String.join(",", columns(history.metricName())));
    text.append('\n');
    for (EpochRecord r : history.epochs()) {
      text.append(r.epoch())
          .append(',')
          .append(cell(r.trainLoss()))
          .append(',')
          .append(cell(r.trainMetric()))
          .append(',')
          .append(cell(r.valLoss()))
          .append(',')
          .append(cell(r.valMetric()))
          .append(',')
          .append(cell(r.learningRate()))
          .append(',')
          .append(cell(r.seconds()))
          .append(',')
          .append(cell(r.imagesPerSecond()))
          .append('\n');
    }
    return text.toString();
  }

  private static String cell(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }

  /** The JSON form of a snapshot. */
  public static ObjectNode toJson(Snapshot snapshot) {
    History history = snapshot.history();
    List<String> columns = columns(history.metricName());
    ObjectNode root = TrainJson.mapper().createObjectNode();
    root.put("status", snapshot.status().key());
    root.put("message", snapshot.message() == null ? "" : snapshot.message());
    root.put("metric", history.metricName());
    root.put("higherIsBetter", history.higherIsBetter());
    root.put("monitor", snapshot.monitor());
    root.put("bestEpoch", snapshot.bestEpoch());
    ArrayNode epochs = root.putArray("epochs");
    for (EpochRecord r : history.epochs()) {
      ObjectNode e = epochs.addObject();
      e.put(columns.get(0), r.epoch());
      e.set(columns.get(1), TrainJson.number(r.trainLoss()));
      e.set(columns.get(2), TrainJson.number(r.trainMetric()));
      e.set(columns.get(3), TrainJson.number(r.valLoss()));
      e.set(columns.get(4), TrainJson.number(r.valMetric()));
      e.set(columns.get(5), TrainJson.number(r.learningRate()));
      e.set(columns.get(6), TrainJson.number(r.seconds()));
      e.set(columns.get(7), TrainJson.number(r.imagesPerSecond()));
    }
    if (snapshot.provenance() != null) {
      root.set("provenance", snapshot.provenance().toJson());
    }
    return root;
  }

  /** Reads {@link #toJson(Snapshot)}'s form. */
  public static Snapshot fromJson(JsonNode root) {
    String metric = root.path("metric").asText();
    List<String> columns = columns(metric);
    List<EpochRecord> records = new ArrayList<>();
    for (JsonNode e : root.path("epochs")) {
      records.add(
          new EpochRecord(
              e.path(columns.get(0)).asInt(),
              TrainJson.number(e.get(columns.get(1))),
              TrainJson.number(e.get(columns.get(2))),
              TrainJson.number(e.get(columns.get(3))),
              TrainJson.number(e.get(columns.get(4))),
              TrainJson.number(e.get(columns.get(5))),
              TrainJson.number(e.get(columns.get(6))),
              TrainJson.number(e.get(columns.get(7)))));
    }
    History history = new History(metric, root.path("higherIsBetter").asBoolean(), records);
    JsonNode provenance = root.get("provenance");
    return new Snapshot(
        history,
        RunStatus.parse(root.path("status").asText("running")),
        root.path("bestEpoch").asInt(),
        root.path("monitor").asText(),
        root.path("message").asText(""),
        provenance == null ? null : RunProvenance.fromJson(provenance));
  }

  /**
   * Reads a folder's {@code history.json}.
   *
   * @throws IOException when it is missing or unreadable; the message names the file
   */
  public static Snapshot read(Path folder) throws IOException {
    Path file = folder.resolve(JSON);
    try {
      return fromJson(TrainJson.mapper().readTree(file.toFile()));
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": unreadable training history: " + e.getMessage(), e);
    }
  }
}

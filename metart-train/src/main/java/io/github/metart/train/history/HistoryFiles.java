package io.github.metart.train.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.metart.data.files.AtomicFiles;
import io.github.metart.data.files.JsonFiles;
import io.github.metart.train.files.TrainJson;
import io.github.metart.train.provenance.RunProvenance;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        folder.resolve(JSON), out -> TrainJson.mapper().writeValue(out, toFile(snapshot)));
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

  /** {@code history.json}; each epoch's keys are the CSV's {@link #columns}, so they depend on the metric. */
  record File(
      String status, String message, String metric, boolean higherIsBetter, String monitor, int bestEpoch,
      List<Map<String, Number>> epochs, @JsonInclude(JsonInclude.Include.NON_NULL) RunProvenance provenance) {}

  static File toFile(Snapshot snapshot) {
    History history = snapshot.history();
    List<String> columns = columns(history.metricName());
    List<Map<String, Number>> epochs = new ArrayList<>();
    for (EpochRecord r : history.epochs()) {
      Map<String, Number> e = new LinkedHashMap<>();
      e.put(columns.get(0), r.epoch());
      double[] values = {r.trainLoss(), r.trainMetric(), r.valLoss(), r.valMetric(), r.learningRate(), r.seconds(), r.imagesPerSecond()};
      for (int i = 0; i < values.length; i++) {
        e.put(columns.get(i + 1), JsonFiles.finiteOrNull(values[i]));
      }
      epochs.add(e);
    }
    return new File(snapshot.status().key(), snapshot.message() == null ? "" : snapshot.message(), history.metricName(),
        history.higherIsBetter(), snapshot.monitor(), snapshot.bestEpoch(), epochs, snapshot.provenance());
  }

  static Snapshot fromFile(File f) {
    List<String> columns = columns(f.metric());
    List<EpochRecord> records = new ArrayList<>();
    for (Map<String, Number> e : f.epochs() == null ? List.<Map<String, Number>>of() : f.epochs()) {
      double[] v = new double[columns.size()];
      for (int i = 0; i < v.length; i++) {
        Number n = e.get(columns.get(i));
        v[i] = n == null ? Double.NaN : n.doubleValue();
      }
      records.add(new EpochRecord((int) v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
    }
    return new Snapshot(new History(f.metric(), f.higherIsBetter(), records),
        RunStatus.parse(f.status() == null ? "running" : f.status()), f.bestEpoch(), f.monitor(),
        f.message() == null ? "" : f.message(), f.provenance());
  }

  /**
   * Reads a folder's {@code history.json}.
   *
   * @throws IOException when it is missing or unreadable; the message names the file (and the field)
   */
  public static Snapshot read(Path folder) throws IOException {
    Path file = folder.resolve(JSON);
    try {
      return fromFile(TrainJson.mapper().readValue(file.toFile(), File.class));
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": unreadable training history: " + JsonFiles.problem(e), e);
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": unreadable training history: " + e.getMessage(), e);
    }
  }
}

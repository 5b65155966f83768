package io.github.metart.models.predict;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.hash.Hashing;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.models.heads.ClassPrediction;
import io.github.metart.models.heads.LabelProbability;
import io.github.metart.models.heads.YearPrediction;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Batch prediction over a large folder of images in shards, so that several processes or cluster
 * tasks each predict a part ({@code metart predict --folder DIR --shard 2/8 --out part-2.csv}) and
 * a merge joins the parts ({@code metart predict --merge part-*.csv --out predictions.csv}).
 *
 * <p>An image belongs to one shard by a consistent hash of its path inside the folder, so every
 * shard sees the same assignment whatever the order the file system lists the folder in, and images
 * added later do not move the others. A shard's CSV starts with a comment naming its shard, the
 * folder and its image count; the merge checks that the parts are the shards 1 to N of one folder,
 * each whole, and writes one CSV sorted by image.
 *
 * <pre>
 * # metart predict shard 2/8 of /data/photos: 1234 images
 * image,label_1,probability_1,label_2,probability_2,problem
 * a/0001.jpg,chinese,0.912,japanese,0.071,
 * </pre>
 */
public final class PredictionShards {

  private static final Pattern HEADER =
      Pattern.compile("metart predict shard (\\d+)/(\\d+) of (.*): (\\d+) images");

  /**
   * One shard of N.
   *
   * @param index from 1 to {@code count}
   * @param count how many shards there are
   */
  public record Shard(int index, int count) {

    /** Validates the numbers. */
    public Shard {
      checkArgument(count >= 1, "the shard count must be 1 or more, got %s", count);
      checkArgument(index >= 1 && index <= count, "shard %s/%s: the index runs from 1 to %s", index, count, count);
    }

    /** Parses {@code I/N}, e.g. {@code 2/8}. */
    public static Shard parse(String text) {
      Matcher m = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*").matcher(text == null ? "" : text);
      checkArgument(m.matches(), "expected a shard as I/N (e.g. 2/8), got '%s'", text);
      return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether an image (its path inside the folder, with {@code /}) is in this shard. */
    public boolean holds(String relativePath) {
      return Hashing.consistentHash(Hashing.murmur3_128().hashString(relativePath, StandardCharsets.UTF_8), count)
          == index - 1;
    }

    @Override
    public String toString() {
      return index + "/" + count;
    }
  }

  /**
   * What one shard wrote.
   *
   * @param file the CSV
   * @param images the images of the shard
   * @param failed how many of them could not be predicted (their {@code problem} column says why)
   */
  public record ShardResult(Path file, int images, int failed) {}

  private PredictionShards() {}

  /**
   * The images of a folder (and its subfolders) by their path inside it, with {@code /}, sorted.
   *
   * @throws IOException naming the folder when it is not one
   */
  public static List<String> images(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException(folder + ": no such folder (expected a folder of images)");
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> FolderImageSource.EXTENSIONS.contains(extension(p)))
          .map(p -> folder.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /**
   * Predicts one shard of a folder's images and writes its CSV (whole or not at all).
   *
   * @param top labels per image for a classifier
   * @param batchSize images per forward pass
   */
  public static ShardResult predict(Predictor predictor, Path folder, Shard shard, Path out, int top, int batchSize)
      throws IOException {
    checkArgument(top >= 1, "top must be 1 or more, got %s", top);
    Path root = folder.toAbsolutePath().normalize();
    List<String> mine = images(root).stream().filter(shard::holds).toList();
    List<Predictor.Outcome> outcomes = predictor.predictEach(mine.stream().map(root::resolve).toList(), batchSize);
    boolean year = !(predictor.model().spec().head() instanceof io.github.metart.models.spec.HeadSpec.Classifier);
    List<String> header = new ArrayList<>(List.of("image"));
    if (year) {
      header.add("year");
    } else {
      for (int k = 1; k <= top; k++) {
        header.add("label_" + k);
        header.add("probability_" + k);
      }
    }
    header.add("problem");
    int failed = 0;
    Path temporary = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".tmp");
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setCommentMarker('#').get())) {
      csv.printComment("metart predict shard " + shard + " of " + root + ": " + mine.size() + " images");
      csv.printRecord(header);
      for (int i = 0; i < mine.size(); i++) {
        Predictor.Outcome outcome = outcomes.get(i);
        List<String> row = new ArrayList<>(List.of(mine.get(i)));
        int columns = year ? 1 : 2 * top;
        if (!outcome.predicted()) {
          failed++;
          for (int c = 0; c < columns; c++) {
            row.add("");
          }
          row.add(outcome.problem());
        } else if (outcome.prediction() instanceof YearPrediction y) {
          row.add(Long.toString(y.roundedYear()));
          row.add("");
        } else {
          List<LabelProbability> labels = ((ClassPrediction) outcome.prediction()).topK(top);
          for (int k = 0; k < top; k++) {
            row.add(k < labels.size() ? labels.get(k).label() : "");
            row.add(k < labels.size() ? String.format(Locale.ROOT, "%.6f", labels.get(k).probability()) : "");
          }
          row.add("");
        }
        csv.printRecord(row);
      }
    }
    move(temporary, out);
    return new ShardResult(out, mine.size(), failed);
  }

  /**
   * Merges the shard CSVs of one folder into one CSV sorted by image.
   *
   * @return how many images the merged file holds
   * @throws IOException naming the file that is no shard CSV, belongs to another folder or split,
   *     is incomplete, repeats a shard, or the shards that are missing
   */
  public static int merge(List<Path> parts, Path out) throws IOException {
    checkArgument(!parts.isEmpty(), "no shard file to merge");
    Map<Integer, Path> seen = new TreeMap<>();
    Map<String, List<String>> rows = new TreeMap<>();
    List<String> header = null;
    String folder = null;
    int count = -1;
    for (Path part : parts) {
      String first;
      try (Stream<String> lines = Files.lines(part, StandardCharsets.UTF_8)) {
        first = lines.findFirst().orElse("");
      } catch (java.nio.file.NoSuchFileException e) {
        // no cause: its message is the bare path, which a reader would see twice
        throw new IOException(part + ": no such file (a shard to merge)");
      }
      Matcher m = HEADER.matcher(first.startsWith("# ") ? first.substring(2) : "");
      if (!m.matches()) {
        throw new IOException(part + ":1: not a shard of metart predict (expected '# metart predict shard I/N of FOLDER: K images')");
      }
      int index = Integer.parseInt(m.group(1));
      int shards = Integer.parseInt(m.group(2));
      if (folder == null) {
        folder = m.group(3);
        count = shards;
      } else if (!folder.equals(m.group(3)) || count != shards) {
        throw new IOException(part + ": shard " + index + "/" + shards + " of " + m.group(3) + ", but "
            + parts.get(0) + " is of " + count + " shards of " + folder);
      }
      Path before = seen.put(index, part);
      if (before != null) {
        throw new IOException(part + ": shard " + index + "/" + shards + " again (also " + before + ")");
      }
      int expected = Integer.parseInt(m.group(4));
      try (Reader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8);
          CSVParser csv =
              CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        if (header == null) {
          header = csv.getHeaderNames();
        } else if (!header.equals(csv.getHeaderNames())) {
          throw new IOException(part + ": its columns " + csv.getHeaderNames() + " differ from " + parts.get(0) + "'s " + header);
        }
        int read = 0;
        for (CSVRecord record : csv) {
          read++;
          rows.put(record.get(0), record.toList());
        }
        if (read != expected) {
          throw new IOException(part + ": holds " + read + " of its " + expected + " images (cut short: predict the shard again)");
        }
      }
    }
    TreeSet<Integer> missing = new TreeSet<>();
    for (int i = 1; i <= count; i++) {
      if (!seen.containsKey(i)) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      throw new IOException("shards " + missing + " of " + count + " of " + folder + " are missing from the merge");
    }
    Path temporary = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
      csv.printRecord(header);
      for (List<String> row : rows.values()) {
        csv.printRecord(row);
      }
    }
    move(temporary, out);
    return rows.size();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}

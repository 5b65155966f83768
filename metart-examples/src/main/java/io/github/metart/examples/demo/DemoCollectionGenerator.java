package io.github.metart.examples.demo;

import io.github.metart.data.loading.SplitMix64;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the demo collection: a Met-like {@code MetObjects.csv} whose Culture and Object Date
 * values are as messy as the Met's, and one small generated image per public-domain object whose
 * look depends on culture and year in learnable ways. The images are <b>generated</b>, not Met
 * images.
 *
 * <pre>{@code
 * DemoCollection demo = DemoCollectionGenerator.generate(DemoCollectionSpec.demo(), Path.of("demo-data"));
 * demo.csvFile();          // demo-data/MetObjects.csv
 * demo.imagesDirectory();  // demo-data/images/<Object ID>.jpg
 * }</pre>
 *
 * <p>The same spec always writes byte-identical files (images are drawn pixel by pixel from
 * per-object seeds; only the JDK's image encoders are involved in the bytes).
 */
public final class DemoCollectionGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCollectionGenerator.class);
  private static final String README_FIRST_LINE = "metart demo collection";
  private static final float JPEG_QUALITY = 0.92f;

  private DemoCollectionGenerator() {}

  /**
   * The objects a spec describes, without writing anything.
   *
   * @return every well-formed row's object, in file order
   */
  public static List<DemoObject> plan(DemoCollectionSpec spec) {
    return CollectionPlanner.plan(spec).stream()
        .flatMap(row -> row.object().stream())
        .toList();
  }

  /**
   * Writes the collection into a folder: {@code MetObjects.csv}, {@code images/}, {@code truth.csv}
   * and {@code README.txt}. The folder is created if needed; it must be empty, or hold a collection
   * generated earlier (which is replaced).
   *
   * @throws IllegalArgumentException when the folder holds anything else
   * @throws IOException when a file cannot be written
   */
  public static DemoCollection generate(DemoCollectionSpec spec, Path directory) throws IOException {
    long started = System.nanoTime();
    prepareDirectory(directory);
    List<CollectionPlanner.PlannedRow> rows = CollectionPlanner.plan(spec);
    Path csv = directory.resolve(DemoCollection.CSV_FILE);
    Path images = directory.resolve(DemoCollection.IMAGES_DIRECTORY);
    Path truth = directory.resolve(DemoCollection.TRUTH_FILE);
    Files.createDirectories(images);

    List<MalformedRow> malformed = writeCsv(rows, csv);
    List<DemoObject> objects = rows.stream().flatMap(row -> row.object().stream()).toList();
    writeTruth(objects, truth);
    writeImages(spec, rows, images);
    writeReadme(spec, directory, objects, malformed);
    DemoCollection collection =
        new DemoCollection(spec, directory, csv, images, truth, objects, malformed);
    LOG.info(
        "generated demo collection in {}: {} rows, {} images ({} ms)",
        directory,
        collection.rowCount(),
        collection.imageCount(),
        (System.nanoTime() - started) / 1_000_000);
    return collection;
  }

  private static void prepareDirectory(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      Files.createDirectories(directory);
      return;
    }
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException(directory + " is a file, not a folder");
    }
    boolean empty;
    try (Stream<Path> entries = Files.list(directory)) {
      empty = entries.findAny().isEmpty();
    }
    if (empty) {
      return;
    }
    Path readme = directory.resolve(DemoCollection.README_FILE);
    boolean ours =
        Files.isRegularFile(readme)
            && Files.readAllLines(readme, StandardCharsets.UTF_8).stream()
                .findFirst()
                .map(line -> line.startsWith(README_FIRST_LINE))
                .orElse(false);
    if (!ours) {
      throw new IllegalArgumentException(
          directory
              + " is not empty and holds no generated demo collection: choose a new or empty folder");
    }
    Files.deleteIfExists(directory.resolve(DemoCollection.CSV_FILE));
    Files.deleteIfExists(directory.resolve(DemoCollection.TRUTH_FILE));
    Path images = directory.resolve(DemoCollection.IMAGES_DIRECTORY);
    if (Files.isDirectory(images)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(images, "[0-9]*.{jpg,png}")) {
        for (Path file : files) {
          Files.delete(file);
        }
      }
    }
    Files.delete(readme);
  }

  private static List<MalformedRow> writeCsv(List<CollectionPlanner.PlannedRow> rows, Path csv)
      throws IOException {
    List<MalformedRow> malformed = new ArrayList<>();
    Path temporary = csv.resolveSibling(csv.getFileName() + ".part");
    try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      MetCsvWriter writer = new MetCsvWriter(out);
      writer.writeRecord(Arrays.stream(MetFileColumn.values()).map(MetFileColumn::header).toList());
      for (CollectionPlanner.PlannedRow row : rows) {
        long line = writer.writeRecord(row.fields());
        if (row.malformed()) {
          malformed.add(
              new MalformedRow(line, row.fields().get(MetFileColumn.OBJECT_ID.ordinal()), row.problem()));
        }
      }
    }
    Files.move(temporary, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return malformed;
  }

  private static void writeTruth(List<DemoObject> objects, Path truth) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
      MetCsvWriter writer = new MetCsvWriter(out, false);
      writer.writeRecord(
          List.of(
              "Object ID",
              "Role",
              "Culture",
              "Culture Label",
              "Year",
              "Date Begin",
              "Date End",
              "Is Public Domain",
              "Image"));
      for (DemoObject object : objects) {
        writer.writeRecord(
            List.of(
                Long.toString(object.objectId()),
                object.role().name(),
                object.rawCulture(),
                object.cultureLabel(),
                Integer.toString(object.year()),
                Integer.toString(object.dateBegin()),
                Integer.toString(object.dateEnd()),
                object.publicDomain() ? "True" : "False",
                object.imageFile().orElse("")));
      }
    }
  }

  private static void writeImages(
      DemoCollectionSpec spec, List<CollectionPlanner.PlannedRow> rows, Path images) {
    List<CultureGroup> classes = CultureCatalog.classes();
    rows.parallelStream()
        .filter(row -> row.object().map(DemoObject::hasImage).orElse(false))
        .forEach(
            row -> {
              DemoObject object = row.object().orElseThrow();
              Random random = new Random(imageSeed(spec.seed(), object.objectId()));
              CultureGroup group = row.group();
              Motif motif =
                  group.motif() != null
                      ? group.motif()
                      : classes.get(random.nextInt(classes.size())).motif();
              Palette palette =
                  group.palette() != null
                      ? group.palette()
                      : classes.get(random.nextInt(classes.size())).palette();
              Palette alternative = classes.get(random.nextInt(classes.size())).palette();
              BufferedImage image =
                  ArtworkPainter.paint(motif, palette, alternative, object.year(), spec.imageSize(), random);
              Path file = images.resolve(object.imageFile().orElseThrow());
              try {
                writeImage(image, spec.imageFormat(), file);
              } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
              }
            });
  }

  /** A well-mixed seed per object (SplitMix64's finalizer), so neighbouring ids look unrelated. */
  static long imageSeed(long seed, long objectId) {
    return SplitMix64.mix(seed * SplitMix64.GOLDEN + objectId);
  }

  private static void writeImage(BufferedImage image, DemoImageFormat format, Path file)
      throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
    if (!writers.hasNext()) {
      throw new IOException("no ImageIO writer for " + format.imageIoName());
    }
    ImageWriter writer = writers.next();
    Path temporary = file.resolveSibling(file.getFileName() + ".part");
    try (ImageOutputStream out = ImageIO.createImageOutputStream(temporary.toFile())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (format == DemoImageFormat.JPEG) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeReadme(
      DemoCollectionSpec spec, Path directory, List<DemoObject> objects, List<MalformedRow> malformed)
      throws IOException {
    long images = objects.stream().filter(DemoObject::hasImage).count();
    String text =
        README_FIRST_LINE
            + " (generated by metart; NOT Met data)\n"
            + "\n"
            + "MetObjects.csv is written in the format of the Met's Open Access file (54 columns, UTF-8\n"
            + "with BOM, CRLF, RFC 4180 quoting) but every row is invented. The images in images/ are\n"
            + "GENERATED pictures, not photographs of Met objects: their colours and shapes depend on the\n"
            + "culture, their stripes and ageing on the year, so that a small network can learn both.\n"
            + "truth.csv holds, per object, the label its Culture should normalize to and the year its\n"
            + "image encodes.\n"
            + "\n"
            + "seed: " + spec.seed() + "\n"
            + "objects per culture class: " + spec.objectsPerCulture() + "\n"
            + "culture classes: " + String.join(", ", DemoCollection.cultureClasses()) + "\n"
            + "rows: " + (objects.size() + malformed.size()) + " (" + malformed.size() + " malformed on purpose)\n"
            + "images: " + images + " (" + spec.imageSize() + "x" + spec.imageSize() + " "
            + spec.imageFormat() + ")\n";
    Files.writeString(directory.resolve(DemoCollection.README_FILE), text, StandardCharsets.UTF_8);
  }
}

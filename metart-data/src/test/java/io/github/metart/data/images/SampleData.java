package io.github.metart.data.images;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The shared real Met sample ({@code ../shared/met-sample}, system property {@code
 * metart.sample.dir}); tests that need it are skipped with a message when it is absent.
 */
public final class SampleData {

  private SampleData() {}

  /** The sample folder, or a skipped test. */
  public static Path folder() {
    String dir = System.getProperty("metart.sample.dir");
    assumeTrue(
        dir != null && Files.isDirectory(Path.of(dir, "images")),
        "the real Met sample is absent (system property metart.sample.dir=" + dir + ")");
    return Path.of(dir);
  }

  /** The folder of 400 real WebP images. */
  public static Path images() {
    return folder().resolve("images");
  }

  /** Object ID to {@code {width, height}} as listed in {@code images_extra.csv}. */
  public static Map<Long, int[]> imageSizes() throws IOException {
    Map<Long, int[]> sizes = new LinkedHashMap<>();
    try (Reader reader = Files.newBufferedReader(folder().resolve("images_extra.csv"))) {
      for (CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        sizes.put(
            Long.parseLong(row.get("objectID")),
            new int[] {Integer.parseInt(row.get("width")), Integer.parseInt(row.get("height"))});
      }
    }
    return sizes;
  }
}

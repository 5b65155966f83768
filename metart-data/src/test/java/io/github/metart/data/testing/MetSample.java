package io.github.metart.data.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real Met sample ({@code ../shared/met-sample}), located by the {@code metart.sample.dir} property. */
public final class MetSample {

  private MetSample() {}

  /** The sample folder; skips the calling test (with a message) when it is absent. */
  public static Path dir() {
    String property = System.getProperty("metart.sample.dir");
    Path dir = property == null ? null : Path.of(property);
    assumeTrue(
        dir != null && Files.isRegularFile(dir.resolve("objects.csv")),
        "the Met sample is absent (system property metart.sample.dir=" + property
            + "): skipping the test on real data");
    return dir;
  }

  /** The sample's {@code objects.csv}; skips the calling test when absent. */
  public static Path objectsCsv() {
    return dir().resolve("objects.csv");
  }
}

package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {

  static final String HEADER =
      "Object ID,Is Public Domain,Department,Classification,Culture,Period,Object Date,"
          + "Object Begin Date,Object End Date\n";

  @TempDir Path dir;

  Path csv(String body) throws IOException {
    Path file = dir.resolve("objects.csv");
    Files.writeString(file, HEADER + body, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void printsRowsReadSkippedAndEachSkippedRow() throws IOException {
    Path file = csv(
        "1,True,A,B,Japan,,ca. 1785,1780,1790\n"
            + "2,True,A,B,\"Japan\",x,1850s\n"
            + "3,True,A,B,Korea,,1850s,1850,1859\n"
            + "x4,True,A,B,China,,1850,1850,1850\n");

    CliRun.Result run = CliRun.run("stats", "--csv", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("rows read: 2\n")
        .contains("rows skipped: 2\n")
        .contains("  line 3: wrong field count: 7 fields, the header has 9\n")
        .contains("  line 5: unparseable number: Object ID is not an integer: 'x4'\n")
        .contains("japanese")
        .contains("date agreement: 2 of 2 rows")
        .contains("sha256: ");
  }

  @Test
  void theSkippedListIsLimited() throws IOException {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      body.append(i + 1).append(",True\n");
    }

    CliRun.Result run = CliRun.run("stats", "--csv", csv(body.toString()).toString(), "--limit", "3");

    assertThat(run.out()).contains("rows skipped: 30\n  line 2: wrong field count").contains("  ... 27 more\n");
  }

  @Test
  void anUnusableFileFailsWithOneLineNamingIt() throws IOException {
    Path file = dir.resolve("notes.csv");
    Files.writeString(file, "name,colour\nvase,blue\n");

    CliRun.Result run = CliRun.run("stats", "--csv", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .contains("notes.csv: is not a MetObjects.csv file")
        .contains("lacks the required columns").contains("Object ID");
    assertThat(CliRun.run("stats", "--csv", dir.resolve("missing.csv").toString()).err())
        .contains("missing.csv: no such file");
  }

  @Test
  void strictFailsAtTheFirstBadRow() throws IOException {
    CliRun.Result run = CliRun.run("stats", "--csv", csv("1,True\n").toString(), "--strict");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("objects.csv, line 2: wrong field count");
  }

  @Test
  void missingCsvIsAUsageError() {
    CliRun.Result run = CliRun.run("stats");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--csv");
  }

  @Test
  void statsOfTheRealSample() {
    String dir = System.getProperty("metart.sample.dir");
    Path sample = dir == null ? null : Path.of(dir, "objects.csv");
    org.junit.jupiter.api.Assumptions.assumeTrue(sample != null && Files.isRegularFile(sample),
        "the Met sample is absent: skipping");

    CliRun.Result run = CliRun.run("stats", "--csv", sample.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("rows read: 5000\n").contains("rows skipped: 0\n").contains("date agreement: 4754 of 4911");
  }
}

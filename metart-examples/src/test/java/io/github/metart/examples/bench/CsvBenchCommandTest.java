package io.github.metart.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.examples.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBenchCommandTest {

  @TempDir Path dir;

  @Test
  void generatesReadsAndPrintsTheFigures() throws IOException {
    Path seed = dir.resolve("seed.csv");
    Files.writeString(seed,
        "Object ID,Is Public Domain,Department,Classification,Culture,Period,Object Date,"
            + "Object Begin Date,Object End Date\n"
            + "7,True,A,B,Japan,Edo period (1615–1868),ca. 1785,1780,1790\n"
            + "9,False,A,B,\"French, Paris\",,\"18th\ncentury\",1700,1799\n",
        StandardCharsets.UTF_8);

    CliRun.Result run = CliRun.run("bench", "csv", "--csv", seed.toString(), "--rows", "1001", "--runs", "1");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("generated 1,001 rows")
        .contains("run 1: 1,001 rows (0 skipped)")
        .contains("rows/s")
        .contains("peak heap")
        .contains("processors, load average");
  }

  @Test
  void generatedRowsGetFreshIds() throws IOException {
    Path seed = dir.resolve("seed.csv");
    Files.writeString(seed, "Object ID,Culture\n5,Japan\n6,China\n", StandardCharsets.UTF_8);
    Path target = dir.resolve("big.csv");

    long written = CsvBenchCommand.generate(seed, target, 5);

    assertThat(written).isEqualTo(5);
    assertThat(Files.readString(target)).isEqualTo(
        "\uFEFFObject ID,Culture\r\n1,Japan\r\n2,China\r\n3,Japan\r\n4,China\r\n5,Japan\r\n");
  }

  @Test
  void benchWithoutASubcommandIsAUsageError() {
    CliRun.Result run = CliRun.run("bench");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing benchmark");
  }
}

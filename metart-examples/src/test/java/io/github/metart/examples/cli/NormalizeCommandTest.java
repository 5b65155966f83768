package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizeCommandTest {

  @TempDir Path dir;

  @Test
  void cultureEchoesEachLineWithItsLabel() {
    String input = "Japan\njapan\nGerman, probably Dresden\nFrench or Italian\n\nChimú (?)\n  Japanese  \n";

    CliRun.Result run = CliRun.runWithStdin(input, "normalize", "culture");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(
        "Japan\tjapanese\n"
            + "japan\tjapanese\n"
            + "German, probably Dresden\tgerman\n"
            + "French or Italian\t\n"
            + "\t\n"
            + "Chimú (?)\tchimu\n"
            + "  Japanese  \tjapanese\n");
  }

  @Test
  void dateWritesBeginAndEndOrTwoEmptyFields() {
    String input = "ca. 1785\r\n1909–27\r\nn. d.\r\nca. 2000–1500 B.C.\r\n18th century";

    CliRun.Result run = CliRun.runWithStdin(input, "normalize", "date");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(
        "ca. 1785\t1780\t1790\n"
            + "1909–27\t1909\t1927\n"
            + "n. d.\t\t\n"
            + "ca. 2000–1500 B.C.\t-2000\t-1500\n"
            + "18th century\t1700\t1799\n");
  }

  @Test
  void periodWritesItsInterval() {
    CliRun.Result run = CliRun.runWithStdin("Edo period (1615–1868)\nArchaic\nRajput\n", "normalize", "period");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(
        "Edo period (1615–1868)\t1615\t1868\n" + "Archaic\t-700\t-480\n" + "Rajput\t\t\n");
  }

  @Test
  void explainAddsTheRuleAndInReadsAFile() throws IOException {
    Path in = dir.resolve("cultures.txt");
    Files.writeString(in, "Northern Germany\n", StandardCharsets.UTF_8);

    CliRun.Result run = CliRun.run("normalize", "culture", "--in", in.toString(), "--explain");

    assertThat(run.out()).startsWith("Northern Germany\tgerman\tlabeled: region word 'northern' dropped");
  }

  @Test
  void userRulesAndAmbiguityPolicy() throws IOException {
    Path rules = dir.resolve("rules.txt");
    Files.writeString(rules, "label bohemian = czech\n", StandardCharsets.UTF_8);

    assertThat(CliRun.runWithStdin("Czech\n", "normalize", "culture", "--rules", rules.toString()).out())
        .isEqualTo("Czech\tbohemian\n");
    assertThat(CliRun.runWithStdin("French or Italian\n", "normalize", "culture", "--ambiguity", "first").out())
        .isEqualTo("French or Italian\tfrench\n");
  }

  @Test
  void usageErrorsExitWithTwoAndOneLine() {
    CliRun.Result unknownKind = CliRun.run("normalize", "colour");
    assertThat(unknownKind.exitCode()).isEqualTo(2);
    assertThat(unknownKind.err().strip()).doesNotContain("\n").contains("colour");

    CliRun.Result missing = CliRun.run("normalize");
    assertThat(missing.exitCode()).isEqualTo(2);

    CliRun.Result wrongOption = CliRun.run("normalize", "date", "--rules", "x.txt");
    assertThat(wrongOption.exitCode()).isEqualTo(2);
    assertThat(wrongOption.err()).contains("apply to 'normalize culture' only");

    CliRun.Result badPolicy = CliRun.run("normalize", "culture", "--ambiguity", "maybe");
    assertThat(badPolicy.exitCode()).isEqualTo(2);
    assertThat(badPolicy.err()).contains("--ambiguity: unknown value 'maybe', expected one of no-label, first");
  }

  @Test
  void aMissingInputFileIsARuntimeFailureNamingIt() {
    CliRun.Result run = CliRun.run("normalize", "date", "--in", dir.resolve("nope.txt").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).doesNotContain("\n").endsWith("nope.txt: no such file");
  }

  @Test
  void invalidUtf8InputIsNamedWithItsLine() throws IOException {
    Path in = dir.resolve("latin1.txt");
    byte[] latin1 = {'F', 'r', 'a', 'n', (byte) 0xE7, 'a', 'i', 's', '\n'};
    Files.write(in, latin1);

    CliRun.Result run = CliRun.run("normalize", "culture", "--in", in.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(in + ", line 1: not UTF-8 text (byte sequence 0xE7 at byte 5 of the line)");
  }

  @Test
  void invalidUtf8OnStdinNamesTheLineAfterTheGoodLinesWereWritten() {
    byte[] good = "Japan\r\nChina\rKorea\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'F', 'r', 'a', 'n', (byte) 0xE7, 'a', 'i', 's', '\n', 'I', 'n', 'd', 'i', 'a', '\n'};
    byte[] input = new byte[good.length + bad.length];
    System.arraycopy(good, 0, input, 0, good.length);
    System.arraycopy(bad, 0, input, good.length, bad.length);

    CliRun.Result run = CliRun.runWithStdin(input, "normalize", "culture");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("Japan\tjapanese\nChina\tchinese\nKorea\tkorean\n");
    assertThat(run.err()).contains("<stdin>, line 4: not UTF-8 text (byte sequence 0xE7 at byte 5");
  }
}

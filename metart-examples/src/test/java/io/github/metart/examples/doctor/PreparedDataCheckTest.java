package io.github.metart.examples.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedDataCheckTest {

  @TempDir Path data;

  @BeforeEach
  void prepareAHealthyFolder() throws IOException {
    Files.writeString(
        data.resolve("manifest.json"),
        "{\"recipe\": {\"task\": \"culture\"}, \"seed\": 42,"
            + " \"counts\": {\"train\": {\"greek\": 2, \"japanese\": 1}, \"validation\": 1, \"test\": 1}}");
    Path splits = Files.createDirectories(data.resolve("splits"));
    Files.writeString(splits.resolve("train.csv"), "objectId,label\n1,greek\n2,greek\n3,japanese\n");
    Files.writeString(splits.resolve("validation.csv"), "objectId,label\n4,greek\n");
    Files.writeString(splits.resolve("test.csv"), "objectId,label\n5,japanese\n");
    Files.writeString(data.resolve("report.txt"), "rows read: 5\n");
    Files.write(Files.createDirectories(data.resolve("cache/224-center")).resolve("shard-0.bin"), new byte[1024]);
  }

  private CheckResult result(String name) {
    List<CheckResult> results = new PreparedDataCheck(data).run();
    return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(
        () -> new AssertionError("no '" + name + "' in " + results));
  }

  @Test
  void aHealthyFolderPasses() {
    List<CheckResult> results = new PreparedDataCheck(data).run();

    assertThat(results).extracting(CheckResult::status).containsOnly(CheckStatus.OK);
    assertThat(result("data manifest").detail()).endsWith("(recipe, seed, counts)");
    assertThat(result("data splits").detail())
        .isEqualTo("train 3, validation 1, test 1 rows; no object in two splits");
    assertThat(result("data counts").detail()).contains("match");
    assertThat(result("data cache").detail()).endsWith("224-center 1.0 KiB");
  }

  @Test
  void aMissingFolderFails() {
    List<CheckResult> results = new PreparedDataCheck(data.resolve("nope")).run();

    assertThat(results).hasSize(1);
    assertThat(results.get(0).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(results.get(0).detail()).endsWith("nope does not exist");
    assertThat(results.get(0).fix()).contains("metart prepare");
  }

  @Test
  void brokenJsonIsReportedWithItsLine() throws IOException {
    Files.writeString(data.resolve("manifest.json"), "{\n  \"seed\": 42,\n  oops\n}");

    CheckResult manifest = result("data manifest");

    assertThat(manifest.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(manifest.detail()).contains("manifest.json, line 3").contains("not valid JSON");
  }

  @Test
  void anObjectInTwoSplitsFails() throws IOException {
    Files.writeString(data.resolve("splits/test.csv"), "objectId,label\n2,greek\n");

    CheckResult splits = result("data splits");

    assertThat(splits.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(splits.detail()).startsWith("object 2 is in both train and test");
  }

  @Test
  void countsThatDisagreeWithTheManifestFail() throws IOException {
    Files.writeString(data.resolve("splits/validation.csv"), "objectId,label\n4,greek\n6,greek\n");

    CheckResult counts = result("data counts");

    assertThat(counts.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(counts.detail()).endsWith("says validation has 1 objects but splits/validation.csv has 2 rows");
  }

  @Test
  void missingSplitsFailAndMissingCacheOrReportWarn() throws IOException {
    Files.delete(data.resolve("splits/test.csv"));
    Files.delete(data.resolve("report.txt"));
    Files.delete(data.resolve("cache/224-center/shard-0.bin"));
    Files.delete(data.resolve("cache/224-center"));
    Files.delete(data.resolve("cache"));

    assertThat(result("data splits").status()).isEqualTo(CheckStatus.FAIL);
    assertThat(result("data splits").detail()).contains("test.csv");
    assertThat(result("data report").status()).isEqualTo(CheckStatus.WARN);
    assertThat(result("data cache").status()).isEqualTo(CheckStatus.WARN);
    assertThat(result("data cache").fix()).contains("--images");
  }

  @Test
  void splitsWithoutAnIdColumnWarnThatOverlapWasNotChecked() throws IOException {
    for (String split : PreparedDataCheck.SPLITS) {
      Files.writeString(data.resolve("splits/" + split + ".csv"), "label\ngreek\n");
    }
    Files.writeString(data.resolve("manifest.json"), "{\"seed\": 1}");

    CheckResult splits = result("data splits");

    assertThat(splits.status()).isEqualTo(CheckStatus.WARN);
    assertThat(splits.detail()).contains("overlap not checked");
    assertThat(result("data counts").detail()).contains("no per-split counts");
  }
}

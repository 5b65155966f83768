package io.github.metart.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.testing.MetSample;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reads the real 5,000-row Met sample (skipped when it is absent). */
class MetSampleReadTest {

  @Test
  void readsEveryRowOfTheRealSample() throws IOException {
    MetCsvFormat.ReadResult result =
        MetCsvFormat.DEFAULT.strict().withSha256(true).readAll(MetSample.objectsCsv());

    assertThat(result.report().rowsRead()).isEqualTo(5_000);
    assertThat(result.report().rowsSkipped()).isZero();
    assertThat(result.report().lines()).isEqualTo(7_249);
    assertThat(result.report().missingColumns()).isEmpty();
    assertThat(result.report().sha256()).hasSize(64);
    Map<Long, MetObject> byId =
        result.objects().stream().collect(Collectors.toMap(MetObject::objectId, Function.identity()));
    assertThat(byId).hasSize(5_000);
    assertThat(byId.get(504497L).medium()).startsWith("Narwhal (narwhahl) tusk, ivory, gilt brass\n");
    assertThat(byId.get(503523L).title()).contains("古琴");
    assertThat(byId.get(679465L).objectDate()).isEqualTo("1584");
    assertThat(result.objects().stream().filter(MetObject::publicDomain).count()).isEqualTo(4_878);
    assertThat(result.objects().get(4_999).objectId()).isEqualTo(679465L);
  }
}

package io.github.metart.data.dates;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.testing.MetSample;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The date parser against the Met's own Object Begin/End Date columns on the real sample: the share
 * of rows where both exist whose two ends agree within 25 years, on the whole sample and on its two
 * halves (development and held-out, see {@link #half}). Prints the figures.
 */
class DateAgreementTest {

  /**
   * The half of the sample a row belongs to, by a hash of its Object ID: 0 is the development half
   * (where misses may be studied), 1 the held-out half (where they may not), so the held-out figure
   * says how the parser does on rows it was not tuned on.
   */
  static int half(MetObject o) {
    return Hashing.murmur3_32_fixed().hashLong(o.objectId()).asInt() & 1;
  }

  @Test
  void agreesWithTheMetsColumnsOnTheSample() throws IOException {
    List<MetObject> objects = MetCsvFormat.DEFAULT.readAll(MetSample.objectsCsv()).objects();
    int[] both = new int[2];
    int[] agree = new int[2];
    int dated = 0;
    Set<String> distinct = new TreeSet<>();
    Set<String> unparsed = new TreeSet<>();
    for (MetObject o : objects) {
      if (o.objectDate().isBlank()) {
        continue;
      }
      dated++;
      distinct.add(o.objectDate());
      Optional<YearRange> parsed = ObjectDates.parse(o.objectDate());
      if (parsed.isEmpty()) {
        unparsed.add(o.objectDate());
      }
      Optional<YearRange> met = o.metYears();
      if (parsed.isPresent() && met.isPresent()) {
        int h = half(o);
        both[h]++;
        if (parsed.get().agreesWith(met.get(), 25)) {
          agree[h]++;
        }
      }
    }
    int allBoth = both[0] + both[1];
    int allAgree = agree[0] + agree[1];
    double share = 100.0 * allAgree / allBoth;
    System.out.printf(
        "date agreement: %d of %d sample rows with both a parsed Object Date and Met begin/end"
            + " agree within ±25 years on both ends: %.2f%% (development half %d of %d, %.2f%%;"
            + " held-out half %d of %d, %.2f%%); %d of %d distinct Object Date strings unparsed%n",
        allAgree, allBoth, share, agree[0], both[0], 100.0 * agree[0] / both[0], agree[1], both[1],
        100.0 * agree[1] / both[1], unparsed.size(), distinct.size());

    assertThat(distinct).hasSize(3_013);
    assertThat(dated).isGreaterThan(4_900);
    assertThat(both[0]).isGreaterThan(2_000);
    assertThat(both[1]).isGreaterThan(2_000);
    assertThat(share).isGreaterThanOrEqualTo(96.8);
    assertThat(unparsed).hasSizeLessThan(20);
  }
}

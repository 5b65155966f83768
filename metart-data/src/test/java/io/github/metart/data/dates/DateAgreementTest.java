package io.github.metart.data.dates;

import static org.assertj.core.api.Assertions.assertThat;

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
 * of rows where both exist whose two ends agree within 25 years. Prints the figure.
 */
class DateAgreementTest {

  @Test
  void agreesWithTheMetsColumnsOnTheSample() throws IOException {
    List<MetObject> objects = MetCsvFormat.DEFAULT.readAll(MetSample.objectsCsv()).objects();
    int both = 0;
    int agree = 0;
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
        both++;
        if (parsed.get().agreesWith(met.get(), 25)) {
          agree++;
        }
      }
    }
    double share = 100.0 * agree / both;
    System.out.printf(
        "date agreement: %d of %d sample rows with both a parsed Object Date and Met begin/end"
            + " agree within ±25 years on both ends: %.2f%%; %d of %d distinct Object Date strings"
            + " unparsed%n",
        agree, both, share, unparsed.size(), distinct.size());

    assertThat(distinct).hasSize(3_013);
    assertThat(dated).isGreaterThan(4_900);
    assertThat(share).isGreaterThanOrEqualTo(96.7);
    assertThat(unparsed).hasSizeLessThan(20);
  }
}

package io.github.metart.data.culture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.culture.CultureDecision.Outcome;
import io.github.metart.data.testing.MetSample;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The normalizer over every Culture value of the real sample (skipped when it is absent). */
class CultureSampleTest {

  @Test
  void labelsTheRealSample() throws IOException {
    List<MetObject> objects = MetCsvFormat.DEFAULT.readAll(MetSample.objectsCsv()).objects();
    CultureNormalizer normalizer = CultureNormalizer.defaults();
    Map<String, Integer> counts = new TreeMap<>();
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    java.util.Set<String> distinct = new java.util.HashSet<>();
    for (MetObject o : objects) {
      CultureDecision d = normalizer.explain(o.culture());
      outcomes.merge(d.outcome(), 1, Integer::sum);
      d.label().ifPresent(l -> counts.merge(l, 1, Integer::sum));
      if (!o.culture().isBlank()) {
        distinct.add(o.culture());
      }
    }
    System.out.printf("culture outcomes on the sample: %s; %d labels%n", outcomes, counts.size());

    assertThat(distinct).hasSize(956);
    assertThat(outcomes.get(Outcome.EMPTY)).isEqualTo(1_525);
    // every American, French, ... variant is counted under one label
    assertThat(counts.get("american")).isGreaterThanOrEqualTo(354 + 3);
    assertThat(counts.get("french")).isGreaterThanOrEqualTo(293 + 124 + 27);
    assertThat(counts.get("japanese")).isEqualTo(43 + 24 + 2 + 1 + 1 + 1 + 1);
    assertThat(counts.get("greek")).isGreaterThanOrEqualTo(55 + 27);
    // labeled rows far outnumber the ambiguous ones
    assertThat(outcomes.get(Outcome.LABELED)).isGreaterThan(3_000);
    assertThat(outcomes.get(Outcome.AMBIGUOUS)).isBetween(50, 250);
    assertThat(counts.keySet()).allMatch(l -> l.equals(CultureRules.key(l)));
  }
}

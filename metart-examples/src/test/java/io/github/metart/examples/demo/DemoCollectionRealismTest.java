package io.github.metart.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo-size plan (no files written) is as messy as the Met's file, and balanced enough. */
class DemoCollectionRealismTest {

  static final List<DemoObject> DEMO = DemoCollectionGenerator.plan(DemoCollectionSpec.demo());

  @Test
  void eachClassHasItsImagedObjectsAndSeveralSpellings() {
    Map<String, List<DemoObject>> byLabel =
        DEMO.stream()
            .filter(o -> o.role() == CultureRole.LABELED)
            .collect(Collectors.groupingBy(DemoObject::cultureLabel));

    assertThat(byLabel.keySet()).containsExactlyInAnyOrderElementsOf(DemoCollection.cultureClasses());
    byLabel.forEach(
        (label, objects) -> {
          assertThat(objects.stream().filter(DemoObject::hasImage)).as(label).hasSize(150);
          Set<String> spellings = objects.stream().map(DemoObject::rawCulture).collect(Collectors.toSet());
          assertThat(spellings).as(label).hasSizeGreaterThanOrEqualTo(5);
        });
    Set<String> raw = DEMO.stream().map(DemoObject::rawCulture).collect(Collectors.toSet());
    assertThat(raw)
        .contains(
            "Japan",
            "Japanese",
            "japanese",
            "Japanese, Edo period",
            "German, probably Dresden",
            "Northern Germany",
            "Greek, Attic",
            "Chinese, for export market",
            "French or Italian",
            "European",
            "");
  }

  @Test
  void theOtherRolesArePresent() {
    Map<CultureRole, Long> roles =
        DEMO.stream().collect(Collectors.groupingBy(DemoObject::role, Collectors.counting()));

    assertThat(roles.keySet()).containsExactlyInAnyOrder(CultureRole.values());
    assertThat(DEMO).filteredOn(o -> o.role() == CultureRole.EXCLUDED).allMatch(o -> o.cultureLabel().equals("european"));
    assertThat(DEMO)
        .filteredOn(o -> o.role() == CultureRole.AMBIGUOUS || o.role() == CultureRole.BLANK)
        .allMatch(o -> o.cultureLabel().isEmpty());
    assertThat(DEMO.stream().filter(o -> o.role() == CultureRole.RARE).map(DemoObject::cultureLabel).distinct())
        .hasSize(4);
    assertThat(DEMO).filteredOn(o -> !o.publicDomain()).hasSizeGreaterThan(50).noneMatch(DemoObject::hasImage);
  }

  @Test
  void datesCarryTheMetsQuirks() {
    assertThat(DEMO).anyMatch(o -> o.objectDate().indexOf('\u2013') > 0);
    assertThat(DEMO).anyMatch(o -> o.objectDate().endsWith("B.C."));
    assertThat(DEMO).anyMatch(o -> o.objectDate().endsWith("BCE"));
    // the Met's 0,0 although the string says when
    assertThat(DEMO)
        .filteredOn(o -> !o.objectDate().isEmpty() && o.beginColumn() == 0 && o.endColumn() == 0)
        .hasSizeGreaterThan(10);
    // years in Begin/End only
    assertThat(DEMO)
        .filteredOn(o -> o.objectDate().isEmpty() && o.beginColumn() != 0)
        .hasSizeGreaterThan(5);
    // only the Period says when
    assertThat(DEMO)
        .filteredOn(o -> o.objectDate().isEmpty() && o.beginColumn() == 0)
        .isNotEmpty()
        .allMatch(o -> o.period().matches(".*\\(\\d{4}\u2013\\d{2,4}\\)"));
    assertThat(DEMO).anyMatch(o -> o.period().equals("Edo period (1615\u20131868)"));
    assertThat(DEMO)
        .filteredOn(o -> o.beginColumn() != 0 || o.endColumn() != 0)
        .allMatch(o -> o.beginColumn() == o.dateBegin() && o.endColumn() == o.dateEnd());
    assertThat(DEMO).filteredOn(o -> o.cultureLabel().equals("greek")).allMatch(o -> o.year() < 0);
  }

  @Test
  void yearsFillEveryFiftyYearBinFrom1500To1900() {
    int[] bins = new int[8];
    DEMO.stream()
        .filter(DemoObject::hasImage)
        .filter(o -> o.year() >= 1500 && o.year() < 1900)
        .forEach(o -> bins[(o.year() - 1500) / 50]++);

    int total = java.util.Arrays.stream(bins).sum();
    assertThat(total).isGreaterThan(800);
    for (int count : bins) {
      assertThat(count).isBetween(total / 8 * 6 / 10, total / 8 * 14 / 10);
    }
  }

  @Test
  void periodIntervalsExpandAbbreviatedYears() {
    assertThat(CollectionPlanner.periodInterval("Edo period (1615\u20131868)"))
        .hasValue(new DatedText("Edo period (1615\u20131868)", 1615, 1868));
    assertThat(CollectionPlanner.periodInterval("Qianlong period (1736\u201395)"))
        .map(DatedText::end)
        .hasValue(1795);
    assertThat(CollectionPlanner.periodInterval("Archaic")).isEmpty();
  }
}

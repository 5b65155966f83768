package io.github.metart.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.metart.data.csv.MetObject;
import io.github.metart.data.culture.AmbiguityPolicy;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.dates.YearSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetDatasetTest {

  @TempDir Path dir;

  /** A collection: {@code n} objects per culture text, ids from {@code firstId}, dated 1700–1899. */
  static List<MetObject> collection() {
    List<MetObject> objects = new ArrayList<>();
    long id = 1;
    String[][] cultures = {
      {"Japan", "120"}, {"Japanese", "80"}, {"French, Paris", "150"}, {"Chinese", "60"},
      {"European", "90"}, {"Korea", "8"}, {"French or Italian", "30"}, {"Islamic", "40"}
    };
    for (String[] c : cultures) {
      int n = Integer.parseInt(c[1]);
      for (int i = 0; i < n; i++, id++) {
        int year = 1700 + (int) (id * 7 % 200);
        objects.add(
            MetObject.builder(id)
                .culture(c[0])
                .publicDomain(id % 5 != 0)
                .department(id % 2 == 0 ? "Asian Art" : "European Paintings")
                .classification(id % 3 == 0 ? "Paintings" : "Ceramics")
                .objectDate("ca. " + year)
                .metYears(year - 5, year + 5)
                .title("Object " + id)
                .build());
      }
    }
    return objects;
  }

  static MetDataset source() {
    return MetDataset.fromObjects("test collection", collection());
  }

  @Test
  void cultureRecipeBalancesStratifiesAndSplits() throws IOException {
    DatasetSplits splits =
        source().culture().minPerLabel(50).exclude("european").balance(100).split(8, 1, 1).seed(7).build();

    assertThat(splits.labels()).containsExactly("chinese", "french", "japanese");
    Map<Split, Map<String, Integer>> counts = splits.manifest().counts();
    // japanese: 200 candidates balanced to 100 -> 80/10/10; french 150 -> 100; chinese 60 -> 48/6/6
    assertThat(counts.get(Split.TRAIN)).containsEntry("japanese", 80).containsEntry("french", 80)
        .containsEntry("chinese", 48);
    assertThat(counts.get(Split.VALIDATION)).containsEntry("japanese", 10).containsEntry("chinese", 6);
    assertThat(counts.get(Split.TEST)).containsEntry("japanese", 10).containsEntry("chinese", 6);
    assertThat(splits.report().orElseThrow().droppedLabels())
        .containsEntry("european", "excluded by the recipe")
        .containsEntry("korean", "fewer than the minimum 50 (8)")
        .containsEntry("islamic", "fewer than the minimum 50 (40)");
    assertThat(splits.report().orElseThrow().leftOut())
        .containsEntry("no culture label (ambiguous)", 30L)
        .containsEntry("beyond the balance of 100 per label", 150L);
  }

  @Test
  void noObjectIsInTwoSplitsAndTargetsAreClassIndices() throws IOException {
    DatasetSplits splits = source().culture().minPerLabel(10).build();

    Set<Long> seen = new HashSet<>();
    for (Split split : Split.values()) {
      for (LabeledObject o : splits.get(split)) {
        assertThat(seen.add(o.objectId())).as("object %s twice", o.objectId()).isTrue();
        assertThat(splits.encode(o)).isEqualTo((float) splits.labels().indexOf(o.label()));
        assertThat(o.years()).isPresent();
        assertThat(o.yearSource()).isEqualTo(YearSource.COLUMNS);
        assertThat(o.year()).hasValue(o.years().get().midpoint());
      }
    }
    assertThat(seen).hasSize(splits.size());
  }

  @Test
  void theSameSeedGivesTheSameSplitsAndAnotherSeedOthers() throws IOException {
    DatasetSplits a = source().culture().minPerLabel(10).balance(50).seed(1).build();
    DatasetSplits b = source().culture().minPerLabel(10).balance(50).seed(1).build();
    DatasetSplits c = source().culture().minPerLabel(10).balance(50).seed(2).build();

    assertThat(a.splitHash()).isEqualTo(b.splitHash());
    assertThat(a.train()).isEqualTo(b.train());
    assertThat(c.splitHash()).isNotEqualTo(a.splitHash());
    assertThat(c.manifest().counts()).isEqualTo(a.manifest().counts());
  }

  @Test
  void inputOrderDoesNotChangeTheSplits() throws IOException {
    List<MetObject> reversed = new ArrayList<>(collection());
    java.util.Collections.reverse(reversed);

    DatasetSplits a = source().culture().minPerLabel(10).balance(50).build();
    DatasetSplits b = MetDataset.fromObjects("test collection", reversed).culture().minPerLabel(10).balance(50).build();

    assertThat(b.splitHash()).isEqualTo(a.splitHash());
  }

  @Test
  void filtersKeepOnlyTheRowsAsked() throws IOException {
    DatasetSplits splits =
        source().culture().publicDomainOnly().departments("Asian Art").classifications("Ceramics")
            .filter("even ids", o -> o.objectId() % 4 == 0).build();

    List<LabeledObject> all = new ArrayList<>();
    for (Split s : Split.values()) {
      all.addAll(splits.get(s));
    }
    assertThat(all).isNotEmpty().allSatisfy(o -> {
      assertThat(o.source().publicDomain()).isTrue();
      assertThat(o.source().department()).isEqualTo("Asian Art");
      assertThat(o.source().classification()).isEqualTo("Ceramics");
      assertThat(o.objectId() % 4).isZero();
    });
    Recipe.Filters filters = splits.manifest().recipe().filters();
    assertThat(filters.publicDomainOnly()).isTrue();
    assertThat(filters.departments()).containsExactly("Asian Art");
    assertThat(filters.custom()).containsExactly("even ids");
    assertThat(splits.report().orElseThrow().leftOut()).containsKeys("not public domain", "department not selected");
  }

  @Test
  void withImagesKeepsTheGivenIds() throws IOException {
    // objects 1-200 are Japanese, 201-350 French: two labels, as a culture dataset needs
    Set<Long> ids = collection().stream().map(MetObject::objectId).filter(i -> i < 260).collect(Collectors.toSet());

    DatasetSplits splits = source().culture().withImages("has an image in /tmp/images", ids).build();

    assertThat(splits.size()).isPositive();
    for (Split s : Split.values()) {
      assertThat(splits.get(s)).allSatisfy(o -> assertThat(o.objectId()).isLessThan(260));
    }
    assertThat(splits.manifest().recipe().filters().custom())
        .containsExactly("has an image in /tmp/images (" + ids.size() + " object ids)");
  }

  @Test
  void excludeBroadAndFirstAmbiguity() throws IOException {
    DatasetSplits splits = source().culture().excludeBroad().ambiguity(AmbiguityPolicy.FIRST).build();

    assertThat(splits.labels()).doesNotContain("european", "islamic").contains("french", "korean");
    assertThat(splits.manifest().counts().values().stream().mapToInt(m -> m.get("french")).sum())
        .isEqualTo(150 + 30);
  }

  @Test
  void artistNationalityCanStandInForAnEmptyCulture() throws IOException {
    List<MetObject> objects = List.of(
        MetObject.builder(1).artistNationality("French").build(),
        MetObject.builder(2).artistNationality("French|French").build(),
        MetObject.builder(3).artistNationality("American|French").build(),
        MetObject.builder(4).culture("Japan").artistNationality("French").build());

    // by Culture alone only 'japanese' qualifies: refused, pointing to the artist nationality
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetDataset.fromObjects("paintings", objects).culture().build())
        .withMessage(
            "only one culture label qualifies (japanese) with at least 1 objects; a culture dataset"
                + " needs at least two; 3 objects have an empty Culture but an Artist Nationality:"
                + " use the source CULTURE_OR_ARTIST_NATIONALITY (--culture-source"
                + " culture-or-artist-nationality)");
    DatasetSplits withNationality = MetDataset.fromObjects("paintings", objects).culture()
        .source(CultureSource.CULTURE_OR_ARTIST_NATIONALITY).build();

    assertThat(withNationality.labels()).containsExactly("french", "japanese");
    assertThat(withNationality.size()).isEqualTo(3);
    assertThat(withNationality.manifest().recipe().culture().source())
        .isEqualTo(CultureSource.CULTURE_OR_ARTIST_NATIONALITY);
  }

  @Test
  void yearRecipeBinsBalancesAndKeepsIntervals() throws IOException {
    DatasetSplits splits = source().year(1700, 1900).binWidth(50).perBin(60).split(8, 1, 1).seed(3).build();

    assertThat(splits.labels()).containsExactly("1700-1749", "1750-1799", "1800-1849", "1850-1900");
    assertThat(splits.target()).isEqualTo(new YearTarget(1700, 1900));
    for (Split s : Split.values()) {
      for (LabeledObject o : splits.get(s)) {
        int year = o.requireYear();
        YearRange interval = o.years().orElseThrow();
        assertThat(interval.contains(year)).isTrue();
        assertThat(YearRange.of(1700, 1900).contains(interval)).isTrue();
        assertThat(splits.encode(o)).isBetween(0f, 1f);
        int bin = Math.min((year - 1700) / 50, 3);
        assertThat(o.label()).isEqualTo(splits.labels().get(bin));
      }
    }
    assertThat(splits.manifest().counts().get(Split.TRAIN).values()).allMatch(n -> n <= 48);
    assertThat(splits.report().orElseThrow().leftOut()).containsKey("interval not inside 1700..1900");
  }

  @Test
  void uniformDrawsAreSeededPerObjectAndMidpointIsTheMiddle() throws IOException {
    DatasetSplits uniform1 = source().year(1700, 1900).seed(11).build();
    DatasetSplits uniform2 = source().year(1700, 1900).seed(11).build();
    DatasetSplits middle = source().year(1700, 1900).midpoint().build();

    assertThat(uniform1.train()).isEqualTo(uniform2.train());
    boolean someOffCentre = false;
    for (LabeledObject o : uniform1.train()) {
      someOffCentre |= o.requireYear() != o.years().get().midpoint();
    }
    assertThat(someOffCentre).isTrue();
    for (LabeledObject o : middle.train()) {
      assertThat(o.requireYear()).isEqualTo(o.years().get().midpoint());
    }
  }

  @Test
  void maxSpanLeavesOutWideIntervals() throws IOException {
    List<MetObject> objects = new ArrayList<>(collection());
    objects.add(MetObject.builder(99_999).culture("Japan").objectDate("18th century").metYears(1700, 1799).build());

    DatasetSplits splits = MetDataset.fromObjects("c", objects).year(1700, 1900).maxSpan(20).build();

    assertThat(splits.report().orElseThrow().leftOut()).containsEntry("interval wider than maxSpan 20", 1L);
  }

  @Test
  void cultureAndYearTogetherKeepsObjectsWithBothAndDrawsTheirYears() throws IOException {
    List<MetObject> objects = new ArrayList<>(collection());
    // a Japanese object without a date, one dated outside the range, one with too wide an interval
    objects.add(MetObject.builder(90_001).culture("Japan").build());
    objects.add(MetObject.builder(90_002).culture("Japan").objectDate("1950").metYears(1950, 1950).build());
    objects.add(
        MetObject.builder(90_003).culture("Japan").objectDate("18th century").metYears(1700, 1799).build());

    DatasetSplits splits =
        MetDataset.fromObjects("c", objects).culture().minPerLabel(50).withYears(1700, 1900).maxSpan(20).seed(5).build();

    assertThat(splits.task()).isEqualTo(Task.CULTURE_YEAR);
    assertThat(splits.task().id()).isEqualTo("culture+year");
    assertThat(splits.labels())
        .as("culture labels, as for the culture task with the same minimum")
        .isEqualTo(source().culture().minPerLabel(50).build().labels());
    assertThat(splits.target()).isEqualTo(new CultureTarget(splits.labels()));
    assertThat(splits.manifest().yearTarget()).contains(new YearTarget(1700, 1900));
    boolean someOffCentre = false;
    for (Split s : Split.values()) {
      for (LabeledObject o : splits.get(s)) {
        assertThat(YearRange.of(1700, 1900).contains(o.years().orElseThrow())).isTrue();
        assertThat(o.years().orElseThrow().contains(o.requireYear())).isTrue();
        someOffCentre |= o.requireYear() != o.years().get().midpoint();
        assertThat(o.objectId()).isNotIn(90_001L, 90_002L, 90_003L);
      }
    }
    assertThat(someOffCentre).as("years drawn inside the interval, as for the year task").isTrue();
    assertThat(splits.report().orElseThrow().leftOut())
        .containsEntry("no year interval", 1L)
        .containsKey("interval not inside 1700..1900") // 90_002 and the collection's 1695.. and ..1905
        .containsEntry("interval wider than maxSpan 20", 1L);

    splits.write(dir);
    DatasetSplits read = DatasetSplits.read(dir);
    assertThat(read.manifest()).isEqualTo(splits.manifest());
    assertThat(read.train()).isEqualTo(splits.train());
    assertThat(read.task()).isEqualTo(Task.CULTURE_YEAR);
  }

  @Test
  void aRecipeWhereNoLabelQualifiesSaysWhy() {
    assertThatIllegalStateException()
        .isThrownBy(() -> source().culture().minPerLabel(1000).build())
        .withMessageStartingWith("no culture label has at least 1000 objects; the most frequent: [japanese 200, french 150");
  }

  @Test
  void settingsAreValidatedWithHelpfulMessages() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> source().culture().minPerLabel(100).balance(50).build())
        .withMessageContaining("balance (50) must be at least minPerLabel (100)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> source().year(1900, 1500))
        .withMessageContaining("min < max");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> source().year(1500, 1900).binWidth(0))
        .withMessageContaining("binWidth must be at least 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> source().culture().split(0, 1, 1))
        .withMessageContaining("train share must be positive");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> source().culture().filter(" ", o -> true))
        .withMessageContaining("description");
  }

  @Test
  void theDatasetIsWrittenWithAReportAndReadBackVerified() throws IOException {
    DatasetSplits splits = source().culture().minPerLabel(50).balance(100).build();

    splits.write(dir);
    DatasetSplits read = DatasetSplits.read(dir);

    assertThat(read.manifest()).isEqualTo(splits.manifest());
    assertThat(read.train()).isEqualTo(splits.train());
    String report = Files.readString(dir.resolve("report.txt"));
    assertThat(report)
        .contains("dataset: culture, seed 42, split 800:100:100")
        .contains("rows read: 578")
        .contains("rows skipped: 0")
        .contains("japanese")
        .contains("date agreement:");
    assertThat(Files.readString(dir.resolve("report.json"))).contains("\"candidates\"").contains("\"histogram\"");
  }
}

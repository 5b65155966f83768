package io.github.metart.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.csv.MetObject;
import io.github.metart.data.culture.AmbiguityPolicy;
import io.github.metart.data.dates.YearPolicy;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.dates.YearSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSplitsTest {

  @TempDir Path dir;

  static Recipe cultureRecipe() {
    return new Recipe(
        Task.CULTURE,
        42,
        SplitRatio.DEFAULT,
        new Recipe.Filters(true, List.of("Asian Art"), List.of(), List.of("has an image")),
        new Recipe.Dates(YearPolicy.PREFER_COLUMNS, true),
        new Recipe.CultureSettings(
            CultureSource.CULTURE,
            "built-in",
            AmbiguityPolicy.NO_LABEL,
            true,
            List.of("european"),
            false,
            1,
            1000),
        null);
  }

  static Recipe yearRecipe() {
    return new Recipe(
        Task.YEAR,
        7,
        new SplitRatio(8, 1, 1),
        Recipe.Filters.none(),
        Recipe.Dates.defaults(),
        null,
        new Recipe.YearSettings(1500, 1900, 50, 1, null, 100, YearLabeling.UNIFORM));
  }

  static LabeledObject culture(long id, String label, String rawCulture) {
    MetObject object =
        MetObject.builder(id)
            .culture(rawCulture)
            .title("Title, with a comma and \"quotes\"\nand a line break")
            .objectDate("ca. 1785")
            .metYears(1780, 1790)
            .publicDomain(true)
            .build();
    return LabeledObject.of(
        id, label, 1784, YearRange.of(1780, 1790), YearSource.COLUMNS, SourceValues.of(object));
  }

  static DatasetSplits cultureSplits() {
    Map<Split, List<LabeledObject>> splits = new EnumMap<>(Split.class);
    splits.put(
        Split.TRAIN,
        List.of(
            culture(30, "japanese", "Japan"),
            culture(10, "chinese", "China"),
            LabeledObject.withoutYears(
                20, "japanese", SourceValues.of(MetObject.builder(20).culture("Japanese").build()))));
    splits.put(Split.VALIDATION, List.of(culture(40, "chinese", "Chinese")));
    splits.put(Split.TEST, List.of());
    return DatasetSplits.create(
        cultureRecipe(),
        new InputFile("objects.csv", 123, "a".repeat(64), 5, 1),
        List.of("chinese", "japanese"),
        splits);
  }

  @Test
  void createSortsSplitsAndCountsLabels() {
    DatasetSplits splits = cultureSplits();

    assertThat(splits.train()).extracting(LabeledObject::objectId).containsExactly(10L, 20L, 30L);
    assertThat(splits.manifest().counts().get(Split.TRAIN))
        .containsExactly(Map.entry("chinese", 1), Map.entry("japanese", 2));
    assertThat(splits.manifest().counts().get(Split.TEST))
        .containsExactly(Map.entry("chinese", 0), Map.entry("japanese", 0));
    assertThat(splits.size()).isEqualTo(4);
    assertThat(splits.splitHash()).matches("[0-9a-f]{64}");
    assertThat(splits.target()).isEqualTo(new CultureTarget(List.of("chinese", "japanese")));
    assertThat(splits.encode(splits.train().get(2))).isEqualTo(1f);
    assertThat(splits.yearRange()).isEmpty();
  }

  @Test
  void refusesAnObjectInTwoSplits() {
    Map<Split, List<LabeledObject>> splits = new EnumMap<>(Split.class);
    splits.put(Split.TRAIN, List.of(culture(1, "japanese", "Japan")));
    splits.put(Split.VALIDATION, List.of());
    splits.put(Split.TEST, List.of(culture(1, "japanese", "Japan")));

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                DatasetSplits.create(
                    cultureRecipe(), InputFile.inMemory("test", 1), List.of("japanese"), splits))
        .withMessage("object 1 appears in train and test: an object may be in one split only");
  }

  @Test
  void refusesALabelOutsideTheLabelList() {
    Map<Split, List<LabeledObject>> splits = new EnumMap<>(Split.class);
    splits.put(Split.TRAIN, List.of(culture(1, "korean", "Korea")));
    splits.put(Split.VALIDATION, List.of());
    splits.put(Split.TEST, List.of());

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                DatasetSplits.create(
                    cultureRecipe(), InputFile.inMemory("test", 1), List.of("japanese"), splits))
        .withMessageContaining("object 1 has label 'korean'");
  }

  @Test
  void writesAndReadsAPreparedFolder() throws IOException {
    DatasetSplits splits = cultureSplits();

    splits.write(dir);
    DatasetSplits read = DatasetSplits.read(dir);

    assertThat(dir.resolve("manifest.json")).exists();
    assertThat(dir.resolve("splits/train.csv")).exists();
    assertThat(read.manifest()).isEqualTo(splits.manifest());
    for (Split split : Split.values()) {
      assertThat(read.get(split)).isEqualTo(splits.get(split));
    }
    assertThat(Files.readString(dir.resolve("splits/train.csv")).lines().findFirst())
        .contains(String.join(",", SplitCsv.COLUMNS));
  }

  @Test
  void writesAndReadsAYearDataset() throws IOException {
    MetObject object = MetObject.builder(5).objectDate("1850s").metYears(1850, 1859).build();
    LabeledObject labeled =
        LabeledObject.of(
            5, "1850-1900", 1853, YearRange.of(1850, 1859), YearSource.COLUMNS,
            SourceValues.of(object));
    Map<Split, List<LabeledObject>> map = new EnumMap<>(Split.class);
    map.put(Split.TRAIN, List.of(labeled));
    map.put(Split.VALIDATION, List.of());
    map.put(Split.TEST, List.of());
    DatasetSplits splits =
        DatasetSplits.create(yearRecipe(), InputFile.inMemory("memory", 1), List.of("1850-1900"), map);

    splits.write(dir);
    DatasetSplits read = DatasetSplits.read(dir);

    assertThat(read.train()).containsExactly(labeled);
    assertThat(read.yearRange()).contains(YearRange.of(1500, 1900));
    assertThat(read.target()).isEqualTo(new YearTarget(1500, 1900));
    assertThat(read.encode(labeled)).isEqualTo((1853 - 1500) / 400f);
  }

  @Test
  void aYearOutsideTheRangeIsRefused() {
    LabeledObject labeled =
        LabeledObject.of(
            5, "1850-1900", 1953, YearRange.of(1950, 1959), YearSource.COLUMNS,
            SourceValues.of(MetObject.builder(5).build()));
    Map<Split, List<LabeledObject>> map = new EnumMap<>(Split.class);
    map.put(Split.TRAIN, List.of(labeled));
    map.put(Split.VALIDATION, List.of());
    map.put(Split.TEST, List.of());

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                DatasetSplits.create(
                    yearRecipe(), InputFile.inMemory("memory", 1), List.of("1850-1900"), map))
        .withMessageContaining("object 5: year OptionalInt[1953] outside the recipe's range 1500..1900");
  }

  @Test
  void anEditedSplitFileIsRefused() throws IOException {
    cultureSplits().write(dir);
    Path train = dir.resolve("splits/train.csv");
    Files.writeString(
        train, Files.readString(train).replace("\n10,chinese,", "\n10,japanese,"),
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DatasetSplits.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("train.csv: counts per label differ from manifest.json");
  }

  @Test
  void aChangedYearIsCaughtByTheSplitHash() throws IOException {
    cultureSplits().write(dir);
    Path train = dir.resolve("splits/train.csv");
    Files.writeString(
        train, Files.readString(train).replace("\n10,chinese,1784,", "\n10,chinese,1785,"),
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DatasetSplits.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("split hash")
        .hasMessageContaining("changed after they were written");
  }

  @Test
  void aMissingFolderOrManifestIsNamed() throws IOException {
    assertThatThrownBy(() -> DatasetSplits.read(dir.resolve("nope")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nope: no such folder");
    assertThatThrownBy(() -> DatasetSplits.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("manifest.json: missing");
  }

  @Test
  void aMissingSplitFileIsNamed() throws IOException {
    cultureSplits().write(dir);
    Files.delete(dir.resolve("splits/test.csv"));

    assertThatThrownBy(() -> DatasetSplits.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("test.csv: missing");
  }

  @Test
  void aBrokenSplitRowNamesFileAndRecord() throws IOException {
    cultureSplits().write(dir);
    Path train = dir.resolve("splits/train.csv");
    Files.writeString(
        train, Files.readString(train).replace("\n10,chinese,", "\nten,chinese,"),
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DatasetSplits.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("train.csv, record 1")
        .hasMessageContaining("object_id is not an integer: 'ten'");
  }

  @Test
  void aBrokenManifestNamesTheField() throws IOException {
    cultureSplits().write(dir);
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(
        manifest, Files.readString(manifest).replace("\"minPerLabel\" : 1", "\"minPerLabel\" : \"x\""));

    assertThatThrownBy(() -> DatasetSplits.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("manifest.json")
        .hasMessageContaining("field 'recipe.culture.minPerLabel' must be an int");

    Files.writeString(manifest, "{ not json");
    assertThatThrownBy(() -> DatasetSplits.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("manifest.json: not valid JSON");
  }

  @Test
  void manifestJsonHasTheDocumentedFields() throws IOException {
    cultureSplits().write(dir);
    String json = Files.readString(dir.resolve("manifest.json"));

    assertThat(json)
        .contains("\"format\" : \"metart-splits/1\"")
        .contains("\"task\" : \"culture\"")
        .contains("\"seed\" : 42")
        .contains("\"sha256\" : \"" + "a".repeat(64) + "\"")
        .contains("\"splitHash\"")
        .contains("\"policy\" : \"prefer-columns\"")
        .contains("\"ambiguity\" : \"no-label\"")
        .contains("\"metart\"");
  }
}

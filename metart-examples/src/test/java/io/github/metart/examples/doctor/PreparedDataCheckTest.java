package io.github.metart.examples.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.InputFile;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.Recipe;
import io.github.metart.data.dataset.SourceValues;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.dataset.SplitRatio;
import io.github.metart.data.dataset.Task;
import io.github.metart.data.dataset.YearLabeling;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.dates.YearSource;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.examples.demo.DemoCollection;
import io.github.metart.examples.demo.DemoCollectionGenerator;
import io.github.metart.examples.demo.DemoCollectionSpec;
import io.github.metart.examples.demo.DemoObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data check on real prepared folders: year splits of demo objects and a real image cache. */
class PreparedDataCheckTest {

  static final ImageRecipe CACHE_RECIPE = ImageRecipe.forInput(32);

  @TempDir static Path shared;
  static DemoCollection demo;
  static Recipe recipe;
  static DatasetSplits splits;

  @BeforeAll
  static void demoAndSplits() throws IOException {
    demo =
        DemoCollectionGenerator.generate(
            DemoCollectionSpec.tiny().toBuilder().objectsPerCulture(4).build(), shared.resolve("demo"));
    recipe =
        new Recipe(
            Task.YEAR,
            42,
            SplitRatio.DEFAULT,
            Recipe.Filters.none(),
            Recipe.Dates.defaults(),
            null,
            new Recipe.YearSettings(1500, 1900, 50, 1, null, 100, YearLabeling.UNIFORM));
    List<LabeledObject> objects = new ArrayList<>();
    for (DemoObject o : demo.objects()) {
      if (o.hasImage() && o.year() >= 1500 && o.year() <= 1900) {
        int year = Math.max(1500, Math.min(1900, o.year()));
        objects.add(
            LabeledObject.of(
                o.objectId(),
                recipe.year().binLabel(recipe.year().binOf(year)),
                year,
                YearRange.of(year),
                YearSource.COLUMNS,
                SourceValues.of(MetObject.builder(o.objectId()).culture(o.rawCulture()).build())));
      }
    }
    Map<Split, List<LabeledObject>> bySplit = new EnumMap<>(Split.class);
    bySplit.put(Split.TRAIN, objects.subList(0, objects.size() - 4));
    bySplit.put(Split.VALIDATION, objects.subList(objects.size() - 4, objects.size() - 2));
    bySplit.put(Split.TEST, objects.subList(objects.size() - 2, objects.size()));
    List<String> bins = IntStream.range(0, recipe.year().binCount()).mapToObj(recipe.year()::binLabel).toList();
    splits = DatasetSplits.create(recipe, InputFile.inMemory("demo", objects.size()), bins, bySplit);
  }

  /** A prepared folder with splits, a report and (optionally) a cache of the first {@code cached} objects. */
  static Path prepared(Path dir, int cached) throws IOException {
    splits.write(dir);
    Files.writeString(dir.resolve("report.txt"), "rows read: " + splits.size() + "\n");
    if (cached > 0) {
      List<Long> ids = new ArrayList<>();
      for (Split split : Split.values()) {
        splits.get(split).forEach(o -> ids.add(o.objectId()));
      }
      CachePreparer.builder(CACHE_RECIPE)
          .root(dir.resolve("cache"))
          .threads(1)
          .build()
          .prepare(ids.subList(0, Math.min(cached, ids.size())), FolderImageSource.open(demo.imagesDirectory()));
    }
    return dir;
  }

  static CheckResult result(Path dir, String name) {
    List<CheckResult> results = new PreparedDataCheck(dir).run();
    return results.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + name + "' in " + results));
  }

  @Test
  void aPreparedFolderWithACompleteCachePasses(@TempDir Path dir) throws IOException {
    prepared(dir, Integer.MAX_VALUE);

    List<CheckResult> results = new PreparedDataCheck(dir).run();

    assertThat(results).extracting(CheckResult::status).containsOnly(CheckStatus.OK);
    assertThat(result(dir, "data").detail())
        .startsWith("year task, 1500..1900, 8 bins; train " + splits.train().size() + ", validation 2, test 2")
        .endsWith("counts and split hash verified");
    assertThat(result(dir, "data cache").detail())
        .contains(splits.size() + " images of " + CACHE_RECIPE.cropTo() + "x" + CACHE_RECIPE.cropTo());
  }

  @Test
  void anEditedSplitFileFailsNamingIt(@TempDir Path dir) throws IOException {
    prepared(dir, 0);
    Path test = dir.resolve("splits/test.csv");
    List<String> lines = Files.readAllLines(test);
    Files.write(test, lines.subList(0, lines.size() - 1));

    CheckResult data = result(dir, "data");

    assertThat(data.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(data.detail()).contains(dir.resolve("splits").toString());
    assertThat(data.fix()).contains("metart prepare");
  }

  @Test
  void aMissingManifestFails(@TempDir Path dir) throws IOException {
    prepared(dir, 0);
    Files.delete(dir.resolve("manifest.json"));

    CheckResult data = result(dir, "data");

    assertThat(data.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(data.detail()).contains("manifest.json").contains("missing");
  }

  @Test
  void aMissingFolderFails(@TempDir Path dir) {
    List<CheckResult> results = new PreparedDataCheck(dir.resolve("nope")).run();

    assertThat(results).hasSize(1);
    assertThat(results.get(0).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(results.get(0).detail()).endsWith("nope does not exist");
  }

  @Test
  void noCacheOrReportWarns(@TempDir Path dir) throws IOException {
    prepared(dir, 0);
    Files.delete(dir.resolve("report.txt"));

    assertThat(result(dir, "data").status()).isEqualTo(CheckStatus.OK);
    assertThat(result(dir, "data report").status()).isEqualTo(CheckStatus.WARN);
    assertThat(result(dir, "data cache").status()).isEqualTo(CheckStatus.WARN);
    assertThat(result(dir, "data cache").fix()).contains("--images");
  }

  @Test
  void aCacheMissingSomeObjectsWarns(@TempDir Path dir) throws IOException {
    prepared(dir, 3);

    CheckResult cache = result(dir, "data cache");

    assertThat(cache.status()).isEqualTo(CheckStatus.WARN);
    assertThat(cache.detail()).contains("lacks " + (splits.size() - 3) + " of the splits' objects");
  }

  @Test
  void aBrokenCacheFails(@TempDir Path dir) throws IOException {
    prepared(dir, 0);
    Path broken = Files.createDirectories(dir.resolve("cache/broken-cache"));
    Files.writeString(broken.resolve("recipe.json"), "{ not a recipe");

    CheckResult cache = result(dir, "data cache");

    assertThat(cache.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(cache.detail()).contains("broken-cache");
  }

  @Test
  void aFolderWithoutARecipeIsNoCache(@TempDir Path dir) throws IOException {
    prepared(dir, 0);
    Files.createDirectories(dir.resolve("cache/not-a-cache"));

    CheckResult cache = result(dir, "data cache");

    assertThat(cache.status()).isEqualTo(CheckStatus.WARN);
    assertThat(cache.detail()).contains("holds no prepared cache");
  }
}

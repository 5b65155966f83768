package io.github.metart.eval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.SourceValues;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.dates.YearSource;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.loading.Augmentation;
import io.github.metart.data.loading.CachedImageDataset;
import io.github.metart.data.loading.ImageExample;
import io.github.metart.eval.analysis.Breakdown;
import io.github.metart.eval.analysis.GroupScore;
import io.github.metart.eval.analysis.LargeYearError;
import io.github.metart.eval.analysis.MetadataField;
import io.github.metart.eval.analysis.Misclassified;
import io.github.metart.eval.metrics.ClassMetrics;
import io.github.metart.eval.report.ReportFiles;
import io.github.metart.eval.report.RunReport;
import io.github.metart.models.MetModel;
import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on real Met data: rows of the shared {@code objects.csv}, their real images in a
 * prepared cache, a (tiny, untrained) network, the evaluation joined back to the Met metadata, and
 * the HTML report. The class is the object's department, so every department's accuracy must equal
 * that class's recall: a check of the join by Object ID.
 */
class MetSampleEvaluationTest {

  private static final int SIZE = 64;
  private static final int PER_DEPARTMENT = 8;

  @TempDir static Path dir;
  private static PreparedCache cache;
  private static List<LabeledObject> objects;
  private static Map<Long, MetObject> rows;
  private static List<String> departments;

  @BeforeAll
  static void prepare() throws IOException {
    String property = System.getProperty("metart.sample.dir");
    Path sample = property == null ? null : Path.of(property);
    assumeTrue(
        sample != null && Files.isRegularFile(sample.resolve("objects.csv")) && Files.isDirectory(sample.resolve("images")),
        "the Met sample folder (system property metart.sample.dir = " + property + ") is absent");

    FolderImageSource images = FolderImageSource.open(sample.resolve("images"));
    Set<Long> withImages = images.objectIds();
    List<MetObject> candidates =
        MetCsvFormat.DEFAULT.readAll(sample.resolve("objects.csv")).objects().stream()
            .filter(o -> withImages.contains(o.objectId()))
            .filter(o -> !o.department().isBlank())
            .filter(o -> o.objectBeginDate().isPresent() && o.objectEndDate().isPresent())
            .filter(o -> o.objectBeginDate().getAsInt() <= o.objectEndDate().getAsInt())
            .sorted(Comparator.comparingLong(MetObject::objectId))
            .toList();
    // the three departments with the most such objects, PER_DEPARTMENT objects each
    Map<String, Long> counts =
        candidates.stream().collect(Collectors.groupingBy(MetObject::department, Collectors.counting()));
    departments =
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(3)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    rows = new LinkedHashMap<>();
    objects = new ArrayList<>();
    for (String department : departments) {
      candidates.stream()
          .filter(o -> o.department().equals(department))
          .limit(PER_DEPARTMENT)
          .forEach(
              o -> {
                rows.put(o.objectId(), o);
                YearRange years = YearRange.of(o.objectBeginDate().getAsInt(), o.objectEndDate().getAsInt());
                objects.add(
                    LabeledObject.of(
                        o.objectId(), department, years.midpoint(), years, YearSource.COLUMNS, SourceValues.of(o)));
              });
    }
    cache =
        CachePreparer.builder(ImageRecipe.of(72, SIZE))
            .root(dir.resolve("cache"))
            .threads(2)
            .build()
            .prepare(rows.keySet(), images)
            .open();
  }

  @AfterAll
  static void close() {
    if (cache != null) {
      cache.close();
    }
  }

  private static CachedImageDataset dataset(Map<Long, Float> targets) {
    List<ImageExample> examples = new ArrayList<>();
    for (LabeledObject o : objects) {
      examples.add(new ImageExample(o.objectId(), targets.get(o.objectId())));
    }
    return CachedImageDataset.builder()
        .cache(cache)
        .examples(examples)
        .inputSize(SIZE)
        .skipMissing(true)
        .loaderThreads(1)
        .setSampling(5, false)
        .build();
  }

  private static ModelSpec spec(HeadSpec head) {
    return new ModelSpec(Architecture.ALEXNET, 3, SIZE, false, 16, 0.0, 0, 32, head);
  }

  @Test
  void departmentClassifierJoinedToRealMetadata() throws IOException {
    Map<Long, Float> targets = new LinkedHashMap<>();
    objects.forEach(o -> targets.put(o.objectId(), (float) departments.indexOf(o.label())));

    try (CachedImageDataset data = dataset(targets);
        MetModel model = MetModel.create(spec(HeadSpec.classifier(departments)))) {
      EvaluationReport report = Evaluator.builder().batchSize(5).build().evaluate(model, data, objects);
      ClassificationResult result = (ClassificationResult) report.result();

      assertThat(report.result().count()).isEqualTo((int) data.size()).isGreaterThan(0);
      Breakdown byDepartment = result.breakdowns().get(0);
      assertThat(byDepartment.field()).isEqualTo(MetadataField.DEPARTMENT);
      for (GroupScore group : byDepartment.groups()) {
        ClassMetrics asClass = result.metrics().forClass(group.group());
        assertThat(group.count()).isEqualTo((int) asClass.support());
        assertThat(group.value()).isCloseTo(asClass.recall(), within(1e-12));
      }
      for (Misclassified miss : result.misclassified()) {
        MetObject row = rows.get(miss.objectId());
        assertThat(miss.object().title()).isEqualTo(row.title().strip());
        assertThat(miss.object().objectName()).isEqualTo(row.objectName().strip());
        assertThat(miss.actual()).isEqualTo(row.department());
      }

      ReportFiles files = RunReport.of(report).writeTo(dir.resolve("culture-report"));
      String html = Files.readString(files.page());
      for (String link : links(html)) {
        if (!link.startsWith("https://")) {
          assertThat(files.page().getParent().resolve(link)).as(link).isRegularFile();
        }
      }
    }
  }

  @Test
  void yearRegressorAgainstTheRealDateIntervals() throws IOException {
    int min = objects.stream().mapToInt(o -> o.years().orElseThrow().begin()).min().orElseThrow();
    int max = objects.stream().mapToInt(o -> o.years().orElseThrow().end()).max().orElseThrow() + 1;
    Map<Long, Float> targets = new LinkedHashMap<>();
    objects.forEach(o -> targets.put(o.objectId(), (o.requireYear() - min) / (float) (max - min)));

    try (CachedImageDataset data = dataset(targets);
        MetModel model = MetModel.create(spec(HeadSpec.regression(min, max)))) {
      EvaluationReport report =
          Evaluator.builder().batchSize(5).split("validation").baselineFromTraining(objects).build()
              .evaluate(model, data, objects);
      YearResult result = (YearResult) report.result();

      assertThat(result.count()).isEqualTo((int) data.size());
      for (LargeYearError e : result.largestErrors()) {
        MetObject row = rows.get(e.objectId());
        assertThat(e.prediction().intervalBegin()).isEqualTo(row.objectBeginDate().getAsInt());
        assertThat(e.prediction().intervalEnd()).isEqualTo(row.objectEndDate().getAsInt());
        assertThat(e.prediction().predictedYear()).isBetween((double) min, (double) max);
      }
      assertThat(result.metrics().baselineGuess().source()).isEqualTo("mean training year");
      assertThat(MarkdownReport.render(report)).contains("## Mean year error by department");
    }
  }

  @Test
  void augmentedDatasetsAreRefused() {
    Map<Long, Float> targets = new LinkedHashMap<>();
    objects.forEach(o -> targets.put(o.objectId(), 0f));
    try (CachedImageDataset data =
            CachedImageDataset.builder()
                .cache(cache)
                .examples(objects.stream().map(o -> new ImageExample(o.objectId(), 0f)).toList())
                .skipMissing(true)
                .augmentation(Augmentation.standard())
                .setSampling(4, false)
                .build();
        MetModel model = MetModel.create(spec(HeadSpec.classifier(departments)))) {
      assertThatThrownBy(() -> Evaluator.defaults().evaluate(model, data, objects))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("evaluation needs the images as they are, but the dataset augments them");
    }
  }

  private static List<String> links(String html) {
    List<String> links = new ArrayList<>();
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      links.add(m.group(1));
    }
    return links;
  }
}

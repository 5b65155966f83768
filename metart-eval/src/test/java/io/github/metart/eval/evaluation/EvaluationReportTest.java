package io.github.metart.eval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.eval.confusion.ConfusionMatrix;
import io.github.metart.eval.metrics.YearBaseline;
import io.github.metart.eval.outcomes.ClassOutcomes;
import io.github.metart.eval.outcomes.YearOutcomes;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

  @TempDir Path dir;

  @Test
  void metricsJsonHoldsEveryNumberAndTheConfusionOrientation() throws Exception {
    EvaluationReport report = SampleReports.classification();
    ClassificationResult result = (ClassificationResult) report.result();

    EvaluationFiles files = report.writeTo(dir);

    assertThat(files.metricsJson()).isEqualTo(dir.resolve("metrics.json"));
    JsonNode json = new ObjectMapper().readTree(files.metricsJson().toFile());
    assertThat(json.get("format").asText()).isEqualTo("metart-metrics/1");
    assertThat(json.get("model").asText()).isEqualTo("resnet18");
    assertThat(json.get("kind").asText()).isEqualTo("classification");
    assertThat(json.get("count").asInt()).isEqualTo(60);
    assertThat(json.at("/versions/java").asText()).isEqualTo(Runtime.version().toString());
    assertThat(json.at("/headline/accuracy").asDouble()).isEqualTo(result.metrics().accuracy());
    assertThat(json.at("/headline/top3Accuracy").asDouble())
        .isEqualTo(result.metrics().topK(3).getAsDouble());
    assertThat(json.at("/classification/confusionMatrix/orientation").asText())
        .isEqualTo("rows = predicted, columns = actual");
    assertThat(json.at("/classification/confusionMatrix/counts/0/2").asLong())
        .isEqualTo(result.confusion().count("etruscan", "roman"));
    ConfusionMatrix matrix = result.confusion();
    double[][] shares = matrix.normalizedByColumn();
    JsonNode normalized = json.at("/classification/confusionMatrix/normalizedByColumn");
    assertThat(normalized.size()).isEqualTo(4);
    for (int row = 0; row < 4; row++) {
      assertThat(normalized.get(row).size()).isEqualTo(4);
      for (int column = 0; column < 4; column++) {
        assertThat(normalized.get(row).get(column).asDouble()).isEqualTo(shares[row][column]);
      }
    }
    // roman objects predicted as etruscan, as a share of all roman objects
    assertThat(normalized.at("/0/2").asDouble())
        .isEqualTo(
            (double) matrix.count("etruscan", "roman") / matrix.actualCount(matrix.indexOf("roman")));
    assertThat(json.at("/classification/confusionMatrix/normalization").asText())
        .isEqualTo(
            "normalizedByColumn, same orientation as counts: each count divided by its column's"
                + " total (all objects of one actual class); a column with objects sums to 1, one"
                + " without is all 0; the diagonal is each class's recall");
    assertThat(json.at("/classification/perClass").size()).isEqualTo(4);
    assertThat(json.at("/classification/topConfusions/0/text").asText())
        .isEqualTo(result.topConfusions(1).get(0).toString());
    assertThat(json.get("breakdowns").size()).isEqualTo(3);
    assertThat(json.at("/breakdowns/0/field").asText()).isEqualTo("department");
    JsonNode firstWrong = json.at("/misclassified/0");
    assertThat(firstWrong.get("url").asText())
        .isEqualTo("https://www.metmuseum.org/art/collection/search/" + firstWrong.get("objectId").asLong());
    assertThat(json.get("misclassified").size()).isEqualTo(result.misclassified().size());
  }

  @Test
  void undefinedValuesAreWrittenAsNull() throws Exception {
    EvaluationReport empty =
        EvaluationReport.classification(
            "m", "validation", ClassOutcomes.of(List.of("a", "b"), new int[0], new int[0]));

    JsonNode json = MetricsJson.toJson(empty);

    assertThat(json.at("/headline/accuracy").isNull()).isTrue();
    assertThat(json.at("/classification/macro/f1").isNull()).isTrue();
    assertThat(new ObjectMapper().writeValueAsString(json)).doesNotContain("NaN");
    assertThat(MarkdownReport.render(empty)).contains("| accuracy | n/a |");
  }

  @Test
  void yearJsonHasModelAndBaselineSideBySide() {
    EvaluationReport report = SampleReports.year();
    YearResult result = (YearResult) report.result();

    JsonNode json = MetricsJson.toJson(report);

    assertThat(json.get("kind").asText()).isEqualTo("year");
    assertThat(json.at("/year/model/meanYearError").asDouble())
        .isEqualTo(result.metrics().model().meanYearError());
    assertThat(json.at("/year/baseline/year").asDouble()).isEqualTo(900);
    assertThat(json.at("/year/baseline/source").asText()).isEqualTo("mean training year");
    assertThat(json.at("/headline/baselineMeanYearError").asDouble())
        .isEqualTo(result.metrics().baseline().meanYearError());
    assertThat(json.at("/largestYearErrors/0/error").asDouble())
        .isCloseTo(result.largestErrors().get(0).prediction().error(), within(1e-9));
  }

  @Test
  void summaryReadsBackWhatWasWritten() {
    EvaluationReport report = SampleReports.year();
    Path file = MetricsJson.write(report, dir.resolve("nested/metrics.json"));

    MetricsSummary summary = MetricsJson.readSummary(file);

    assertThat(summary).isEqualTo(MetricsSummary.of(report));
    assertThat(summary.headline().keySet()).first().isEqualTo(HeadlineMetric.MEAN_YEAR_ERROR);
  }

  @Test
  void readingAForeignFileNamesIt() throws Exception {
    Path notOurs = Files.writeString(dir.resolve("other.json"), "{\"accuracy\": 1}");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\n\"format\": ");

    assertThatThrownBy(() -> MetricsJson.readSummary(notOurs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(notOurs + ": not a metart metrics file (expected \"format\": \"metart-metrics/1\")");
    assertThatThrownBy(() -> MetricsJson.readSummary(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(broken + ": not valid JSON (cut short?) at line 2, column ");
    assertThatThrownBy(() -> MetricsJson.readSummary(dir.resolve("missing.json")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("no metrics file " + dir.resolve("missing.json"));
  }

  @Test
  void markdownStatesTheOrientationAndLinksEveryObject() {
    EvaluationReport report = SampleReports.classification();
    ClassificationResult result = (ClassificationResult) report.result();

    String md = MarkdownReport.render(report);

    assertThat(md).startsWith("# Evaluation of resnet18 on the test split\n");
    assertThat(md).contains("## Confusion matrix (rows = predicted, columns = actual)");
    assertThat(md).contains("| predicted \\\\ actual | etruscan | greek | roman | egyptian |");
    assertThat(md).contains("Each cell: the count and, in brackets, its share of the column (each count");
    ConfusionMatrix matrix = result.confusion();
    int roman = matrix.indexOf("roman");
    int etruscan = matrix.indexOf("etruscan");
    String romanAsEtruscan =
        matrix.cell(etruscan, roman)
            + " ("
            + Formats.share(matrix.columnShare(etruscan, roman))
            + ")";
    assertThat(romanAsEtruscan).matches("\\d+ \\(\\d+\\.\\d %\\)");
    String etruscanRow =
        md.lines().filter(l -> l.startsWith("| **etruscan** |")).findFirst().orElseThrow();
    assertThat(etruscanRow.split(" \\| ")[3]).isEqualTo(romanAsEtruscan);
    String romanRow = md.lines().filter(l -> l.startsWith("| **roman** |")).findFirst().orElseThrow();
    assertThat(romanRow)
        .contains(
            "**" + matrix.cell(roman, roman) + " (" + Formats.share(matrix.columnShare(roman, roman)) + ")**");
    assertThat(md).contains("1. " + result.topConfusions(1).get(0));
    assertThat(md).contains("## Accuracy by department");
    long id = result.misclassified().get(0).objectId();
    assertThat(md).contains("[" + id + "](https://www.metmuseum.org/art/collection/search/" + id + ")");
    // cells never break the table: pipes escaped, line breaks flattened, tags defused
    assertThat(md).doesNotContain("Relief | fragment").doesNotContain("<archaic>");
    for (String line : md.split("\n")) {
      if (line.startsWith("| [")) {
        assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count())
            .as(line)
            .isEqualTo(9);
      }
    }
  }

  @Test
  void markdownForYearsComparesWithTheBaseline() {
    String md = MarkdownReport.render(SampleReports.year());

    assertThat(md).contains("The baseline always guesses 900 (mean training year).");
    assertThat(md).contains("| | model | baseline |");
    assertThat(md).contains("## Mean year error by classification");
    assertThat(md).contains("## Largest year errors");
    assertThat(md).containsPattern("\\| \\d+ B\\.C\\.–\\d+ B\\.C\\. \\|");
  }

  @Test
  void predictionsCsvHasOneQuotedRowPerObject() throws Exception {
    EvaluationReport report = SampleReports.classification();
    Path file = PredictionsCsv.write(report, dir.resolve("predictions.csv"));

    String csv = Files.readString(file);

    assertThat(csv).startsWith(String.join(",", PredictionsCsv.CLASSIFICATION_COLUMNS) + "\r\n");
    assertThat(csv.split("\r\n")).hasSize(61);
    assertThat(csv).contains("\"Bronze statuette of a \"\"youth\"\", <archaic>\"");
    assertThat(csv).contains("\"Relief | fragment, with a line\nbreak\"");
    assertThat(csv).contains("250000,https://www.metmuseum.org/art/collection/search/250000,etruscan,");
  }

  @Test
  void yearPredictionsCsvCarriesTheInterval() throws Exception {
    Path file = PredictionsCsv.write(SampleReports.year(), dir.resolve("years.csv"));

    List<String> lines = Files.readAllLines(file);

    assertThat(lines.get(0)).isEqualTo(String.join(",", PredictionsCsv.YEAR_COLUMNS));
    assertThat(lines.get(1)).startsWith("250000,https://www.metmuseum.org/art/collection/search/250000,-687.50,");
    assertThat(lines.get(1)).contains(",-700,-675,");
  }

  @Test
  void summaryLineNamesModelSplitAndHeadline() {
    EvaluationReport report =
        EvaluationReport.year(
            "m", "test", YearOutcomes.of(new double[] {1800}, new double[] {1830}), YearBaseline.meanTrainingYear(1700));

    assertThat(report.summaryLine())
        .isEqualTo(
            "m on test (1 objects): mean year error 30.0 years, median year error 30.0 years, RMSE"
                + " 30.0 years, within ±25 years 0.0 %, within ±50 years 100.0 %, inside the object's"
                + " date 0.0 %, mean error to the object's date 30.0 years, baseline mean year error"
                + " 100.0 years");
  }

  @Test
  void namesAreRequired() {
    assertThatThrownBy(() -> EvaluationReport.classification(" ", "test", SampleReports.classPredictions()))
        .hasMessage("name the evaluated model");
  }
}

package io.github.metart.data.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.data.culture.CultureDecision;
import io.github.metart.data.dates.YearSource;
import io.github.metart.data.testing.MetSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReportTest {

  static final String HEADER =
      "Object ID,Is Public Domain,Department,Classification,Culture,Period,Object Date,"
          + "Object Begin Date,Object End Date\n";

  @TempDir Path dir;

  @Test
  void reportsRowsCulturesYearsDatesAndPeriods() throws IOException {
    Path csv = dir.resolve("objects.csv");
    Files.writeString(csv, HEADER
        + "1,True,A,B,Japan,Edo period (1615–1868),ca. 1785,1780,1790\n"
        + "2,True,A,B,Japanese,,1850s,0,0\n"
        + "3,True,A,B,French or Italian,,late 19th century,1800,1900\n"
        + "4,True,A,B,,Archaic,,0,0\n"
        + "5,True\n"
        + "6,True,A,B,French,,18th,1700,1799\n", StandardCharsets.UTF_8);

    DatasetReport report = DatasetReport.collect(csv);

    assertThat(report.read().rowsRead()).isEqualTo(5);
    assertThat(report.read().rowsSkipped()).isEqualTo(1);
    assertThat(report.distinctRawCultures()).isEqualTo(4);
    assertThat(report.labelCounts()).containsExactly(new LabelCount("japanese", 2), new LabelCount("french", 1));
    assertThat(report.cultureOutcomes())
        .containsEntry(CultureDecision.Outcome.LABELED, 3L)
        .containsEntry(CultureDecision.Outcome.AMBIGUOUS, 1L)
        .containsEntry(CultureDecision.Outcome.EMPTY, 1L);
    assertThat(report.unlabeledCultures()).containsExactly(new LabelCount("French or Italian", 1));
    assertThat(report.yearSources())
        .containsEntry(YearSource.COLUMNS, 3L)
        .containsEntry(YearSource.OBJECT_DATE, 1L)
        .containsEntry(YearSource.PERIOD, 1L);
    assertThat(report.dates().both()).isEqualTo(2);
    assertThat(report.dates().agree()).isEqualTo(1);
    assertThat(report.dates().columnsMissingTextParsed()).isEqualTo(1);
    assertThat(report.periodCounts()).containsExactlyInAnyOrder(new LabelCount("edo", 1), new LabelCount("archaic", 1));
    assertThat(report.yearHistogram().counts()).containsEntry(1750, 1L).containsEntry(1850, 2L);

    String text = report.toText(10);
    assertThat(text)
        .startsWith("file: " + csv + "\nrows read: 5\nrows skipped: 1\n  line 6: wrong field count: 2 fields, the header has 9\n")
        .contains("distinct raw values: 4")
        .contains("       2  japanese")
        .contains("date agreement: 1 of 2 rows with both agree within ±25 years on both ends (50.00%); 1 disagree");

    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertThat(json.at("/read/rowsRead").asLong()).isEqualTo(5);
    assertThat(json.at("/read/skipped/0/line").asLong()).isEqualTo(6);
    assertThat(json.at("/culture/labels/0/label").asText()).isEqualTo("japanese");
    assertThat(json.at("/dates/agreementShare").asDouble()).isEqualTo(0.5);
  }

  @Test
  void theSampleReportShowsTheAgreementFigure() throws IOException {
    DatasetReport report = DatasetReport.collect(MetSample.objectsCsv());

    assertThat(report.read().rowsRead()).isEqualTo(5_000);
    assertThat(report.distinctRawCultures()).isEqualTo(956);
    assertThat(report.dates().agreementShare()).isGreaterThan(0.95);
    assertThat(report.broadLabels()).contains("european");
    System.out.println(report.toText(5).lines().filter(l -> l.contains("date agreement")).findFirst().orElseThrow());
  }
}

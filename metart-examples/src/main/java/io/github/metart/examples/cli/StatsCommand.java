package io.github.metart.examples.cli;

import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.culture.CultureNormalizer;
import io.github.metart.data.dates.YearResolver;
import io.github.metart.data.report.DatasetReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code metart stats --csv FILE}: the dataset report of a MetObjects.csv-format file — rows read and
 * skipped (each skipped row's line and reason), cultures, years, date agreement, periods.
 */
@Command(
    name = "stats",
    header = "Dataset report of a MetObjects.csv-format file.",
    mixinStandardHelpOptions = true,
    description = {
      "Report on a MetObjects.csv-format file: rows read and skipped (with line and reason),"
          + " distinct raw and normalized cultures, counts per label, year histogram, date"
          + " agreement with the Met's begin/end columns, periods.",
      "The first lines are 'rows read: N' and 'rows skipped: M'."
    })
final class StatsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The MetObjects.csv-format file.")
  Path csv;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Skipped rows listed with line and reason (default ${DEFAULT-VALUE}; all are counted).")
  int limit;

  @Option(
      names = "--bin",
      paramLabel = "YEARS",
      defaultValue = "50",
      description = "Width of the year histogram's bins (default ${DEFAULT-VALUE}).")
  int bin;

  @Option(names = "--strict", description = "Fail at the first unusable row instead of skipping it.")
  boolean strict;

  @Override
  public Integer call() throws IOException {
    CliOptions.requirePositive(spec, "--bin", bin);
    CliOptions.requireAtLeast(spec, "--limit", limit, 0);
    MetCsvFormat format = MetCsvFormat.DEFAULT.withStrict(strict).withSha256(true).withMaxReportedRows(Math.max(limit, 1));
    DatasetReport report =
        DatasetReport.collect(
            CliOptions.existingFile(csv), format, CultureNormalizer.defaults(), YearResolver.defaults(), bin);
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.toText(limit));
    out.print("sha256: " + report.read().sha256() + "\n");
    out.flush();
    return 0;
  }
}

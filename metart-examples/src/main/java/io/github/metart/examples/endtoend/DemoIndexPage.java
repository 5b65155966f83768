package io.github.metart.examples.endtoend;

import com.google.common.html.HtmlEscapers;
import io.github.metart.eval.evaluation.HeadlineMetric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The demo report's {@code index.html}: what was done, both results beside their baselines, links. */
final class DemoIndexPage {

  private DemoIndexPage() {}

  /** Writes the page, creating its folder. */
  static void write(DemoResult result, Path page) throws IOException {
    Files.createDirectories(page.getParent());
    Files.writeString(page, html(result, page.getParent()), StandardCharsets.UTF_8);
  }

  static String html(DemoResult result, Path folder) {
    DemoResult.Task culture = result.culture();
    DemoResult.Task year = result.year();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>metart demo</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\n")
        .append(".notice{background:#fff4d6;border-left:4px solid #e0a800;padding:.6rem 1rem}\n")
        .append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .7rem;text-align:left}\n")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n</style>\n</head>\n<body>\n");
    h.append("<h1>metart demo</h1>\n");
    h.append("<p class=\"notice\"><strong>The images are generated.</strong> The demo's MetObjects.csv is written in the")
        .append(" Met's format but every row is invented, and its images are pictures drawn by metart (colours and")
        .append(" shapes follow the culture, stripes and ageing the year), not photographs of Met objects. Everything")
        .append(" that reads them — the CSV reader, the culture and date normalizers, the dataset builders, the image")
        .append(" cache, training and evaluation — is the real pipeline.</p>\n");
    h.append("<p>").append(escape(String.format(Locale.ROOT,
        "Size %s, %d rows, %d images of %d px; models: %s; finished in %s.",
        result.size().name(), result.collection().rowCount(), result.collection().imageCount(),
        result.size().imageSize(), result.size().model().describe(), DemoSummary.duration(result.elapsed()))))
        .append("</p>\n");
    h.append("<h2>Results on the test split</h2>\n<table>\n")
        .append("<tr><th>task</th><th>test objects</th><th>result</th><th>baseline</th><th>page</th></tr>\n");
    h.append("<tr><td>culture (").append(culture.manifest().labels().size()).append(" labels)</td>")
        .append("<td class=\"n\">").append(culture.evaluation().result().count()).append("</td>")
        .append("<td class=\"n\">accuracy ").append(escape(DemoSummary.percent(result.accuracy()))).append("</td>")
        .append("<td class=\"n\">chance ").append(escape(DemoSummary.percent(result.chanceAccuracy()))).append("</td>")
        .append("<td>").append(link(folder, culture.reportFolder().resolve("index.html"), "culture report")).append("</td></tr>\n");
    h.append("<tr><td>year (").append(DemoRun.MIN_YEAR).append("–").append(DemoRun.MAX_YEAR).append(")</td>")
        .append("<td class=\"n\">").append(year.evaluation().result().count()).append("</td>")
        .append("<td class=\"n\">mean error ").append(escape(DemoSummary.years(result.meanYearError()))).append("</td>")
        .append("<td class=\"n\">").append(escape("always guessing " + DemoSummary.guess(result) + ": "
            + DemoSummary.years(result.baselineYearError()))).append("</td>")
        .append("<td>").append(link(folder, year.reportFolder().resolve("index.html"), "year report")).append("</td></tr>\n");
    h.append("</table>\n");
    h.append("<p>").append(escape(String.format(Locale.ROOT, "Culture: macro F1 %s, top-3 accuracy %s. Year: median error %s, within 50 years %s.",
        DemoSummary.percent(culture.metric(HeadlineMetric.MACRO_F1)),
        DemoSummary.percent(culture.metric(HeadlineMetric.TOP3_ACCURACY)),
        DemoSummary.years(year.metric(HeadlineMetric.MEDIAN_YEAR_ERROR)),
        DemoSummary.percent(year.metric(HeadlineMetric.WITHIN_50_YEARS))))).append("</p>\n");
    h.append("<h2>Files</h2>\n<ul>\n");
    item(h, folder, result.collection().csvFile(), "the generated MetObjects.csv");
    item(h, folder, result.collection().truthFile(), "truth.csv: what each generated Culture and image stand for");
    item(h, folder, culture.preparedFolder().resolve("report.txt"), "how the culture dataset was built");
    item(h, folder, year.preparedFolder().resolve("report.txt"), "how the year dataset was built");
    item(h, folder, culture.fit().outputDirectory().resolve("history.csv"), "culture training history");
    item(h, folder, year.fit().outputDirectory().resolve("history.csv"), "year training history");
    item(h, folder, culture.reportFolder().resolve("metrics.json"), "culture metrics.json");
    item(h, folder, year.reportFolder().resolve("metrics.json"), "year metrics.json");
    h.append("</ul>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void item(StringBuilder h, Path folder, Path target, String text) {
    h.append("<li>").append(link(folder, target, text)).append("</li>\n");
  }

  private static String link(Path folder, Path target, String text) {
    String relative = folder.relativize(target).toString().replace('\\', '/');
    return "<a href=\"" + escape(relative) + "\">" + escape(text) + "</a>";
  }

  static String escape(String text) {
    return HtmlEscapers.htmlEscaper().escape(text);
  }
}

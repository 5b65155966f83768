package io.github.metart.examples.cli;

import io.github.metart.data.csv.MetColumn;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.csv.MetCsvReader;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.download.DownloadOutcome;
import io.github.metart.data.download.DownloadSummary;
import io.github.metart.data.download.ImageVariant;
import io.github.metart.data.download.MetImageDownloader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metart download}: downloads the images of a MetObjects.csv's public-domain objects
 * through the Met Collection API into a folder ({@code <objectId>.jpg}), politely and resumably.
 */
@Command(
    name = "download",
    header = "Download images through the Met Collection API (rate-limited, resumable).",
    mixinStandardHelpOptions = true,
    description = {
      "Download the images of the public-domain objects of a MetObjects.csv through the Met"
          + " Collection API into DIR as <objectId>.<ext>: rate-limited (default 10 requests/s),"
          + " retried on 429/5xx/timeouts, resumable (images already in DIR are skipped) and verified"
          + " (each image decodes). Only the Met's hosts are contacted unless --allow-host says otherwise.",
      "Objects without an image or that failed are listed in DIR/download-problems.csv."
    })
final class DownloadCommand implements Callable<Integer> {

  /** The file listing objects without an image or that failed, in the output folder. */
  static final String PROBLEMS_FILE = "download-problems.csv";

  @Spec CommandSpec spec;

  @Option(names = "--csv", required = true, paramLabel = "FILE", description = "A MetObjects.csv-format file.")
  Path csv;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder of images.")
  Path out;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Download at most N objects (the first N selected, in file order).")
  Integer limit;

  @Option(
      names = "--ids",
      split = ",",
      paramLabel = "ID",
      description = "Only these Object IDs (comma-separated), public domain or not; each must be in the CSV.")
  List<Long> ids;

  @Option(
      names = "--splits",
      paramLabel = "DIR",
      description = "Only the objects of a prepared folder (metart prepare --out DIR, without images), public domain or not.")
  Path splits;

  @Option(names = "--full-size", description = "Take primaryImage (full resolution) instead of primaryImageSmall.")
  boolean fullSize;

  @Option(
      names = "--rate",
      paramLabel = "PER_SECOND",
      description = "Requests per second, at most 80 (default: ${DEFAULT-VALUE}).")
  double rate = MetImageDownloader.DEFAULT_REQUESTS_PER_SECOND;

  @Option(names = "--concurrency", paramLabel = "N", description = "Objects at a time (default: ${DEFAULT-VALUE}).")
  int concurrency = 4;

  @Option(names = "--attempts", paramLabel = "N", description = "Attempts per request (default: ${DEFAULT-VALUE}).")
  int attempts = 5;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "The Collection API (default: ${DEFAULT-VALUE}); its host must be allowed.")
  URI baseUrl = MetImageDownloader.DEFAULT_BASE_URI;

  @Option(
      names = "--allow-host",
      paramLabel = "HOST",
      description = "Hosts that may be contacted, replacing the Met's (repeatable).")
  List<String> allowedHosts;

  @Override
  public Integer call() throws IOException {
    if (limit != null && limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be 0 or more, got " + limit);
    }
    if (!Files.isRegularFile(csv)) {
      throw new IOException(csv + ": no such file");
    }
    List<Long> selected = select();
    MetImageDownloader.Builder builder;
    try {
      builder =
          MetImageDownloader.builder()
              .outputFolder(out)
              .baseUri(baseUrl)
              .variant(fullSize ? ImageVariant.FULL : ImageVariant.SMALL)
              .requestsPerSecond(rate)
              .concurrency(concurrency)
              .maxAttempts(attempts);
      if (allowedHosts != null) {
        builder.allowedHosts(allowedHosts);
      }
      String host = baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(Locale.ROOT);
      List<String> allowed =
          allowedHosts == null
              ? List.copyOf(MetImageDownloader.MET_HOSTS)
              : allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      if (!allowed.contains(host)) {
        throw new ParameterException(
            spec.commandLine(),
            "--base-url " + baseUrl + ": its host " + host + " is not allowed; add --allow-host " + host);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    ImageProgressLine line = new ImageProgressLine(err, ImageProgressLine.terminal(), "download");
    MetImageDownloader downloader;
    try {
      downloader =
          builder
              .listener(
                  p -> line.update(
                      p.done(), p.total(), p.objectsPerSecond(), p.eta(),
                      p.failed() + p.noImage() == 0 ? "" : "failed " + p.failed() + ", no image " + p.noImage()))
              .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    DownloadSummary summary = downloader.downloadAll(selected);
    line.finish();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(summary.toText(20));
    Path problems = out.resolve(PROBLEMS_FILE);
    if (!summary.problems().isEmpty()) {
      writeProblems(problems, summary.problems());
      stdout.println("problems: " + problems);
    } else {
      // a clean run: an earlier run's problems are solved, and its list must not be taken for this one's
      Files.deleteIfExists(problems);
    }
    stdout.flush();
    if (summary.requested() > 0 && summary.failed() == summary.requested()) {
      throw new IOException(
          "every download failed, e.g. " + summary.problems().get(0).reason());
    }
    return 0;
  }

  /** The Object IDs to download, from the CSV: public-domain rows, or exactly {@code --ids} and {@code --splits}. */
  private List<Long> select() throws IOException {
    Set<Long> wanted = ids == null ? null : new LinkedHashSet<>(ids);
    if (splits != null) {
      wanted = wanted == null ? new LinkedHashSet<>() : wanted;
      DatasetSplits prepared = DatasetSplits.read(splits);
      for (Split split : Split.values()) {
        for (LabeledObject object : prepared.get(split)) {
          wanted.add(object.objectId());
        }
      }
    }
    List<Long> selected = new ArrayList<>();
    Set<Long> found = new LinkedHashSet<>();
    try (MetCsvReader reader =
        MetCsvFormat.DEFAULT.withRequiredColumns(List.of(MetColumn.IS_PUBLIC_DOMAIN)).open(csv)) {
      for (MetObject object : reader) {
        long id = object.objectId();
        if (wanted != null) {
          if (wanted.contains(id)) {
            found.add(id);
          }
        } else if (object.publicDomain()) {
          selected.add(id);
        }
      }
    }
    if (wanted != null) {
      Set<Long> missing = new LinkedHashSet<>(wanted);
      missing.removeAll(found);
      if (!missing.isEmpty()) {
        throw new IOException(csv + ": no row for Object ID " + missing.stream().limit(10).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
      }
      selected.addAll(wanted);
    }
    if (limit != null && selected.size() > limit) {
      return selected.subList(0, limit);
    }
    return selected;
  }

  private static void writeProblems(Path file, List<DownloadOutcome> problems) throws IOException {
    StringBuilder text = new StringBuilder("object_id,status,reason\n");
    for (DownloadOutcome outcome : problems) {
      text.append(outcome.objectId()).append(',').append(outcome.status().name().toLowerCase(java.util.Locale.ROOT))
          .append(",\"").append(outcome.reason().replace("\"", "\"\"")).append("\"\n");
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}

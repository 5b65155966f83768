package io.github.metart.examples.cli;

import io.github.metart.data.download.DownloadSelection;
import io.github.metart.data.download.DownloadSummary;
import io.github.metart.data.download.ImageVariant;
import io.github.metart.data.download.MetImageDownloader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
    List<Long> selected = new DownloadSelection(csv, ids == null ? List.of() : ids, splits, limit).objectIds();
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
    if (!summary.problems().isEmpty()) {
      stdout.println("problems: " + out.resolve(MetImageDownloader.PROBLEMS_FILE));
    }
    stdout.flush();
    if (summary.requested() > 0 && summary.failed() == summary.requested()) {
      throw new IOException(
          "every download failed, e.g. " + summary.problems().get(0).reason());
    }
    return 0;
  }
}

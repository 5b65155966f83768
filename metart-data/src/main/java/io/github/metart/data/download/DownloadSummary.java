package io.github.metart.data.download;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of {@link MetImageDownloader#downloadAll}: counts and every object that has no image
 * or failed, with the reason.
 *
 * @param requested the distinct objects requested
 * @param downloaded the images downloaded
 * @param alreadyPresent the images already in the folder
 * @param noImage the objects without an image
 * @param failed the objects that failed
 * @param bytes the bytes downloaded
 * @param elapsed the duration of the run
 * @param problems the outcomes of the objects without an image or that failed, by Object ID
 */
public record DownloadSummary(
    int requested,
    int downloaded,
    int alreadyPresent,
    int noImage,
    int failed,
    long bytes,
    Duration elapsed,
    List<DownloadOutcome> problems) {

  /** Copies the list. */
  public DownloadSummary {
    problems = problems.stream().sorted(Comparator.comparingLong(DownloadOutcome::objectId)).toList();
  }

  /** Failures and missing images counted by reason (the reason's text before any detail). */
  public Map<String, Integer> problemsByReason() {
    Map<String, Integer> counts = new TreeMap<>();
    for (DownloadOutcome outcome : problems) {
      counts.merge(category(outcome.reason()), 1, Integer::sum);
    }
    return counts;
  }

  /** The reason without the object, URLs and details: e.g. {@code image URL: HTTP 503}. */
  private static String category(String reason) {
    String rest = reason.replaceFirst("^object \\d+: ", "");
    int paren = rest.indexOf(" (");
    if (paren >= 0) {
      rest = rest.substring(0, paren);
    }
    return rest.replaceAll("https?://\\S*[^\\s:]", "URL");
  }

  /** A readable summary with at most {@code maxLines} problem lines. */
  public String toText(int maxLines) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "requested: %d%ndownloaded: %d (%.1f MB)%nalready present: %d%nno image: %d%nfailed: %d%ntime: %.1f s%n",
            requested,
            downloaded,
            bytes / 1e6,
            alreadyPresent,
            noImage,
            failed,
            elapsed.toMillis() / 1000.0));
    problemsByReason().forEach((reason, count) -> out.append("  ").append(count).append(" x ").append(reason).append('\n'));
    int shown = 0;
    for (DownloadOutcome outcome : problems) {
      if (shown++ == maxLines) {
        out.append("  ... ").append(problems.size() - maxLines).append(" more\n");
        break;
      }
      out.append("  ").append(outcome.reason()).append('\n');
    }
    return out.toString();
  }
}

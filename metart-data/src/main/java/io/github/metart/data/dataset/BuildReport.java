package io.github.metart.data.dataset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.metart.data.files.JsonFiles;
import io.github.metart.data.report.DatasetReport;
import io.github.metart.data.report.LabelCount;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What building a dataset did: the report on the input rows the filters kept, why rows were left
 * out, how many candidates each label had before balancing, and which labels were dropped.
 *
 * @param input the report on the rows the filters kept ({@link DatasetReport#rowsConsidered()})
 * @param leftOut rows left out per reason (a filter, no label, an excluded label, ...), in the order
 *     the reasons first occurred
 * @param candidates objects per label before balancing, most frequent first
 * @param droppedLabels labels left out entirely, with why (excluded, broad, fewer than the minimum)
 */
public record BuildReport(
    DatasetReport input,
    Map<String, Long> leftOut,
    List<LabelCount> candidates,
    Map<String, String> droppedLabels) {

  /** Copies the collections. */
  public BuildReport {
    requireNonNull(input, "input");
    leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    candidates = List.copyOf(candidates);
    droppedLabels = Collections.unmodifiableMap(new LinkedHashMap<>(droppedLabels));
  }

  /** The report as JSON for {@code report.json}: {@code dataset} (outcome) and {@code input}. */
  public String toJson(Manifest manifest) {
    File file = new File(new File.Dataset(manifest.task().id(), manifest.splitHash(), leftOut, candidates, droppedLabels), input);
    try {
      return JsonFiles.mapper().writeValueAsString(file) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  /** {@code report.json}, bound by Jackson databind (the input report in its own JSON form). */
  record File(Dataset dataset, DatasetReport input) {
    record Dataset(String task, String splitHash, Map<String, Long> leftOut, List<LabelCount> candidates,
        Map<String, String> droppedLabels) {}
  }

  /** The full report for {@code report.txt}: the recipe's outcome, then the input report. */
  public String toText(Manifest manifest, int skippedLimit) {
    StringBuilder out = new StringBuilder();
    out.append("dataset: ").append(manifest.task().id()).append(", seed ").append(manifest.seed())
        .append(", split ").append(manifest.recipe().split()).append('\n');
    out.append("input: ").append(manifest.input().name()).append(" (sha256 ")
        .append(manifest.input().sha256().isEmpty() ? "n/a" : manifest.input().sha256()).append(")\n");
    out.append("split hash: ").append(manifest.splitHash()).append('\n');
    out.append(String.format(Locale.ROOT, "objects: %d (train %d, validation %d, test %d) in %d labels%n",
        manifest.total(), manifest.total(Split.TRAIN), manifest.total(Split.VALIDATION),
        manifest.total(Split.TEST), manifest.labels().size()));
    out.append(String.format(Locale.ROOT, "  %-32s %8s %8s %8s %10s%n", "label", "train", "valid", "test", "candidates"));
    Map<String, Long> candidateCounts = new LinkedHashMap<>();
    candidates.forEach(c -> candidateCounts.put(c.label(), c.count()));
    for (String label : manifest.labels()) {
      out.append(String.format(Locale.ROOT, "  %-32s %8d %8d %8d %10d%n", label,
          manifest.counts().get(Split.TRAIN).get(label),
          manifest.counts().get(Split.VALIDATION).get(label),
          manifest.counts().get(Split.TEST).get(label),
          candidateCounts.getOrDefault(label, 0L)));
    }
    if (!leftOut.isEmpty()) {
      out.append("rows left out:\n");
      leftOut.forEach((why, n) -> out.append(String.format(Locale.ROOT, "  %8d  %s%n", n, why)));
    }
    if (!droppedLabels.isEmpty()) {
      out.append("labels left out: ").append(droppedLabels.size()).append('\n');
      int shown = 0;
      for (Map.Entry<String, String> e : droppedLabels.entrySet()) {
        if (shown++ == 40) {
          out.append("  ... ").append(droppedLabels.size() - 40).append(" more\n");
          break;
        }
        out.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
      }
    }
    out.append('\n');
    out.append(input.toText(skippedLimit));
    return out.toString();
  }
}

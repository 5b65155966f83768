package io.github.metart.data.prepare;

import static java.util.Objects.requireNonNull;

import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.cache.SkippedImage;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A prepared dataset folder, as {@link DatasetPreparation#run()} wrote it.
 *
 * @param folder the prepared folder
 * @param manifest its {@code manifest.json}
 * @param images the image side (cache, quality report, near-duplicate repair), when prepared with images
 * @param removedCaches image caches removed because they were prepared for other splits
 */
public record PreparedDataset(
    Path folder, Manifest manifest, Optional<DatasetImagePreparer.Result> images, List<Path> removedCaches) {

  /** Checks the components and copies the list. */
  public PreparedDataset {
    requireNonNull(folder, "folder");
    requireNonNull(manifest, "manifest");
    requireNonNull(images, "images");
    removedCaches = List.copyOf(removedCaches);
  }

  /** Objects whose images do not decode, left out before balancing (empty without images). */
  public List<SkippedImage> leftOut() {
    return images.map(DatasetImagePreparer.Result::leftOut).orElse(List.of());
  }

  /** What the preparation did, in the lines {@code metart prepare} prints. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    Manifest m = manifest;
    lines.add(String.format(Locale.ROOT, "prepared %s dataset: %d objects (train %d, validation %d, test %d) in %d labels",
        m.task().id(), m.total(), m.total(Split.TRAIN), m.total(Split.VALIDATION), m.total(Split.TEST), m.labels().size()));
    lines.add(String.format(Locale.ROOT, "input: %s, %d rows read, %d skipped, sha256 %s",
        m.input().name(), m.input().rowsRead(), m.input().rowsSkipped(), m.input().sha256()));
    lines.add("split hash: " + m.splitHash());
    lines.add(String.format(Locale.ROOT, "wrote %s, %s/{train,validation,test}.csv, %s",
        folder.resolve(Manifest.FILE_NAME), folder.resolve(DatasetSplits.SPLITS_DIR), folder.resolve(DatasetSplits.REPORT_TXT)));
    images.ifPresent(result -> {
      m.imagesSection().ifPresent(section ->
          lines.add(String.format(Locale.ROOT, "only objects with an image in %s: %d of them labeled", section.source(), m.total())));
      if (!result.leftOut().isEmpty()) {
        lines.add(String.format(Locale.ROOT, "left out before balancing: %d objects whose images do not decode (listed in %s)",
            result.leftOut().size(), folder.resolve(DatasetSplits.REPORT_TXT)));
      }
      lines.addAll(result.summary());
      lines.add("quality report: " + result.preparation().directory().resolve("quality-report.txt"));
    });
    for (Path cache : removedCaches) {
      lines.add("removed the image cache " + cache + ": it was prepared for other splits");
    }
    return List.copyOf(lines);
  }
}

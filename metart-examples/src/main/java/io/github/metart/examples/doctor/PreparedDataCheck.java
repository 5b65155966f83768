package io.github.metart.examples.doctor;

import io.github.metart.data.cache.DatasetImagePreparer;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.dataset.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The state of a prepared data folder ({@code metart prepare --out DIR}, layout in ARCHITECTURE.md):
 * the manifest and split files read and verified by metart-data's own reader ({@link
 * DatasetSplits#read}: counts per label, split hash, no object in two splits), {@code report.txt},
 * and every prepared image cache under {@code cache/} (a folder with a {@code recipe.json}) opened with {@link PreparedCache#open(Path)},
 * including whether it holds an image for every object of the splits.
 */
final class PreparedDataCheck implements PreflightCheck {

  private static final String PREPARE_FIX =
      "prepare it again: ./metart prepare --csv MetObjects.csv --task culture|year [--images DIR] --out ";

  private final Path directory;

  /** A check of the given folder. */
  public PreparedDataCheck(Path directory) {
    this.directory = directory;
  }

  @Override
  public List<CheckResult> run() {
    if (!Files.isDirectory(directory)) {
      return List.of(
          CheckResult.fail(
              "data",
              directory + (Files.exists(directory) ? " is a file, not a folder" : " does not exist"),
              "pass --data with the folder 'metart prepare --out' wrote, or " + PREPARE_FIX + directory));
    }
    List<CheckResult> results = new ArrayList<>();
    Optional<DatasetSplits> splits = splits(results);
    Path report = directory.resolve("report.txt");
    results.add(
        Files.isRegularFile(report)
            ? CheckResult.ok("data report", report + " present")
            : CheckResult.warn(
                "data report", report + " is missing", PREPARE_FIX + directory + " (it writes the report)"));
    results.add(caches(splits));
    return results;
  }

  private Optional<DatasetSplits> splits(List<CheckResult> results) {
    try {
      DatasetSplits splits = DatasetSplits.read(directory);
      Manifest manifest = splits.manifest();
      String what =
          splits.task() == Task.YEAR
              ? "year task, " + splits.yearRange().map(Object::toString).orElse("?") + ", "
                  + manifest.labels().size() + " bins"
              : splits.task().id() + " task, " + manifest.labels().size() + " labels ("
                  + String.join(", ", manifest.labels()) + ")"
                  + (splits.task() == Task.CULTURE_YEAR
                      ? ", years " + splits.yearRange().map(Object::toString).orElse("?")
                      : "");
      String counts =
          Stream.of(Split.values())
              .map(s -> s.id() + " " + manifest.total(s))
              .collect(Collectors.joining(", "));
      results.add(
          CheckResult.ok(
              "data",
              what + "; " + counts + "; seed " + manifest.seed() + "; counts and split hash verified"));
      List<Split> empty = Stream.of(Split.values()).filter(s -> manifest.total(s) == 0).toList();
      if (!empty.isEmpty()) {
        results.add(
            CheckResult.warn(
                "data splits",
                "empty: " + empty.stream().map(Split::id).collect(Collectors.joining(", ")),
                "lower the recipe's minimum per label or use more data, then " + PREPARE_FIX + directory));
      }
      return Optional.of(splits);
    } catch (IOException | RuntimeException e) {
      results.add(CheckResult.fail("data", oneLine(e), PREPARE_FIX + directory));
      return Optional.empty();
    }
  }

  private CheckResult caches(Optional<DatasetSplits> splits) {
    Path root = directory.resolve(DatasetImagePreparer.CACHE_DIR);
    String fix =
        "prepare with images to train on them: ./metart prepare ... --images IMAGES_DIR --out " + directory;
    if (!Files.isDirectory(root)) {
      return CheckResult.warn("data cache", "no prepared image cache (" + root + ")", fix);
    }
    List<Path> folders;
    try {
      folders = DatasetImagePreparer.caches(directory); // the folders that hold a recipe.json
    } catch (IOException e) {
      return CheckResult.fail("data cache", root + ": cannot read (" + e.getMessage() + ")", "check its permissions");
    }
    if (folders.isEmpty()) {
      return CheckResult.warn("data cache", root + " holds no prepared cache", fix);
    }
    List<String> described = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    for (Path folder : folders) {
      try (PreparedCache cache = PreparedCache.open(folder)) {
        String text =
            folder.getFileName()
                + ": "
                + cache.size()
                + " images of "
                + cache.imageSize()
                + "x"
                + cache.imageSize()
                + ", "
                + Bytes.format(Bytes.sizeOf(folder));
        if (splits.isPresent()) {
          long missing = objects(splits.get()).stream().filter(id -> !cache.contains(id)).count();
          if (missing > 0) {
            incomplete.add(folder.getFileName() + " lacks " + missing + " of the splits' objects");
          }
        }
        described.add(text);
      } catch (IOException | RuntimeException e) {
        return CheckResult.fail("data cache", oneLine(e), fix + " (an interrupted preparation resumes)");
      }
    }
    String detail = root + ": " + String.join("; ", described);
    if (!incomplete.isEmpty()) {
      return CheckResult.warn(
          "data cache",
          detail + "; " + String.join("; ", incomplete),
          "those images were skipped or never prepared: see the cache's quality report, then prepare"
              + " again with --images (it resumes)");
    }
    return CheckResult.ok("data cache", detail);
  }

  private static List<Long> objects(DatasetSplits splits) {
    List<Long> ids = new ArrayList<>();
    for (Split split : Split.values()) {
      for (LabeledObject object : splits.get(split)) {
        ids.add(object.objectId());
      }
    }
    return ids;
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}

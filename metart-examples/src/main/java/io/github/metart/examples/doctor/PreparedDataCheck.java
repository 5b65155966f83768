package io.github.metart.examples.doctor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The state of a prepared data folder ({@code metart prepare --out DIR}), following the layout in
 * ARCHITECTURE.md: {@code manifest.json}, {@code splits/{train,validation,test}.csv}, {@code
 * report.txt} and, with images, {@code cache/<recipe-key>/}.
 *
 * <p>It reads the files generically (any JSON manifest, any split CSV with a header): it checks that
 * they exist and parse, that no object sits in two splits (when the splits have an object id column)
 * and, when the manifest holds per-split counts ({@code train}, {@code validation}, {@code test} as
 * numbers or as per-label maps of numbers), that they match the split files.
 */
public final class PreparedDataCheck implements PreflightCheck {

  /** The split names, in order. */
  public static final List<String> SPLITS = List.of("train", "validation", "test");

  private static final Pattern OBJECT_ID_COLUMN = Pattern.compile("(?i)object[ _-]?id");
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
    Optional<JsonNode> manifest = manifest(results);
    Map<String, Long> rows = splits(results);
    if (manifest.isPresent() && !rows.isEmpty()) {
      results.add(counts(manifest.get(), rows));
    }
    Path report = directory.resolve("report.txt");
    results.add(
        Files.isRegularFile(report)
            ? CheckResult.ok("data report", report + " present")
            : CheckResult.warn(
                "data report", report + " is missing", PREPARE_FIX + directory + " (it writes the report)"));
    results.add(cache());
    return results;
  }

  private Optional<JsonNode> manifest(List<CheckResult> results) {
    Path file = directory.resolve("manifest.json");
    if (!Files.isRegularFile(file)) {
      results.add(
          CheckResult.fail("data manifest", file + " is missing", PREPARE_FIX + directory));
      return Optional.empty();
    }
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      if (root == null || !root.isObject()) {
        results.add(
            CheckResult.fail(
                "data manifest", file + " is not a JSON object", PREPARE_FIX + directory));
        return Optional.empty();
      }
      List<String> fields = new ArrayList<>();
      root.fieldNames().forEachRemaining(fields::add);
      results.add(
          CheckResult.ok("data manifest", file + " (" + String.join(", ", fields) + ")"));
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
      results.add(
          CheckResult.fail(
              "data manifest",
              file + where + ": not valid JSON (" + e.getOriginalMessage() + ")",
              PREPARE_FIX + directory));
    } catch (IOException e) {
      results.add(
          CheckResult.fail(
              "data manifest", file + ": cannot read (" + e.getMessage() + ")", "check its permissions"));
    }
    return Optional.empty();
  }

  /** Rows per split file; adds one result for the splits. */
  private Map<String, Long> splits(List<CheckResult> results) {
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, String> seen = new HashMap<>();
    List<String> missing = new ArrayList<>();
    boolean idColumnEverywhere = true;
    for (String split : SPLITS) {
      Path file = directory.resolve("splits").resolve(split + ".csv");
      if (!Files.isRegularFile(file)) {
        missing.add(file.toString());
        continue;
      }
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser parser =
              CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        Optional<String> idColumn =
            parser.getHeaderNames().stream()
                .filter(name -> OBJECT_ID_COLUMN.matcher(name.replace("\uFEFF", "")).matches())
                .findFirst();
        idColumnEverywhere &= idColumn.isPresent();
        long count = 0;
        Iterator<CSVRecord> records = parser.iterator();
        while (records.hasNext()) {
          CSVRecord record = records.next();
          count++;
          if (idColumn.isPresent() && record.isSet(idColumn.get())) {
            String id = record.get(idColumn.get());
            String other = seen.putIfAbsent(id, split);
            if (other != null) {
              results.add(
                  CheckResult.fail(
                      "data splits",
                      "object " + id + " is in both " + other + " and " + split + " (" + file + ")",
                      "a split must never share objects with another: " + PREPARE_FIX + directory));
              return Map.of();
            }
          }
        }
        rows.put(split, count);
      } catch (IOException | RuntimeException e) {
        results.add(
            CheckResult.fail(
                "data splits",
                file + ": not a readable CSV with a header (" + e.getMessage() + ")",
                PREPARE_FIX + directory));
        return Map.of();
      }
    }
    if (!missing.isEmpty()) {
      results.add(
          CheckResult.fail(
              "data splits", "missing " + String.join(", ", missing), PREPARE_FIX + directory));
      return Map.of();
    }
    StringBuilder detail = new StringBuilder();
    rows.forEach((split, count) -> detail.append(detail.length() == 0 ? "" : ", ").append(split).append(' ').append(count));
    detail.append(" rows");
    if (idColumnEverywhere) {
      detail.append("; no object in two splits");
    }
    List<String> empty = rows.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
    if (!empty.isEmpty()) {
      results.add(
          CheckResult.warn(
              "data splits",
              detail + "; empty: " + String.join(", ", empty),
              "lower the recipe's minimum per label or use more data, then " + PREPARE_FIX + directory));
    } else if (!idColumnEverywhere) {
      results.add(
          CheckResult.warn(
              "data splits",
              detail + "; overlap not checked (no object id column)",
              "write an Object ID column in every split file"));
    } else {
      results.add(CheckResult.ok("data splits", detail.toString()));
    }
    return rows;
  }

  /** Compares per-split counts found anywhere in the manifest with the split files. */
  private CheckResult counts(JsonNode manifest, Map<String, Long> rows) {
    Optional<JsonNode> node = findSplitCounts(manifest);
    if (node.isEmpty()) {
      return CheckResult.ok("data counts", "the manifest holds no per-split counts to compare");
    }
    for (String split : SPLITS) {
      long declared = total(node.get().get(split));
      if (declared != rows.get(split)) {
        return CheckResult.fail(
            "data counts",
            directory.resolve("manifest.json")
                + " says "
                + split
                + " has "
                + declared
                + " objects but splits/"
                + split
                + ".csv has "
                + rows.get(split)
                + " rows",
            "the folder was changed after preparing: " + PREPARE_FIX + directory);
      }
    }
    return CheckResult.ok("data counts", "the manifest's per-split counts match the split files");
  }

  /** The first object (depth first) whose train, validation and test fields are counts. */
  static Optional<JsonNode> findSplitCounts(JsonNode node) {
    if (node.isObject()) {
      if (SPLITS.stream().allMatch(s -> node.has(s) && total(node.get(s)) >= 0)) {
        return Optional.of(node);
      }
      Iterator<JsonNode> children = node.elements();
      while (children.hasNext()) {
        Optional<JsonNode> found = findSplitCounts(children.next());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** A count, or the sum of a map of counts; -1 when the node is neither. */
  private static long total(JsonNode node) {
    if (node == null) {
      return -1;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isObject() && node.size() > 0) {
      long sum = 0;
      Iterator<JsonNode> values = node.elements();
      while (values.hasNext()) {
        JsonNode value = values.next();
        if (!value.isIntegralNumber()) {
          return -1;
        }
        sum += value.asLong();
      }
      return sum;
    }
    return -1;
  }

  private CheckResult cache() {
    Path cache = directory.resolve("cache");
    String fix =
        "prepare with images to train on them: ./metart prepare ... --images IMAGES_DIR --out " + directory;
    if (!Files.isDirectory(cache)) {
      return CheckResult.warn("data cache", "no prepared image cache (" + cache + ")", fix);
    }
    List<String> recipes = new ArrayList<>();
    try (Stream<Path> entries = Files.list(cache)) {
      for (Path recipe : entries.filter(Files::isDirectory).sorted().toList()) {
        recipes.add(recipe.getFileName() + " " + Bytes.format(Bytes.sizeOf(recipe)));
      }
    } catch (IOException e) {
      return CheckResult.fail("data cache", cache + ": cannot read (" + e.getMessage() + ")", "check its permissions");
    }
    if (recipes.isEmpty()) {
      return CheckResult.warn("data cache", cache + " holds no prepared recipe", fix);
    }
    return CheckResult.ok("data cache", cache + ": " + String.join(", ", recipes));
  }
}

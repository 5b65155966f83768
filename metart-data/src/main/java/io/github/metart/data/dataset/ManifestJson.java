package io.github.metart.data.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metart.data.culture.AmbiguityPolicy;
import io.github.metart.data.dates.YearPolicy;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.provenance.LibraryVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of {@link Manifest}, written and read field by field so that the format is explicit
 * (lowercase ids, split names as keys) and a broken file gets a message naming the field.
 */
final class ManifestJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestJson() {}

  static void write(Manifest manifest, Path file) throws IOException {
    String json = MAPPER.writeValueAsString(toJson(manifest)) + "\n";
    Files.writeString(file, json, StandardCharsets.UTF_8);
  }

  static String toJsonString(Manifest manifest) {
    try {
      return MAPPER.writeValueAsString(toJson(manifest));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a manifest as JSON", e);
    }
  }

  static Manifest read(Path file) throws IOException {
    JsonNode root;
    try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new IOException(
          file + ": not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": not a metart manifest (expected a JSON object)");
    }
    try {
      return fromJson(new Fields(root, ""));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- writing

  private static ObjectNode toJson(Manifest m) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", m.format());
    root.put("task", m.task().id());
    root.put("seed", m.seed());
    root.set("recipe", recipe(m.recipe()));
    ObjectNode input = root.putObject("input");
    input.put("name", m.input().name());
    input.put("bytes", m.input().bytes());
    input.put("sha256", m.input().sha256());
    input.put("rowsRead", m.input().rowsRead());
    input.put("rowsSkipped", m.input().rowsSkipped());
    ArrayNode labels = root.putArray("labels");
    m.labels().forEach(labels::add);
    if (m.yearRange() != null) {
      ObjectNode range = root.putObject("yearRange");
      range.put("min", m.yearRange().begin());
      range.put("max", m.yearRange().end());
    }
    ObjectNode totals = root.putObject("totals");
    ObjectNode counts = root.putObject("counts");
    for (Split split : Split.values()) {
      totals.put(split.id(), m.total(split));
      ObjectNode perLabel = counts.putObject(split.id());
      m.counts().get(split).forEach(perLabel::put);
    }
    root.put("splitHash", m.splitHash());
    ObjectNode versions = root.putObject("versions");
    versions.put("metart", m.versions().metart());
    versions.put("java", m.versions().java());
    if (m.images() != null) {
      ManifestImages i = m.images();
      ObjectNode images = root.putObject("images");
      ObjectNode cache = images.putObject("cache");
      cache.put("key", i.cache().key());
      cache.put("resizeTo", i.cache().resizeTo());
      cache.put("cropTo", i.cache().cropTo());
      cache.put("filter", i.cache().filter());
      cache.put("subsampledReading", i.cache().subsampledReading());
      images.put("source", i.source());
      images.put("requested", i.requested());
      images.put("prepared", i.prepared());
      images.put("skipped", i.skipped());
      images.put("duplicateDistance", i.duplicateDistance());
      images.put("duplicateGroups", i.duplicateGroups());
      images.put("objectsMoved", i.objectsMoved());
    }
    return root;
  }

  private static ObjectNode recipe(Recipe r) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("task", r.task().id());
    node.put("seed", r.seed());
    ObjectNode split = node.putObject("split");
    split.put("train", r.split().train());
    split.put("validation", r.split().validation());
    split.put("test", r.split().test());
    ObjectNode filters = node.putObject("filters");
    filters.put("publicDomainOnly", r.filters().publicDomainOnly());
    strings(filters.putArray("departments"), r.filters().departments());
    strings(filters.putArray("classifications"), r.filters().classifications());
    strings(filters.putArray("custom"), r.filters().custom());
    ObjectNode dates = node.putObject("dates");
    dates.put("policy", id(r.dates().policy()));
    dates.put("usePeriod", r.dates().usePeriod());
    if (r.culture() != null) {
      Recipe.CultureSettings c = r.culture();
      ObjectNode culture = node.putObject("culture");
      culture.put("source", id(c.source()));
      culture.put("rules", c.rules());
      culture.put("ambiguity", id(c.ambiguity()));
      culture.put("keepUnknown", c.keepUnknown());
      strings(culture.putArray("exclude"), c.exclude());
      culture.put("excludeBroad", c.excludeBroad());
      culture.put("minPerLabel", c.minPerLabel());
      putNullable(culture, "maxPerLabel", c.maxPerLabel());
    }
    if (r.year() != null) {
      Recipe.YearSettings y = r.year();
      ObjectNode year = node.putObject("year");
      year.put("minYear", y.minYear());
      year.put("maxYear", y.maxYear());
      year.put("binWidth", y.binWidth());
      year.put("minPerBin", y.minPerBin());
      putNullable(year, "maxPerBin", y.maxPerBin());
      putNullable(year, "maxSpan", y.maxSpan());
      year.put("labeling", id(y.labeling()));
    }
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static void putNullable(ObjectNode node, String field, Integer value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value.intValue());
    }
  }

  /** {@code PREFER_COLUMNS} → {@code prefer-columns}. */
  static String id(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E>> E fromId(Class<E> type, String id, String field) {
    for (E value : type.getEnumConstants()) {
      if (id(value).equals(id)) {
        return value;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E value : type.getEnumConstants()) {
      allowed.add(id(value));
    }
    throw new IllegalArgumentException(
        "field '" + field + "': unknown value '" + id + "', expected one of " + allowed);
  }

  // ---------------------------------------------------------------- reading

  private static Manifest fromJson(Fields root) {
    String format = root.text("format");
    if (!format.equals(Manifest.FORMAT)) {
      throw new IllegalArgumentException(
          "unsupported manifest format '" + format + "' (this metart reads " + Manifest.FORMAT + ")");
    }
    Recipe recipe = readRecipe(root.object("recipe"));
    Task task = Task.fromId(root.text("task"));
    if (task != recipe.task()) {
      throw new IllegalArgumentException(
          "field 'task' (" + task.id() + ") contradicts 'recipe.task' (" + recipe.task().id() + ")");
    }
    if (root.longValue("seed") != recipe.seed()) {
      throw new IllegalArgumentException("field 'seed' contradicts 'recipe.seed'");
    }
    Fields in = root.object("input");
    InputFile input =
        new InputFile(
            in.text("name"),
            in.longValue("bytes"),
            in.text("sha256"),
            in.longValue("rowsRead"),
            in.longValue("rowsSkipped"));
    List<String> labels = root.strings("labels");
    YearRange yearRange = null;
    if (root.has("yearRange")) {
      Fields range = root.object("yearRange");
      yearRange = new YearRange(range.intValue("min"), range.intValue("max"));
    }
    Fields countsNode = root.object("counts");
    Map<Split, Map<String, Integer>> counts = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      Fields perLabel = countsNode.object(split.id());
      Map<String, Integer> map = new LinkedHashMap<>();
      for (Iterator<String> names = perLabel.node.fieldNames(); names.hasNext(); ) {
        String label = names.next();
        map.put(label, perLabel.intValue(label));
      }
      counts.put(split, map);
    }
    Fields versions = root.object("versions");
    ManifestImages images = root.has("images") ? readImages(root.object("images")) : null;
    return new Manifest(
        format,
        recipe,
        input,
        labels,
        yearRange,
        counts,
        root.text("splitHash"),
        new LibraryVersion(versions.text("metart"), versions.text("java")),
        images);
  }

  private static ManifestImages readImages(Fields node) {
    Fields cache = node.object("cache");
    return new ManifestImages(
        new ManifestImages.CacheRecipe(
            cache.text("key"),
            cache.intValue("resizeTo"),
            cache.intValue("cropTo"),
            cache.text("filter"),
            cache.bool("subsampledReading")),
        node.text("source"),
        node.intValue("requested"),
        node.intValue("prepared"),
        node.intValue("skipped"),
        node.intValue("duplicateDistance"),
        node.intValue("duplicateGroups"),
        node.intValue("objectsMoved"));
  }

  private static Recipe readRecipe(Fields node) {
    Task task = Task.fromId(node.text("task"));
    Fields split = node.object("split");
    Fields filters = node.object("filters");
    Fields dates = node.object("dates");
    Recipe.CultureSettings culture = null;
    if (node.has("culture")) {
      Fields c = node.object("culture");
      culture =
          new Recipe.CultureSettings(
              fromId(CultureSource.class, c.text("source"), c.path("source")),
              c.text("rules"),
              fromId(AmbiguityPolicy.class, c.text("ambiguity"), c.path("ambiguity")),
              c.bool("keepUnknown"),
              c.strings("exclude"),
              c.bool("excludeBroad"),
              c.intValue("minPerLabel"),
              c.nullableInt("maxPerLabel"));
    }
    Recipe.YearSettings year = null;
    if (node.has("year")) {
      Fields y = node.object("year");
      year =
          new Recipe.YearSettings(
              y.intValue("minYear"),
              y.intValue("maxYear"),
              y.intValue("binWidth"),
              y.intValue("minPerBin"),
              y.nullableInt("maxPerBin"),
              y.nullableInt("maxSpan"),
              fromId(YearLabeling.class, y.text("labeling"), y.path("labeling")));
    }
    return new Recipe(
        task,
        node.longValue("seed"),
        new SplitRatio(split.intValue("train"), split.intValue("validation"), split.intValue("test")),
        new Recipe.Filters(
            filters.bool("publicDomainOnly"),
            filters.strings("departments"),
            filters.strings("classifications"),
            filters.strings("custom")),
        new Recipe.Dates(
            fromId(YearPolicy.class, dates.text("policy"), dates.path("policy")),
            dates.bool("usePeriod")),
        culture,
        year);
  }

  /** A JSON object with its dotted path, for messages such as {@code field 'recipe.seed'}. */
  private static final class Fields {
    final JsonNode node;
    final String prefix;

    Fields(JsonNode node, String prefix) {
      this.node = node;
      this.prefix = prefix;
    }

    String path(String field) {
      return prefix.isEmpty() ? field : prefix + "." + field;
    }

    boolean has(String field) {
      JsonNode value = node.get(field);
      return value != null && !value.isNull();
    }

    private JsonNode require(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isMissingNode()) {
        throw new IllegalArgumentException("missing field '" + path(field) + "'");
      }
      return value;
    }

    Fields object(String field) {
      JsonNode value = require(field);
      if (!value.isObject()) {
        throw new IllegalArgumentException("field '" + path(field) + "' must be an object");
      }
      return new Fields(value, path(field));
    }

    String text(String field) {
      JsonNode value = require(field);
      if (!value.isTextual()) {
        throw new IllegalArgumentException("field '" + path(field) + "' must be a string");
      }
      return value.asText();
    }

    long longValue(String field) {
      JsonNode value = require(field);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw new IllegalArgumentException("field '" + path(field) + "' must be an integer");
      }
      return value.asLong();
    }

    int intValue(String field) {
      JsonNode value = require(field);
      if (!value.isIntegralNumber() || !value.canConvertToInt()) {
        throw new IllegalArgumentException("field '" + path(field) + "' must be an int");
      }
      return value.asInt();
    }

    Integer nullableInt(String field) {
      JsonNode value = require(field);
      return value.isNull() ? null : intValue(field);
    }

    boolean bool(String field) {
      JsonNode value = require(field);
      if (!value.isBoolean()) {
        throw new IllegalArgumentException("field '" + path(field) + "' must be true or false");
      }
      return value.asBoolean();
    }

    List<String> strings(String field) {
      JsonNode value = require(field);
      if (!value.isArray()) {
        throw new IllegalArgumentException("field '" + path(field) + "' must be an array");
      }
      List<String> out = new ArrayList<>();
      for (JsonNode element : value) {
        if (!element.isTextual()) {
          throw new IllegalArgumentException(
              "field '" + path(field) + "' must hold strings only");
        }
        out.add(element.asText());
      }
      return out;
    }
  }
}

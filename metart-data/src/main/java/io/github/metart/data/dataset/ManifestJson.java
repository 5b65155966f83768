package io.github.metart.data.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.metart.data.culture.AmbiguityPolicy;
import io.github.metart.data.dates.YearPolicy;
import io.github.metart.data.dates.YearRange;
import io.github.metart.data.files.JsonFiles;
import io.github.metart.data.provenance.LibraryVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of {@link Manifest}, through Jackson databind: the records ({@link Recipe}, {@link
 * InputFile}, {@link ManifestImages}, ...) are written and read as they are; enums as their
 * lowercase ids, splits as keys. The year range is the recipe's ({@code recipe.year}); files of
 * earlier versions, which also wrote it at the top level as {@code yearRange: {min, max}}, still load.
 * A broken file gets a message naming the field.
 */
final class ManifestJson {

  /** The file's layout: the manifest, with the task, seed and per-split totals spelled out for readers. */
  @JsonPropertyOrder({"format", "task", "seed", "recipe", "input", "labels", "totals", "counts", "splitHash", "versions", "images"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record File(
      String format,
      Task task,
      long seed,
      Recipe recipe,
      InputFile input,
      List<String> labels,
      Map<Split, Integer> totals,
      Map<Split, Map<String, Integer>> counts,
      String splitHash,
      LibraryVersion versions,
      ManifestImages images,
      // read from files of earlier versions only (never written: null)
      Map<String, Integer> yearRange) {}

  private static final ObjectMapper MAPPER =
      JsonFiles.mapper()
          .rebuild()
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .addModule(lowercaseIds(Task.class, Split.class, CultureSource.class, AmbiguityPolicy.class, YearPolicy.class, YearLabeling.class))
          .build();

  private ManifestJson() {}

  static void write(Manifest manifest, Path file) throws IOException {
    Files.writeString(file, toJsonString(manifest) + "\n", StandardCharsets.UTF_8);
  }

  static String toJsonString(Manifest m) {
    Map<Split, Integer> totals = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      totals.put(split, m.total(split));
    }
    File file =
        new File(m.format(), m.task(), m.seed(), m.recipe(), m.input(), m.labels(), totals, m.counts(), m.splitHash(),
            m.versions(), m.images(), null);
    try {
      return MAPPER.writeValueAsString(file);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a manifest as JSON", e);
    }
  }

  static Manifest read(Path path) throws IOException {
    File file;
    try (java.io.Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      com.fasterxml.jackson.databind.JsonNode tree = MAPPER.readTree(in);
      if (tree == null || !tree.isObject()) {
        throw new IOException(path + ": not a metart manifest (expected a JSON object)");
      }
      // every field is required but these: a folder prepared without images has no images
      // section; earlier versions wrote the year range at the top level and left out the other
      // task's recipe settings
      nullWhenMissing(tree, "images", "yearRange");
      nullWhenMissing(tree.get("recipe"), "culture", "year");
      file = MAPPER.treeToValue(tree, File.class);
    } catch (JsonProcessingException e) {
      throw new IOException(path + ": " + JsonFiles.problem(e), e);
    }
    try {
      return fromFile(file);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }

  private static void nullWhenMissing(com.fasterxml.jackson.databind.JsonNode node, String... fields) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      for (String field : fields) {
        if (!object.has(field)) {
          object.putNull(field);
        }
      }
    }
  }

  private static Manifest fromFile(File file) {
    if (!Manifest.FORMAT.equals(file.format())) {
      throw new IllegalArgumentException(
          "unsupported manifest format '" + file.format() + "' (this metart reads " + Manifest.FORMAT + ")");
    }
    Recipe recipe = required(file.recipe(), "recipe");
    if (file.task() != recipe.task()) {
      throw new IllegalArgumentException(
          "field 'task' (" + id(file.task()) + ") contradicts 'recipe.task' (" + recipe.task().id() + ")");
    }
    if (file.seed() != recipe.seed()) {
      throw new IllegalArgumentException("field 'seed' contradicts 'recipe.seed'");
    }
    YearRange years = recipe.year() == null ? null : new YearRange(recipe.year().minYear(), recipe.year().maxYear());
    if (file.yearRange() != null && years != null
        && !years.equals(new YearRange(file.yearRange().getOrDefault("min", 0), file.yearRange().getOrDefault("max", 0)))) {
      throw new IllegalArgumentException("field 'yearRange' contradicts 'recipe.year'");
    }
    return new Manifest(
        file.format(),
        recipe,
        required(file.input(), "input"),
        required(file.labels(), "labels"),
        years,
        required(file.counts(), "counts"),
        required(file.splitHash(), "splitHash"),
        required(file.versions(), "versions"),
        file.images());
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return value;
  }

  /** {@link JsonFiles#id}. */
  static String id(Enum<?> value) {
    return JsonFiles.id(value);
  }

  private static List<String> ids(Class<?> type) {
    List<String> ids = new ArrayList<>();
    for (Object value : type.getEnumConstants()) {
      ids.add(id((Enum<?>) value));
    }
    return ids;
  }

  /** The constant of {@code type} whose {@link #id} is {@code id}, or {@code null}. */
  private static Enum<?> withId(Class<?> type, String id) {
    for (Object value : type.getEnumConstants()) {
      if (id((Enum<?>) value).equals(id)) {
        return (Enum<?>) value;
      }
    }
    return null;
  }

  static <E extends Enum<E>> E fromId(Class<E> type, String id, String field) {
    Enum<?> value = withId(type, id);
    if (value != null) {
      return type.cast(value);
    }
    throw new IllegalArgumentException("field '" + field + "': unknown value '" + id + "', expected one of " + ids(type));
  }

  /** Enums written as their lowercase ids ({@link #id}), as values and as map keys. */
  @SafeVarargs
  private static SimpleModule lowercaseIds(Class<? extends Enum<?>>... types) {
    SimpleModule module = new SimpleModule("metart-manifest-ids");
    for (Class<? extends Enum<?>> type : types) {
      register(module, type);
    }
    return module;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void register(SimpleModule module, Class type) {
    JsonSerializer<Enum<?>> serializer =
        new JsonSerializer<>() {
          @Override
          public void serialize(Enum<?> value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(id(value));
          }
        };
    module.addSerializer(type, serializer);
    module.addKeySerializer(type, new JsonSerializer<Enum<?>>() {
      @Override
      public void serialize(Enum<?> value, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeFieldName(id(value));
      }
    });
    module.addDeserializer(type, new JsonDeserializer<Enum>() {
      @Override
      public Enum deserialize(JsonParser in, DeserializationContext context) throws IOException {
        String text = in.getValueAsString();
        Enum<?> value = withId(type, text);
        return value != null ? value : (Enum) context.handleWeirdStringValue(type, text, "expected one of %s", ids(type));
      }
    });
    module.addKeyDeserializer(type, new KeyDeserializer() {
      @Override
      public Object deserializeKey(String key, DeserializationContext context) throws IOException {
        Enum<?> value = withId(type, key);
        return value != null ? value : context.handleWeirdKey(type, key, "expected one of %s", ids(type));
      }
    });
  }
}

package io.github.metart.data.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON conventions of metart's files, for every module: one Jackson mapper (records bound by
 * databind, indented, unknown fields refused unless a reader allows them) and one wording of what is
 * wrong with a file, naming the field.
 */
public final class JsonFiles {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final ObjectMapper LENIENT =
      MAPPER.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static final ObjectMapper STRICT =
      MAPPER.rebuild()
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .build();

  private JsonFiles() {}

  /** The shared mapper (thread-safe; do not reconfigure, derive readers and writers from it). */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * The shared mapper that skips fields it does not know: for files a later version may extend and
   * an earlier one must still read (run claims, a model folder's info).
   */
  public static ObjectMapper lenient() {
    return LENIENT;
  }

  /**
   * The shared mapper that also refuses a missing or null field: for files a user writes or that
   * decide what a model is (model specs, preprocessing).
   */
  public static ObjectMapper strict() {
    return STRICT;
  }

  /** A finite number as itself, NaN and infinities as {@code null} (written as JSON null). */
  public static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** A number read back: {@code null} as NaN. */
  public static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  /** {@code PREFER_COLUMNS} → {@code prefer-columns}: how enums are written in metart's files. */
  public static String id(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * What is wrong with a file's content: for text that is not JSON (or is cut short) where, e.g.
   * {@code not valid JSON (cut short?) at line 8, column 1: Unexpected end-of-input ...}; otherwise
   * {@link #problem(JsonMappingException)}. The caller puts the file name in front.
   */
  public static String problem(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping) {
      return problem(mapping);
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
    return "not valid JSON" + (message.contains("end-of-input") ? " (cut short?)" : "") + where + ": " + message;
  }

  /**
   * What is wrong with a file's content, naming the field, e.g. {@code field 'recipe.culture.minPerLabel'
   * must be an int} or {@code missing field 'count'} (the caller puts the file name in front).
   */
  public static String problem(JsonMappingException e) {
    String field =
        e.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return (field.isEmpty() ? "" : "field '" + field + "': ") + e.getCause().getMessage();
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
      List<String> ids = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(v -> id((Enum<?>) v)).toList();
      return "field '" + field + "': unknown value '" + invalid.getValue() + "', expected one of " + ids;
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      if (e.getOriginalMessage().startsWith("Missing creator property") && !field.isEmpty()) {
        return "missing field '" + field + "'"; // the path ends at the missing field
      }
      Class<?> type = mismatched.getTargetType();
      String expected =
          type == int.class || type == Integer.class ? "an int"
              : type == long.class || type == Long.class ? "an integer"
              : type == double.class || type == Double.class ? "a number"
              : type == boolean.class || type == Boolean.class ? "true or false"
              : type == String.class ? "a string"
              : List.class.isAssignableFrom(type) ? "an array"
              : type.isRecord() || Map.class.isAssignableFrom(type) ? "an object"
              : null;
      if (expected != null && !field.isEmpty()) {
        return "field '" + field + "' must be " + expected;
      }
    }
    return (field.isEmpty() ? "" : "field '" + field + "': ") + e.getOriginalMessage().lines().findFirst().orElse("");
  }
}

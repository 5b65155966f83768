package io.github.metart.train.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON conventions of training files: indented, strict on unknown fields, NaN as null. */
public final class TrainJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private TrainJson() {}

  /** The shared mapper (thread-safe; do not reconfigure). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A finite number as a JSON number, NaN and infinities as null. */
  public static JsonNode number(double value) {
    return Double.isFinite(value)
        ? MAPPER.getNodeFactory().numberNode(value)
        : MAPPER.getNodeFactory().nullNode();
  }

  /** A JSON number as a double, null or missing as NaN. */
  public static double number(JsonNode node) {
    return node == null || node.isNull() ? Double.NaN : node.asDouble();
  }

  /** Parses JSON text into a tree, as an unchecked exception naming what was parsed. */
  public static JsonNode parse(String json, String what) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(what + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** A value as JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

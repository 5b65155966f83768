package io.github.metart.train.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.data.files.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON conventions of training files: metart's shared mapper ({@link JsonFiles}), indented, strict on unknown fields. */
public final class TrainJson {

  private static final ObjectMapper MAPPER = JsonFiles.mapper();

  private TrainJson() {}

  /** The shared mapper (thread-safe; do not reconfigure). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses JSON text into a tree, as an unchecked exception naming what was parsed. */
  public static JsonNode parse(String json, String what) {
    try {
      return MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(what + ": " + JsonFiles.problem(e), e);
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

package io.github.metart.models.spec;

import io.github.metart.data.files.JsonFiles;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link ModelSpec}s as JSON, e.g.
 *
 * <pre>{@code
 * {
 *   "architecture" : "resnet50",
 *   "inputChannels" : 3,
 *   "inputSize" : 224,
 *   "batchNorm" : true,
 *   "hiddenUnits" : 0,
 *   "dropout" : 0.0,
 *   "stemLayers" : 0,
 *   "stemChannels" : 32,
 *   "head" : { "type" : "regression", "minYear" : 1500, "maxYear" : 1900 }
 * }
 * }</pre>
 *
 * <p>Reading is strict: every field must be present, unknown fields are rejected, and the spec's
 * own validation applies; errors name the source and what was wrong.
 */
public final class SpecJson {

  private static final ObjectMapper MAPPER = JsonFiles.strict();

  private SpecJson() {}

  /** The spec as pretty-printed JSON. */
  public static String toJson(ModelSpec spec) {
    try {
      return MAPPER.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write spec " + spec.describe(), e);
    }
  }

  /**
   * Parses a spec.
   *
   * @param json the JSON text
   * @param source what the text came from, for error messages (e.g. a file name)
   * @throws IllegalArgumentException naming the source, line and problem when the JSON is malformed
   *     or the spec invalid
   */
  public static ModelSpec fromJson(String json, String source) {
    try {
      return MAPPER.readValue(json, ModelSpec.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(
          source + ": invalid spec" + at(e.getLocation()) + ": " + cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          source + ": malformed spec" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Writes the spec to a file (UTF-8). */
  public static void write(ModelSpec spec, Path file) {
    try {
      Files.writeString(file, toJson(spec) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a spec from a file.
   *
   * @throws IllegalArgumentException naming the file when it is malformed or the spec invalid
   * @throws UncheckedIOException naming the file when it cannot be read
   */
  public static ModelSpec read(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e, e);
    }
    return fromJson(json, file.toString());
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ")";
  }
}

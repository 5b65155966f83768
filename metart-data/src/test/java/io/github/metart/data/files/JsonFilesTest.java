package io.github.metart.data.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;

/** The three readers of metart's JSON files: the default, the lenient and the strict one. */
class JsonFilesTest {

  record Point(String name, int x) {}

  @Test
  void eachReaderRefusesWhatItShould() throws Exception {
    String extra = "{\"name\": \"a\", \"x\": 2, \"later\": true}";
    String missing = "{\"name\": \"a\"}";

    assertThatThrownBy(() -> JsonFiles.mapper().readValue(extra, Point.class))
        .isInstanceOf(JsonMappingException.class);
    assertThat(JsonFiles.lenient().readValue(extra, Point.class)).isEqualTo(new Point("a", 2));
    assertThat(JsonFiles.mapper().readValue(missing, Point.class)).isEqualTo(new Point("a", 0));
    assertThatThrownBy(() -> JsonFiles.strict().readValue(missing, Point.class))
        .isInstanceOfSatisfying(
            JsonMappingException.class,
            e -> assertThat(JsonFiles.problem(e)).isEqualTo("missing field 'x'"));
    assertThatThrownBy(() -> JsonFiles.strict().readValue(extra, Point.class))
        .isInstanceOf(JsonMappingException.class);
    // all three write alike
    assertThat(JsonFiles.strict().writeValueAsString(new Point("a", 2)))
        .isEqualTo(JsonFiles.mapper().writeValueAsString(new Point("a", 2)))
        .isEqualTo(JsonFiles.lenient().writeValueAsString(new Point("a", 2)));
  }
}

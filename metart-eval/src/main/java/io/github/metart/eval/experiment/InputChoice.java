package io.github.metart.eval.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.models.spec.ModelSpec;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An input size and how many extra strided stem layers bring it down: written {@code 224}, {@code
 * 448+stem} (one stem layer) or {@code 896+stem2}.
 *
 * @param size the side of the square input in pixels
 * @param stemLayers the extra stride-2 convolutions in front of the network
 */
public record InputChoice(int size, int stemLayers) {

  private static final Pattern TEXT = Pattern.compile("(\\d{1,5})(?:\\+stem(\\d)?)?");

  /** Validates the values. */
  public InputChoice {
    ImageRecipe.checkSize("the input size", size);
    checkArgument(
        stemLayers >= 0 && stemLayers <= ModelSpec.MAX_STEM_LAYERS,
        "stem layers must be between 0 and %s, got %s",
        ModelSpec.MAX_STEM_LAYERS,
        stemLayers);
  }

  /**
   * Parses {@code SIZE}, {@code SIZE+stem} or {@code SIZE+stemN}.
   *
   * @throws IllegalArgumentException saying what is allowed
   */
  @JsonCreator
  public static InputChoice parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    checkArgument(
        m.matches(), "unknown input '%s': use SIZE, SIZE+stem or SIZE+stemN, e.g. 224 or 448+stem", text);
    int stem = m.group(2) != null ? Integer.parseInt(m.group(2)) : text.contains("+") ? 1 : 0;
    return new InputChoice(Integer.parseInt(m.group(1)), stem);
  }

  /** {@code 224}, {@code 448+stem} or {@code 896+stem2}. */
  @JsonValue
  @Override
  public String toString() {
    return size + (stemLayers == 0 ? "" : stemLayers == 1 ? "+stem" : "+stem" + stemLayers);
  }
}

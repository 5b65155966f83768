package io.github.metart.models.pretrained;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weight file as torchvision names its published files: {@code <name>-<hex>.<ext>}, where the hex
 * digits (at least 8) are the start of the file's SHA-256.
 *
 * @param fileName the file name, e.g. {@code resnet50-11ad3fa6.pth}
 * @param sha256Prefix the lower-case hex prefix of the file's SHA-256 the name carries
 */
public record WeightFile(String fileName, String sha256Prefix) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.]+-(?:[A-Za-z0-9_]+-)*([0-9a-f]{8,64})\\.[a-z]+");

  /** Checks that the name carries the checksum. */
  public WeightFile {
    checkArgument(fileName != null && !fileName.contains("/"), "a weight file name, not a path: %s", fileName);
    Matcher matcher = NAME.matcher(fileName);
    checkArgument(
        matcher.matches() && matcher.group(1).equals(sha256Prefix),
        "%s does not end in its SHA-256 prefix %s (expected NAME-HEX.EXT)",
        fileName,
        sha256Prefix);
  }

  /**
   * The weight file of a published name.
   *
   * @throws IllegalArgumentException when the name carries no SHA-256 prefix
   */
  public static WeightFile named(String fileName) {
    Matcher matcher = NAME.matcher(fileName == null ? "" : fileName);
    checkArgument(
        matcher.matches(), "%s carries no SHA-256 prefix (expected NAME-HEX.EXT)", fileName);
    return new WeightFile(fileName, matcher.group(1));
  }
}

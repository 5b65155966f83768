package io.github.metart.examples.cli;

import io.github.metart.data.images.ImageRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks shared by the data commands: usage errors name the option and what is allowed. */
final class CliOptions {

  private CliOptions() {}

  static void requirePositive(CommandSpec spec, String option, int value) {
    requireAtLeast(spec, option, value, 1);
  }

  static void requireAtLeast(CommandSpec spec, String option, int value, int minimum) {
    if (value < minimum) {
      throw new ParameterException(
          spec.commandLine(), option + " must be at least " + minimum + ", got " + value);
    }
  }

  /**
   * The value of a size option (a model input or a stored square), or a usage error naming the
   * option and the bounds every size shares ({@link ImageRecipe#checkSize}).
   */
  static int size(CommandSpec spec, String option, int value) {
    try {
      return ImageRecipe.checkSize(option, value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The file, or an {@link IOException} naming it when it does not exist or is a folder. */
  static Path existingFile(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException(file + ": is a folder, expected a MetObjects.csv-format file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": no such file");
    }
    return file;
  }

  /** {@code prefer-columns} for {@code PREFER_COLUMNS}. */
  static String id(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant whose {@link #id} (or name) is {@code text}, case-insensitive; a usage error otherwise. */
  static <E extends Enum<E>> E parse(CommandSpec spec, String option, Class<E> type, String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    StringBuilder allowed = new StringBuilder();
    for (E value : type.getEnumConstants()) {
      if (id(value).equals(wanted)) {
        return value;
      }
      allowed.append(allowed.length() == 0 ? "" : ", ").append(id(value));
    }
    throw new ParameterException(
        spec.commandLine(), option + ": unknown value '" + text + "', expected one of " + allowed);
  }
}

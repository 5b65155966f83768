package io.github.metart.data.cache;

import io.github.metart.data.files.AtomicFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.data.files.JsonFiles;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.ResizeFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The files of a cache folder and the small JSON documents in it. */
final class CacheFiles {

  static final String FORMAT = "metart-image-cache/1";
  static final String RECIPE = "recipe.json";
  static final String INDEX = "index.csv";
  static final String SKIPPED = "skipped.csv";
  static final String DUPLICATES = "duplicates.csv";
  static final String QUALITY_JSON = "quality-report.json";
  static final String QUALITY_TEXT = "quality-report.txt";
  static final String COMPLETE = "complete.json";
  static final String LOCK = ".lock";

  static final ObjectMapper JSON = JsonFiles.mapper();

  private CacheFiles() {}

  static Path shard(Path dir, int shard) {
    return dir.resolve(String.format(Locale.ROOT, "shard-%05d.bin", shard));
  }

  /** The recipe and layout, written when a cache is created and checked whenever it is reused. */
  record Layout(ImageRecipe recipe, int imagesPerShard) {
    int imageBytes() {
      return recipe.imageBytes();
    }
  }

  /**
   * {@code recipe.json}, as written and read by Jackson: the recipe's values, plus the pixel layout and
   * image size spelled out for other readers of the shards.
   */
  record RecipeFile(
      String format,
      String key,
      int resizeTo,
      int cropTo,
      ResizeFilter filter,
      boolean subsampledReading,
      int recipeVersion,
      String pixelLayout,
      int imageBytes,
      int imagesPerShard) {}

  static void writeLayout(Path dir, Layout layout) throws IOException {
    ImageRecipe recipe = layout.recipe();
    RecipeFile file =
        new RecipeFile(
            FORMAT, recipe.key(), recipe.resizeTo(), recipe.cropTo(), recipe.filter(), recipe.subsampledReading(),
            ImageRecipe.VERSION, "uint8 RGB interleaved, row-major, " + recipe.cropTo() + "x" + recipe.cropTo(),
            recipe.imageBytes(), layout.imagesPerShard());
    writeAtomically(dir.resolve(RECIPE), JSON.writeValueAsBytes(file));
  }

  static Layout readLayout(Path dir) throws IOException {
    Path file = dir.resolve(RECIPE);
    if (!Files.isRegularFile(file)) {
      throw new java.io.FileNotFoundException(
          file + " is missing: " + dir + " is not a prepared image cache");
    }
    RecipeFile read;
    try {
      // the format and version first: a cache of another version may have other fields
      JsonNode tree = JSON.readTree(file.toFile());
      String format = tree == null ? null : tree.path("format").asText(null);
      if (!FORMAT.equals(format)) {
        throw new IOException(file + ": unknown cache format '" + format + "', expected " + FORMAT);
      }
      int version = tree.path("recipeVersion").asInt(-1);
      if (version != ImageRecipe.VERSION) {
        throw new IOException(
            file + ": a cache of recipe version " + version + ", this metart reads version "
                + ImageRecipe.VERSION + ": prepare the images again");
      }
      read = JSON.readerFor(RecipeFile.class)
          .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .readValue(tree);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": not a cache recipe (" + JsonFiles.problem(e) + ")", e);
    }
    if (read.imagesPerShard() <= 0) {
      throw new IOException(file + ": images per shard must be positive, got " + read.imagesPerShard());
    }
    try {
      return new Layout(new ImageRecipe(read.resizeTo(), read.cropTo(), read.filter(), read.subsampledReading()), read.imagesPerShard());
    } catch (NullPointerException | IllegalArgumentException e) {
      throw new IOException(file + ": malformed cache recipe (" + e.getMessage() + ")", e);
    }
  }

  /** Writes through a temporary file and a rename, so readers never see half a file ({@link AtomicFiles}). */
  static void writeAtomically(Path file, byte[] content) throws IOException {
    AtomicFiles.write(file, out -> out.write(content));
  }

}

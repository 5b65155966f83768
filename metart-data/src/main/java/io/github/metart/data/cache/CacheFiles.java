package io.github.metart.data.cache;

import io.github.metart.data.files.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.ResizeFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

  static void writeLayout(Path dir, Layout layout) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    ImageRecipe recipe = layout.recipe();
    node.put("format", FORMAT);
    node.put("key", recipe.key());
    node.put("resizeTo", recipe.resizeTo());
    node.put("cropTo", recipe.cropTo());
    node.put("filter", recipe.filter().name());
    node.put("subsampledReading", recipe.subsampledReading());
    node.put("recipeVersion", ImageRecipe.VERSION);
    node.put("pixelLayout", "uint8 RGB interleaved, row-major, " + recipe.cropTo() + "x" + recipe.cropTo());
    node.put("imageBytes", recipe.imageBytes());
    node.put("imagesPerShard", layout.imagesPerShard());
    writeAtomically(dir.resolve(RECIPE), JSON.writeValueAsBytes(node));
  }

  static Layout readLayout(Path dir) throws IOException {
    Path file = dir.resolve(RECIPE);
    if (!Files.isRegularFile(file)) {
      throw new java.io.FileNotFoundException(
          file + " is missing: " + dir + " is not a prepared image cache");
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (!FORMAT.equals(node.path("format").asText())) {
        throw new IOException(file + ": unknown cache format '" + node.path("format").asText() + "', expected " + FORMAT);
      }
      ImageRecipe recipe =
          new ImageRecipe(
              node.get("resizeTo").asInt(),
              node.get("cropTo").asInt(),
              ResizeFilter.valueOf(node.get("filter").asText()),
              node.get("subsampledReading").asBoolean());
      int perShard = node.get("imagesPerShard").asInt();
      int version = node.get("recipeVersion").asInt();
      if (version != ImageRecipe.VERSION) {
        throw new IOException(
            file + ": a cache of recipe version " + version + ", this metart reads version "
                + ImageRecipe.VERSION + ": prepare the images again");
      }
      if (perShard <= 0) {
        throw new IOException(file + ": images per shard must be positive, got " + perShard);
      }
      return new Layout(recipe, perShard);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": not a cache recipe (" + e.getOriginalMessage() + ")", e);
    } catch (NullPointerException | IllegalArgumentException e) {
      throw new IOException(file + ": malformed cache recipe (" + e.getMessage() + ")", e);
    }
  }

  /** Writes through a temporary file and a rename, so readers never see half a file ({@link AtomicFiles}). */
  static void writeAtomically(Path file, byte[] content) throws IOException {
    AtomicFiles.write(file, out -> out.write(content));
  }

}

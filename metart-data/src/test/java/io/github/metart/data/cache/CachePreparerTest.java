package io.github.metart.data.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImagePreprocessor;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.ImageSource;
import io.github.metart.data.images.RgbImage;
import io.github.metart.data.images.SampleData;
import io.github.metart.data.images.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachePreparerTest {

  private static final ImageRecipe RECIPE = ImageRecipe.of(40, 32);

  @TempDir Path dir;
  private Path images;

  @BeforeEach
  void createImages() throws IOException {
    images = Files.createDirectory(dir.resolve("images"));
  }

  private void writeGoodImages(int count) {
    for (int id = 1; id <= count; id++) {
      TestImages.jpeg(images.resolve(id + ".jpg"), TestImages.gradient(80 + id, 60 + 2 * id, id), id % 3 == 0);
    }
  }

  private CachePreparer.Builder preparer(Path root) {
    return CachePreparer.builder(RECIPE).root(root).threads(2).imagesPerShard(4);
  }

  private static List<Long> ids(int from, int to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  void preparesEveryFormatAndReportsWhatItSkipped() throws IOException {
    writeGoodImages(3);
    TestImages.cmykJpeg(images.resolve("4.jpg"), false);
    TestImages.cmykJpeg(images.resolve("5.jpg"), true);
    BufferedImage alpha = new BufferedImage(50, 40, BufferedImage.TYPE_INT_ARGB);
    TestImages.write(images.resolve("6.png"), alpha, "png");
    TestImages.write(images.resolve("7.tif"), TestImages.rgb16(60, 50, 1000, 40000, 65535), "tiff");
    TestImages.jpeg(images.resolve("8.jpg"), TestImages.grey8(64, 64, 100), false);
    TestImages.truncate(images.resolve("1.jpg"), images.resolve("9.jpg"), 0.4);
    Files.writeString(images.resolve("10.jpg"), "<html>rate limited</html>");
    TestImages.pngDeclaring(images.resolve("11.png"), 50_000, 50_000);
    // 12 has no file at all

    PreparationResult result =
        preparer(dir.resolve("cache")).maxPixels(100_000_000).build().prepare(ids(1, 12), FolderImageSource.open(images));

    QualityReport report = result.report();
    assertThat(result.directory()).isEqualTo(dir.resolve("cache").resolve(RECIPE.key()));
    assertThat(report.requested()).isEqualTo(12);
    assertThat(report.decoded()).isEqualTo(8);
    assertThat(report.skipped()).isEqualTo(4);
    assertThat(report.skippedByProblem())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("truncated", 1, "not an image", 1, "too large", 1, "no image", 1));
    assertThat(report.skippedImages()).extracting(SkippedImage::objectId).containsExactly(9L, 10L, 11L, 12L);
    assertThat(report.skippedImages().get(0).reason()).contains("9.jpg").contains("truncated");
    assertThat(report.skippedImages().get(3).reason()).isEqualTo("no image in " + FolderImageSource.open(images).describe());
    assertThat(report.formats()).containsEntry("jpeg", 6).containsEntry("png", 1).containsEntry("tiff", 1);
    assertThat(report.colorSpaces())
        .containsEntry("YCbCr", 3)
        .containsEntry("CMYK", 1)
        .containsEntry("YCCK", 1)
        .containsEntry("Gray", 1)
        .containsEntry("RGB+alpha", 1)
        .containsEntry("RGB", 1);
    assertThat(report.bitDepths()).containsEntry("8-bit", 7).containsEntry("16-bit", 1);
    assertThat(report.progressive()).isEqualTo(1);
    assertThat(report.sizes().minWidth()).isEqualTo(50);
    assertThat(report.toText(10)).contains("skipped object 11: " + images.resolve("11.png")).contains("colour spaces: CMYK 1");

    Path cacheDir = result.directory();
    assertThat(cacheDir.resolve("quality-report.txt")).exists();
    assertThat(Files.readString(cacheDir.resolve("skipped.csv"))).contains("10,not an image,");
    assertThat(cacheDir.resolve("shard-00000.bin")).hasSize(4L * RECIPE.imageBytes());
    assertThat(cacheDir.resolve("shard-00001.bin")).hasSize(4L * RECIPE.imageBytes());

    try (PreparedCache cache = result.open()) {
      assertThat(cache.size()).isEqualTo(8);
      assertThat(cache.recipe()).isEqualTo(RECIPE);
      assertThat(cache.contains(9)).isFalse();
      assertThat(cache.qualityReport()).isEqualTo(report);
      // what the cache stores is exactly what a predictor computes from the file
      ImagePreprocessor preprocessor = ImagePreprocessor.of(RECIPE);
      for (long id : List.of(1L, 2L, 3L, 4L, 5L, 7L, 8L)) {
        Path file = FolderImageSource.open(images).locate(id).orElseThrow();
        assertThat(cache.image(id).orElseThrow().pixels()).as("object %d", id).isEqualTo(preprocessor.prepare(file).pixels());
      }
      assertThat(cache.image(6).orElseThrow().rgb(5, 5)).isEqualTo(0xffffff); // transparent -> white
    }
  }

  @Test
  void orientedPhotographsAreStoredUprightAndCounted() throws IOException {
    BufferedImage stored = TestImages.quadrants(20, java.awt.Color.RED, java.awt.Color.GREEN, java.awt.Color.BLUE, java.awt.Color.WHITE);
    TestImages.jpeg(images.resolve("1.jpg"), stored, false);
    TestImages.jpegWithOrientation(images.resolve("2.jpg"), stored, 6, true);
    TestImages.jpegWithOrientation(images.resolve("3.jpg"), stored, 6, false);
    TestImages.jpegWithOrientation(images.resolve("4.jpg"), stored, 3, true);
    FolderImageSource source = FolderImageSource.open(images);

    PreparationResult result = preparer(dir.resolve("cache")).build().prepare(ids(1, 4), source);

    QualityReport report = result.report();
    assertThat(report.orientations())
        .containsExactlyInAnyOrderEntriesOf(Map.of("upright", 1, "rotate 90", 2, "rotate 180", 1));
    assertThat(report.toText(0)).contains("orientations: rotate 180 1, rotate 90 2, upright 1");
    try (PreparedCache cache = result.open()) {
      assertThat(cache.qualityReport()).isEqualTo(report);
      assertThat(cache.entry(2L).orElseThrow().original().orientation())
          .isEqualTo(io.github.metart.data.images.ImageOrientation.ROTATE_90);
      // stored 80x40 turned clockwise: blue (stored bottom-left) is now top-left, red top-right
      RgbImage upright = cache.image(2).orElseThrow();
      assertThat(channels(upright.rgb(4, 4))).as("blue at the top left").satisfies(c -> near(c, 0, 0, 255));
      assertThat(channels(upright.rgb(RECIPE.cropTo() - 5, 4))).as("red at the top right").satisfies(c -> near(c, 255, 0, 0));
      assertThat(cache.image(1).orElseThrow().pixels()).isNotEqualTo(upright.pixels());
    }
    // a preparation that reads the index back keeps the orientation of every entry
    try (PreparedCache reopened = PreparedCache.open(result.directory())) {
      assertThat(reopened.entries())
          .extracting(entry -> entry.original().orientation().tag())
          .containsExactlyInAnyOrder(1, 6, 6, 3);
    }
  }

  private static int[] channels(int rgb) {
    return new int[] {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff};
  }

  private static void near(int[] actual, int r, int g, int b) {
    assertThat(actual).hasSize(3);
    assertThat(Math.abs(actual[0] - r)).as("red %s", actual[0]).isLessThanOrEqualTo(30);
    assertThat(Math.abs(actual[1] - g)).as("green %s", actual[1]).isLessThanOrEqualTo(30);
    assertThat(Math.abs(actual[2] - b)).as("blue %s", actual[2]).isLessThanOrEqualTo(30);
  }

  @Test
  void aDifferentRecipeMakesANewCacheAndTheSameRecipeReusesIt() throws IOException {
    writeGoodImages(5);
    FolderImageSource source = FolderImageSource.open(images);
    Path root = dir.resolve("cache");

    PreparationResult first = preparer(root).build().prepare(ids(1, 5), source);
    PreparationResult again = preparer(root).build().prepare(ids(1, 5), source);
    PreparationResult other = CachePreparer.builder(ImageRecipe.of(32, 32)).root(root).build().prepare(ids(1, 5), source);

    assertThat(first.report().preparedNow()).isEqualTo(5);
    assertThat(again.report().preparedNow()).isZero();
    assertThat(again.report().reused()).isEqualTo(5);
    assertThat(other.directory()).isNotEqualTo(first.directory());
    assertThat(other.report().preparedNow()).isEqualTo(5);
    try (PreparedCache small = other.open()) {
      assertThat(small.imageSize()).isEqualTo(32);
    }
  }

  @Test
  void anInterruptedPreparationResumesToTheSameCache() throws IOException {
    writeGoodImages(12);
    FolderImageSource source = FolderImageSource.open(images);
    Path root = dir.resolve("interrupted");

    assertThatThrownBy(
            () ->
                preparer(root)
                    .progressInterval(Duration.ZERO)
                    .listener(
                        progress -> {
                          if (progress.processed() >= 5) {
                            throw new IllegalStateException("stop requested");
                          }
                        })
                    .build()
                    .prepare(ids(1, 12), source))
        .hasMessage("stop requested");
    Path cacheDir = root.resolve(RECIPE.key());
    assertThatThrownBy(() -> PreparedCache.open(cacheDir)).hasMessageContaining("incomplete");
    // a process killed mid-line leaves a torn index line behind
    Files.writeString(cacheDir.resolve("index.csv"), "99,7,00ff", StandardOpenOption.APPEND);

    List<PreparationProgress> seen = new ArrayList<>();
    PreparationResult resumed = preparer(root).listener(seen::add).build().prepare(ids(1, 12), source);
    PreparationResult fresh = preparer(dir.resolve("fresh")).build().prepare(ids(1, 12), source);

    assertThat(resumed.report().reused()).isGreaterThanOrEqualTo(5).isLessThan(12);
    assertThat(resumed.report().preparedNow()).isEqualTo(12 - resumed.report().reused());
    assertThat(seen.get(seen.size() - 1).done()).isEqualTo(12);
    try (PreparedCache a = resumed.open();
        PreparedCache b = fresh.open()) {
      assertThat(a.size()).isEqualTo(12);
      for (long id = 1; id <= 12; id++) {
        assertThat(a.image(id).orElseThrow().pixels()).isEqualTo(b.image(id).orElseThrow().pixels());
        assertThat(a.entry(id).orElseThrow().hash()).isEqualTo(b.entry(id).orElseThrow().hash());
      }
    }
  }

  @Test
  void aCacheBeingPreparedIsLocked() throws IOException {
    writeGoodImages(2);
    FolderImageSource source = FolderImageSource.open(images);
    Path root = dir.resolve("cache");
    AtomicReference<Throwable> second = new AtomicReference<>();

    preparer(root)
        .progressInterval(Duration.ZERO)
        .listener(
            progress -> {
              if (second.get() == null) {
                try {
                  preparer(root).build().prepare(ids(1, 2), source);
                  second.set(new AssertionError("a second preparation ran concurrently"));
                } catch (IOException e) {
                  second.set(e);
                }
              }
            })
        .build()
        .prepare(ids(1, 2), source);

    assertThat(second.get()).isInstanceOf(IOException.class).hasMessageContaining("is being prepared");
  }

  @Test
  void nearDuplicatesAreGrouped() throws IOException {
    BufferedImage painting = TestImages.gradient(300, 240, 7);
    java.awt.Graphics2D g = painting.createGraphics();
    g.setColor(java.awt.Color.BLACK);
    g.fillOval(60, 40, 120, 150);
    g.dispose();
    TestImages.jpeg(images.resolve("1.jpg"), painting, false);
    TestImages.write(images.resolve("2.png"), painting, "png"); // same painting, lossless copy
    BufferedImage smaller = new BufferedImage(150, 120, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D s = smaller.createGraphics();
    s.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    s.drawImage(painting, 0, 0, 150, 120, null);
    s.dispose();
    TestImages.jpeg(images.resolve("3.jpg"), smaller, true); // a smaller, progressive copy
    TestImages.jpeg(images.resolve("4.jpg"), TestImages.gradient(300, 240, 99), false);
    TestImages.jpeg(images.resolve("5.jpg"), TestImages.bands(30, 240, java.awt.Color.RED, java.awt.Color.BLUE), false);

    PreparationResult result = preparer(dir.resolve("cache")).build().prepare(ids(1, 5), FolderImageSource.open(images));

    assertThat(result.duplicates().groups()).containsExactly(List.of(1L, 2L, 3L));
    assertThat(result.report().duplicateGroups()).isEqualTo(1);
    assertThat(result.report().duplicateObjects()).isEqualTo(3);
    try (PreparedCache cache = result.open()) {
      assertThat(cache.duplicates()).isEqualTo(result.duplicates());
    }
  }

  @Test
  void sourceFailuresAreSkipsNotCrashes() throws IOException {
    writeGoodImages(2);
    FolderImageSource folder = FolderImageSource.open(images);
    ImageSource flaky =
        new ImageSource() {
          @Override
          public Optional<Path> locate(long objectId) throws IOException {
            if (objectId == 2) {
              throw new IOException("object 2: HTTP 503 after 5 attempts");
            }
            return folder.locate(objectId);
          }

          @Override
          public String describe() {
            return "flaky";
          }
        };

    PreparationResult result = preparer(dir.resolve("cache")).build().prepare(ids(1, 2), flaky);

    assertThat(result.report().decoded()).isEqualTo(1);
    assertThat(result.report().skippedImages())
        .containsExactly(new SkippedImage(2, "unavailable", "HTTP 503 after 5 attempts"));
  }

  @Test
  void realMetWebpImagesArePrepared() throws IOException {
    FolderImageSource source = FolderImageSource.open(SampleData.images());
    List<Long> some = source.objectIds().stream().limit(16).toList();

    PreparationResult result =
        CachePreparer.builder(ImageRecipe.of(32, 32)).root(dir.resolve("cache")).threads(2).build().prepare(some, source);

    assertThat(result.report().decoded()).isEqualTo(16);
    assertThat(result.report().formats()).containsOnlyKeys("webp");
    assertThat(result.report().sizes().maxWidth()).isLessThanOrEqualTo(640);
    try (PreparedCache cache = result.open()) {
      RgbImage first = cache.image(some.get(0)).orElseThrow();
      assertThat(first.width()).isEqualTo(32);
    }
  }

  @Test
  void openingSomethingElseSaysWhatIsWrong() throws IOException {
    assertThatThrownBy(() -> PreparedCache.open(dir)).hasMessageContaining("recipe.json is missing");
    Files.writeString(dir.resolve("recipe.json"), "{\"format\":\"other\"}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PreparedCache.open(dir)).hasMessageContaining("unknown cache format 'other'");
    Path recipe = dir.resolve("recipe.json");
    Files.writeString(recipe, "{ not json", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PreparedCache.open(dir))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(recipe + ": not a cache recipe (");
  }

  @Test
  void aRecipeFieldOfTheWrongTypeIsNamed() throws IOException {
    Path recipe = dir.resolve("recipe.json");
    Files.writeString(recipe, "{\"format\":\"metart-image-cache/1\",\"recipeVersion\":" + io.github.metart.data.images.ImageRecipe.VERSION
        + ",\"cropTo\":\"big\"}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PreparedCache.open(dir))
        .isInstanceOf(IOException.class)
        .hasMessage(recipe + ": not a cache recipe (field 'cropTo' must be an int)");
  }

  @Test
  void aCacheOfAnOlderRecipeVersionAsksToPrepareAgain() throws IOException {
    PreparationResult result =
        CachePreparer.builder(ImageRecipe.forInput(32)).root(dir.resolve("caches")).threads(1).build()
            .prepare(List.of(), FolderImageSource.open(Files.createDirectories(dir.resolve("none"))));
    Path recipe = result.directory().resolve("recipe.json");
    Files.writeString(
        recipe,
        Files.readString(recipe).replace("\"recipeVersion\" : " + ImageRecipe.VERSION, "\"recipeVersion\" : 1"));

    assertThatThrownBy(result::open)
        .hasMessage(recipe + ": a cache of recipe version 1, this metart reads version " + ImageRecipe.VERSION
            + ": prepare the images again");
  }
}

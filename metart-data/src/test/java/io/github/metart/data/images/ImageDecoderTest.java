package io.github.metart.data.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

  @TempDir Path dir;

  private final ImageDecoder decoder = ImageDecoder.defaults();

  private static final Color[] BANDS = {
    Color.RED, Color.GREEN, Color.BLUE, Color.WHITE, Color.BLACK, new Color(200, 120, 40)
  };

  /** Samples the middle of band {@code i} (each band 16 pixels wide) and compares its colour. */
  private static void assertBands(RgbImage image, int tolerance) {
    for (int i = 0; i < BANDS.length; i++) {
      assertColour(image, i * 16 + 8, image.height() / 2, BANDS[i].getRGB() & 0xffffff, tolerance);
    }
  }

  private static void assertColour(RgbImage image, int x, int y, int expected, int tolerance) {
    int actual = image.rgb(x, y);
    for (int shift = 16; shift >= 0; shift -= 8) {
      assertThat(actual >> shift & 0xff)
          .as("channel %d of pixel (%d,%d): expected %06x, got %06x", 2 - shift / 8, x, y, expected, actual)
          .isCloseTo(expected >> shift & 0xff, within(tolerance));
    }
  }

  @Test
  void baselineJpegDecodesWithItsColours() throws IOException {
    Path file = TestImages.jpeg(dir.resolve("1.jpg"), TestImages.bands(16, 16, BANDS), false);

    DecodedImage decoded = decoder.decode(file);

    assertThat(decoded.info()).isEqualTo(new ImageInfo("jpeg", 96, 16, "YCbCr", 8, false));
    assertThat(decoded.subsampling()).isEqualTo(1);
    assertBands(decoded.image(), 12);
  }

  @Test
  void progressiveJpegDecodesWithItsColours() throws IOException {
    Path file = TestImages.jpeg(dir.resolve("2.jpg"), TestImages.bands(16, 16, BANDS), true);

    DecodedImage decoded = decoder.decode(file);

    assertThat(decoded.info().progressive()).isTrue();
    assertThat(decoded.info().colorSpace()).isEqualTo("YCbCr");
    assertBands(decoded.image(), 12);
  }

  @Test
  void greyJpegBecomesEqualRedGreenBlue() throws IOException {
    Path file = TestImages.jpeg(dir.resolve("3.jpg"), TestImages.grey8(24, 24, 90), false);

    DecodedImage decoded = decoder.decode(file);

    assertThat(decoded.info().colorSpace()).isEqualTo("Gray");
    // grey samples are display values: replicated, not run through a linear-grey conversion
    assertColour(decoded.image(), 12, 12, 0x5a5a5a, 2);
  }

  @Test
  void cmykJpegHasTheRightColours() throws IOException {
    Path file = TestImages.cmykJpeg(dir.resolve("4.jpg"), false);

    DecodedImage decoded = decoder.decode(file);

    assertThat(decoded.info().colorSpace()).isEqualTo("CMYK");
    assertCmykPatches(decoded.image());
  }

  @Test
  void ycckJpegHasTheRightColours() throws IOException {
    Path file = TestImages.cmykJpeg(dir.resolve("5.jpg"), true);

    DecodedImage decoded = decoder.decode(file);

    assertThat(decoded.info().colorSpace()).isEqualTo("YCCK");
    assertCmykPatches(decoded.image());
  }

  /**
   * Cyan ink absorbs red, magenta absorbs green, yellow absorbs blue, black absorbs all, bare paper
   * reflects all: a decoder that ignores the Adobe inversion or the YCCK transform gets these wrong
   * (inverted or hue-shifted), whatever the exact profile.
   */
  private static void assertCmykPatches(RgbImage image) {
    int y = TestImages.PATCH / 2;
    int[] cyan = channels(image.rgb(TestImages.PATCH / 2, y));
    int[] magenta = channels(image.rgb(TestImages.PATCH * 3 / 2, y));
    int[] yellow = channels(image.rgb(TestImages.PATCH * 5 / 2, y));
    int[] black = channels(image.rgb(TestImages.PATCH * 7 / 2, y));
    int[] paper = channels(image.rgb(TestImages.PATCH * 9 / 2, y));
    assertThat(cyan[0]).as("cyan: red").isLessThan(60);
    assertThat(cyan[1]).as("cyan: green").isGreaterThan(120);
    assertThat(cyan[2]).as("cyan: blue").isGreaterThan(180);
    assertThat(magenta[1]).as("magenta: green").isLessThan(60);
    assertThat(magenta[0]).as("magenta: red").isGreaterThan(180);
    assertThat(magenta[2]).as("magenta: blue").isGreaterThan(100);
    assertThat(yellow[2]).as("yellow: blue").isLessThan(60);
    assertThat(yellow[0]).as("yellow: red").isGreaterThan(200);
    assertThat(yellow[1]).as("yellow: green").isGreaterThan(200);
    assertThat(java.util.Arrays.stream(black).max().getAsInt()).as("black").isLessThan(60);
    assertThat(java.util.Arrays.stream(paper).min().getAsInt()).as("paper").isGreaterThan(235);
  }

  private static int[] channels(int rgb) {
    return new int[] {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff};
  }

  @Test
  void pngWithAlphaIsCompositedOnWhite() throws IOException {
    BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, 0x80ff0000); // half-transparent red
    image.setRGB(1, 0, 0x00000000); // fully transparent black
    image.setRGB(2, 0, 0xff0000ff); // opaque blue
    Path file = TestImages.write(dir.resolve("6.png"), image, "png");

    DecodedImage decoded = decoder.decode(file);

    assertThat(decoded.info().colorSpace()).isEqualTo("RGB+alpha");
    assertColour(decoded.image(), 0, 0, 0xff7f7f, 1);
    assertColour(decoded.image(), 1, 0, 0xffffff, 0);
    assertColour(decoded.image(), 2, 0, 0x0000ff, 0);
  }

  @Test
  void palettePngWithTransparencyIsCompositedOnWhite() throws IOException {
    java.awt.image.IndexColorModel palette =
        new java.awt.image.IndexColorModel(
            8, 2, new byte[] {0, (byte) 255}, new byte[] {0, 0}, new byte[] {0, 0}, new byte[] {0, (byte) 255});
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
    image.getRaster().setSample(0, 0, 0, 0);
    image.getRaster().setSample(1, 0, 0, 1);
    Path file = TestImages.write(dir.resolve("7.png"), image, "png");

    DecodedImage decoded = decoder.decode(file);

    assertColour(decoded.image(), 0, 0, 0xffffff, 0);
    assertColour(decoded.image(), 1, 0, 0xff0000, 0);
  }

  @Test
  void sixteenBitPngIsScaledToEightBits() throws IOException {
    Path rgb = TestImages.write(dir.resolve("8.png"), TestImages.rgb16(4, 4, 0xffff, 0x8080, 0x0101), "png");
    Path grey = TestImages.write(dir.resolve("9.png"), TestImages.grey16(4, 4, 0x4040), "png");

    DecodedImage decodedRgb = decoder.decode(rgb);
    DecodedImage decodedGrey = decoder.decode(grey);

    assertThat(decodedRgb.info().bitsPerSample()).isEqualTo(16);
    assertColour(decodedRgb.image(), 1, 1, 0xff8001, 0);
    assertThat(decodedGrey.info().colorSpace()).isEqualTo("Gray");
    assertThat(decodedGrey.info().bitsPerSample()).isEqualTo(16);
    assertColour(decodedGrey.image(), 2, 2, 0x404040, 0);
  }

  @Test
  void tiffDecodesIn8And16Bits() throws IOException {
    Path tiff8 = TestImages.write(dir.resolve("10.tif"), TestImages.bands(16, 16, BANDS), "tiff");
    Path tiff16 = TestImages.write(dir.resolve("11.tiff"), TestImages.rgb16(8, 8, 0, 0xffff, 0x8080), "tiff");

    DecodedImage decoded8 = decoder.decode(tiff8);
    DecodedImage decoded16 = decoder.decode(tiff16);

    assertThat(decoded8.info().format()).isEqualTo("tiff");
    assertBands(decoded8.image(), 0);
    assertThat(decoded16.info().bitsPerSample()).isEqualTo(16);
    assertColour(decoded16.image(), 4, 4, 0x00ff80, 0);
  }

  @Test
  void realMetWebpImagesDecodeAtTheirListedSizes() throws IOException {
    Path images = SampleData.images();
    Map<Long, int[]> sizes = SampleData.imageSizes();
    int checked = 0;
    for (Map.Entry<Long, int[]> entry : sizes.entrySet()) {
      if (checked++ % 40 != 0) {
        continue; // every 40th keeps this test quick; the cache test prepares all 400
      }
      DecodedImage decoded = decoder.decode(images.resolve(entry.getKey() + ".webp"));
      assertThat(decoded.info().format()).isEqualTo("webp");
      assertThat(decoded.image().width()).isEqualTo(entry.getValue()[0]);
      assertThat(decoded.image().height()).isEqualTo(entry.getValue()[1]);
      assertThat(distinctColours(decoded.image())).as("object %s", entry.getKey()).isGreaterThan(50);
    }
    assertThat(checked).isEqualTo(400);
  }

  private static long distinctColours(RgbImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.height(); y += 7) {
      for (int x = 0; x < image.width(); x += 7) {
        colours.add(image.rgb(x, y));
      }
    }
    return colours.size();
  }

  @Test
  void largeJpegIsReadSubsampledWhenTheTargetIsSmall() throws IOException {
    Path file = TestImages.jpeg(dir.resolve("12.jpg"), TestImages.gradient(1600, 1200, 1), false);

    DecodedImage small = decoder.decode(file, 100);
    DecodedImage full = ImageDecoder.builder().subsampledReading(false).build().decode(file, 100);

    assertThat(small.subsampling()).isEqualTo(6); // 1200 / (2 * 100)
    assertThat(small.image().width()).isEqualTo(267); // ceil(1600 / 6)
    assertThat(small.image().height()).isEqualTo(200);
    assertThat(small.info().width()).isEqualTo(1600);
    assertThat(full.subsampling()).isEqualTo(1);
    assertThat(full.image().width()).isEqualTo(1600);
    assertThat(decoder.decode(file, 700).subsampling()).isEqualTo(1);
  }

  /** Stored quadrants: red top-left, green top-right, blue bottom-left, white bottom-right. */
  private static BufferedImage storedQuadrants(int side) {
    return TestImages.quadrants(side, Color.RED, Color.GREEN, Color.BLUE, Color.WHITE);
  }

  /**
   * Checks the colour at the middle of each quadrant of the upright image (top-left, top-right,
   * bottom-left, bottom-right).
   */
  private static void assertQuadrants(RgbImage image, Color... expected) {
    int w = image.width();
    int h = image.height();
    int[][] centres = {{w / 4, h / 4}, {3 * w / 4, h / 4}, {w / 4, 3 * h / 4}, {3 * w / 4, 3 * h / 4}};
    for (int i = 0; i < 4; i++) {
      assertColour(image, centres[i][0], centres[i][1], expected[i].getRGB() & 0xffffff, 24);
    }
  }

  @Test
  void exifOrientationTurnsJpegPixelsUpright() throws IOException {
    // stored 64x32; the expected upright layouts follow the EXIF definitions of the tag
    Path upright = TestImages.jpegWithOrientation(dir.resolve("o1.jpg"), storedQuadrants(16), 1, true);
    Path absent = TestImages.jpeg(dir.resolve("o0.jpg"), storedQuadrants(16), false);
    Path rotate180 = TestImages.jpegWithOrientation(dir.resolve("o3.jpg"), storedQuadrants(16), 3, true);
    Path rotate90 = TestImages.jpegWithOrientation(dir.resolve("o6.jpg"), storedQuadrants(16), 6, false);
    Path rotate270 = TestImages.jpegWithOrientation(dir.resolve("o8.jpg"), storedQuadrants(16), 8, true);

    for (Path file : new Path[] {upright, absent}) {
      DecodedImage decoded = decoder.decode(file);
      assertThat(decoded.info().orientation()).isEqualTo(ImageOrientation.NORMAL);
      assertThat(decoded.image().width()).isEqualTo(64);
      assertThat(decoded.image().height()).isEqualTo(32);
      assertQuadrants(decoded.image(), Color.RED, Color.GREEN, Color.BLUE, Color.WHITE);
    }

    DecodedImage turned = decoder.decode(rotate180);
    assertThat(turned.info().orientation()).isEqualTo(ImageOrientation.ROTATE_180);
    assertThat(turned.image().width()).isEqualTo(64);
    assertQuadrants(turned.image(), Color.WHITE, Color.BLUE, Color.GREEN, Color.RED);

    // 6: the camera was turned clockwise; the stored left column becomes the top row
    DecodedImage right = decoder.decode(rotate90);
    assertThat(right.info().orientation()).isEqualTo(ImageOrientation.ROTATE_90);
    assertThat(right.info().width()).isEqualTo(64); // declared, as stored
    assertThat(right.info().uprightWidth()).isEqualTo(32);
    assertThat(right.image().width()).isEqualTo(32);
    assertThat(right.image().height()).isEqualTo(64);
    assertQuadrants(right.image(), Color.BLUE, Color.RED, Color.WHITE, Color.GREEN);

    // 8: the stored right column becomes the top row
    DecodedImage left = decoder.decode(rotate270);
    assertThat(left.info().orientation()).isEqualTo(ImageOrientation.ROTATE_270);
    assertThat(left.image().width()).isEqualTo(32);
    assertThat(left.image().height()).isEqualTo(64);
    assertQuadrants(left.image(), Color.GREEN, Color.WHITE, Color.RED, Color.BLUE);

    assertThat(decoder.probe(rotate90).orientation()).isEqualTo(ImageOrientation.ROTATE_90);
  }

  @Test
  void tiffOrientationTagTurnsPixelsUpright() throws IOException {
    Path file = TestImages.tiffWithOrientation(dir.resolve("o6.tif"), storedQuadrants(8), 6);

    DecodedImage decoded = decoder.decode(file);

    assertThat(decoded.info().format()).isEqualTo("tiff");
    assertThat(decoded.info().orientation()).isEqualTo(ImageOrientation.ROTATE_90);
    assertThat(decoded.image().width()).isEqualTo(16);
    assertThat(decoded.image().height()).isEqualTo(32);
    assertQuadrants(decoded.image(), Color.BLUE, Color.RED, Color.WHITE, Color.GREEN);
  }

  @Test
  void webpExifOrientationTurnsPixelsUpright() throws IOException {
    Path images = SampleData.images();
    Map.Entry<Long, int[]> sample = SampleData.imageSizes().entrySet().iterator().next();
    int w = sample.getValue()[0];
    int h = sample.getValue()[1];
    Path original = images.resolve(sample.getKey() + ".webp");
    Path oriented = TestImages.webpWithOrientation(original, dir.resolve("o6.webp"), w, h, 6);

    RgbImage stored = decoder.decode(original).image();
    DecodedImage upright = decoder.decode(oriented);

    assertThat(upright.info().orientation()).isEqualTo(ImageOrientation.ROTATE_90);
    assertThat(upright.image().width()).isEqualTo(h);
    assertThat(upright.image().height()).isEqualTo(w);
    // turned clockwise: upright (x, y) shows stored (y, h - 1 - x)
    for (int y = 0; y < w; y += 17) {
      for (int x = 0; x < h; x += 13) {
        assertThat(upright.image().rgb(x, y)).as("(%d,%d)", x, y).isEqualTo(stored.rgb(y, h - 1 - x));
      }
    }
  }

  @Test
  void orientationIsAppliedAfterSubsampledReading() throws IOException {
    Path file = TestImages.jpegWithOrientation(dir.resolve("o6big.jpg"), storedQuadrants(400), 6, true);

    DecodedImage small = decoder.decode(file, 100); // 1600x800 stored, read every 4th pixel

    assertThat(small.subsampling()).isEqualTo(4);
    assertThat(small.image().width()).isEqualTo(200);
    assertThat(small.image().height()).isEqualTo(400);
    assertQuadrants(small.image(), Color.BLUE, Color.RED, Color.WHITE, Color.GREEN);
  }

  @Test
  void orientationDoesNotChangeThePixelLimit() throws IOException {
    // the limit is on the area, which a quarter turn keeps
    Path file = TestImages.jpegWithOrientation(dir.resolve("o8limit.jpg"), storedQuadrants(16), 8, true);

    assertThat(ImageDecoder.builder().maxPixels(64 * 32).build().decode(file).image().height()).isEqualTo(64);
    assertProblem(
        () -> ImageDecoder.builder().maxPixels(64 * 32 - 1).build().decode(file),
        DecodeProblem.TOO_LARGE,
        "o8limit.jpg",
        "64x32");
  }

  @Test
  void everyOrientationMovesPixelsAsTheExifTagDefines() {
    // a 3x2 stored image with distinct values; the expected upright rows are written out by hand
    BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
    int[][] values = {{1, 2, 3}, {4, 5, 6}};
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        stored.getRaster().setSample(x, y, 0, values[y][x]);
      }
    }
    Map<ImageOrientation, int[][]> expected =
        Map.of(
            ImageOrientation.NORMAL, new int[][] {{1, 2, 3}, {4, 5, 6}},
            ImageOrientation.FLIP_HORIZONTAL, new int[][] {{3, 2, 1}, {6, 5, 4}},
            ImageOrientation.ROTATE_180, new int[][] {{6, 5, 4}, {3, 2, 1}},
            ImageOrientation.FLIP_VERTICAL, new int[][] {{4, 5, 6}, {1, 2, 3}},
            ImageOrientation.TRANSPOSE, new int[][] {{1, 4}, {2, 5}, {3, 6}},
            ImageOrientation.ROTATE_90, new int[][] {{4, 1}, {5, 2}, {6, 3}},
            ImageOrientation.TRANSVERSE, new int[][] {{6, 3}, {5, 2}, {4, 1}},
            ImageOrientation.ROTATE_270, new int[][] {{3, 6}, {2, 5}, {1, 4}});
    for (ImageOrientation orientation : ImageOrientation.values()) {
      BufferedImage upright = orientation.apply(stored);
      int[][] rows = expected.get(orientation);
      assertThat(upright.getHeight()).as("%s height", orientation).isEqualTo(rows.length);
      assertThat(upright.getWidth()).as("%s width", orientation).isEqualTo(rows[0].length);
      for (int y = 0; y < rows.length; y++) {
        for (int x = 0; x < rows[0].length; x++) {
          assertThat(upright.getRaster().getSample(x, y, 0)).as("%s at (%d,%d)", orientation, x, y).isEqualTo(rows[y][x]);
        }
      }
      assertThat(ImageOrientation.ofTag(orientation.tag())).isEqualTo(orientation);
    }
    assertThat(ImageOrientation.ofTag(0)).isEqualTo(ImageOrientation.NORMAL);
    assertThat(ImageOrientation.ofTag(9)).isEqualTo(ImageOrientation.NORMAL);
  }

  @Test
  void decompressionBombIsRefusedFromItsDeclaredSize() {
    Path file = TestImages.pngDeclaring(dir.resolve("13.png"), 100_000, 100_000);

    assertProblem(() -> decoder.decode(file), DecodeProblem.TOO_LARGE, "13.png", "100000x100000");
    assertProblem(() -> decoder.probe(file), DecodeProblem.TOO_LARGE, "13.png", "limit");
  }

  @Test
  void limitIsConfigurable() {
    Path file = TestImages.jpeg(dir.resolve("14.jpg"), TestImages.gradient(64, 64, 2), false);
    ImageDecoder strict = ImageDecoder.builder().maxPixels(4000).build();

    assertProblem(() -> strict.decode(file), DecodeProblem.TOO_LARGE, "14.jpg", "4,000");
  }

  @Test
  void truncatedFilesAreSkippedWithAReason() {
    Path jpeg = TestImages.jpeg(dir.resolve("full.jpg"), TestImages.gradient(300, 200, 3), false);
    Path progressive = TestImages.jpeg(dir.resolve("fullp.jpg"), TestImages.gradient(300, 200, 4), true);
    Path png = TestImages.write(dir.resolve("full.png"), TestImages.gradient(300, 200, 5), "png");

    Path cutJpeg = TestImages.truncate(jpeg, dir.resolve("15.jpg"), 0.5);
    Path cutProgressive = TestImages.truncate(progressive, dir.resolve("16.jpg"), 0.5);
    Path cutPng = TestImages.truncate(png, dir.resolve("17.png"), 0.5);

    assertProblem(() -> decoder.decode(cutJpeg), DecodeProblem.TRUNCATED, "15.jpg", "");
    assertProblem(() -> decoder.decode(cutProgressive), DecodeProblem.TRUNCATED, "16.jpg", "");
    assertProblem(() -> decoder.decode(cutPng), DecodeProblem.TRUNCATED, "17.png", "");
  }

  @Test
  void truncatedRealWebpIsSkipped() throws IOException {
    Path source = SampleData.images().resolve("10194.webp");
    Path cut = TestImages.truncate(source, dir.resolve("10194.webp"), 0.5);

    assertProblem(() -> decoder.decode(cut), DecodeProblem.TRUNCATED, "10194.webp", "");
  }

  @Test
  void corruptAndNonImageFilesAreSkippedWithAReason() throws IOException {
    Path jpeg = TestImages.jpeg(dir.resolve("ok.jpg"), TestImages.gradient(200, 200, 6), false);
    byte[] data = Files.readAllBytes(jpeg);
    for (int i = 700; i < data.length - 2; i++) {
      data[i] = (byte) (i * 31);
    }
    Path corrupt = Files.write(dir.resolve("18.jpg"), data);
    Path html =
        Files.writeString(
            dir.resolve("19.jpg"), "<!DOCTYPE html><html><body>Too many requests</body></html>");
    Path empty = Files.write(dir.resolve("20.jpg"), new byte[0]);
    Path jp2 =
        Files.write(
            dir.resolve("21.jpg"), new byte[] {0, 0, 0, 12, 0x6A, 0x50, 0x20, 0x20, 13, 10, -121, 10, 0, 0, 0, 0});

    assertProblem(() -> decoder.decode(corrupt), DecodeProblem.CORRUPT, "18.jpg", "");
    assertProblem(() -> decoder.decode(html), DecodeProblem.NOT_AN_IMAGE, "19.jpg", "HTML");
    assertProblem(() -> decoder.decode(empty), DecodeProblem.EMPTY, "20.jpg", "");
    assertProblem(() -> decoder.decode(jp2), DecodeProblem.UNSUPPORTED, "21.jpg", "JPEG 2000");
    assertProblem(() -> decoder.decode(dir.resolve("22.jpg")), DecodeProblem.UNREADABLE, "22.jpg", "no such file");
    assertProblem(
        () -> decoder.decode("plain text".getBytes(StandardCharsets.UTF_8), "object 23", 0),
        DecodeProblem.NOT_AN_IMAGE,
        "object 23",
        "");
  }

  private static void assertProblem(
      ThrowingCallable call, DecodeProblem problem, String file, String detail) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ImageDecodeException.class,
            e -> {
              assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem);
              assertThat(e.getMessage()).contains(file).contains(problem.label()).contains(detail);
              assertThat(e.getMessage()).doesNotContain("\n");
            });
  }

  @Test
  void bytesInMemoryDecodeLikeFiles() throws IOException {
    Path file = TestImages.jpeg(dir.resolve("24.jpg"), TestImages.bands(16, 16, BANDS), false);

    DecodedImage fromBytes = decoder.decode(Files.readAllBytes(file), "object 24", 0);

    assertThat(fromBytes.image().pixels()).isEqualTo(decoder.decode(file).image().pixels());
  }
}

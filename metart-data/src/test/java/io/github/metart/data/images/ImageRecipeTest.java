package io.github.metart.data.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageRecipeTest {

  @Test
  void shorterSideIsResizedAndTheCenterSquareKept() {
    // 300x200: a 100-pixel blue square in the middle of red; resized so 200 -> 40: 60x40, crop 40
    BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 300, 200);
    g.setColor(Color.BLUE);
    g.fillRect(100, 50, 100, 100);
    g.dispose();

    RgbImage out = ImageRecipe.of(40, 40).apply(RgbImage.from(image));

    assertThat(out.width()).isEqualTo(40);
    assertThat(out.height()).isEqualTo(40);
    assertThat(out.rgb(20, 20)).isEqualTo(0x0000ff);
    assertThat(out.rgb(1, 20)).isEqualTo(0xff0000); // the red margins of the 60-wide resize
    assertThat(out.rgb(20, 1)).isEqualTo(0xff0000);
    // the square spans 100..200 of 300 -> 20..40 of 60 -> 10..30 after cropping 10 on each side
    assertThat(out.rgb(9, 20) >> 16 & 0xff).isGreaterThan(200);
    assertThat(out.rgb(11, 20) & 0xff).isGreaterThan(200);
  }

  @Test
  void portraitImagesAreCroppedVertically() {
    RgbImage tall = RgbImage.from(TestImages.bands(10, 400, Color.GREEN));

    RgbImage out = ImageRecipe.of(40, 32).apply(tall);

    assertThat(out.width()).isEqualTo(32);
    assertThat(out.height()).isEqualTo(32);
    assertThat(out.rgb(0, 0)).isEqualTo(0x00ff00);
  }

  @Test
  void shrinkingAveragesInsteadOfAliasing() {
    // a one-pixel black/white checkerboard must become mid-grey, not black, white or stripes
    BufferedImage board = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        board.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0);
      }
    }
    for (ResizeFilter filter : ResizeFilter.values()) {
      RgbImage out = new ImageRecipe(37, 37, filter, true).apply(RgbImage.from(board));
      for (int y = 2; y < 35; y += 5) {
        for (int x = 2; x < 35; x += 5) {
          assertThat(out.rgb(x, y) & 0xff).as("%s at (%d,%d)", filter, x, y).isCloseTo(128, within(12));
        }
      }
    }
  }

  @Test
  void uniformImagesStayUniformAtAnyScale() {
    // down by 3 and 1.7, up by 1.7 and 3, into stored squares the bounds allow
    RgbImage grey = RgbImage.from(TestImages.bands(100, 170, new Color(77, 150, 201)));
    for (ResizeFilter filter : ResizeFilter.values()) {
      for (int size : new int[] {32, 60, 170, 300}) {
        RgbImage out = new ImageRecipe(size, size, filter, true).apply(grey);
        for (int i = 0; i < out.pixels().length; i += 3) {
          assertThat(out.rgb(i / 3 % size, i / 3 / size)).as("%s %d", filter, size).isEqualTo(0x4d96c9);
        }
      }
    }
  }

  @Test
  void keyNamesEveryRecipeDifferently() {
    assertThat(ImageRecipe.of(256, 224).key()).isEqualTo("r256-c224-bilinear-sub-v2");
    assertThat(ImageRecipe.forInput(224)).isEqualTo(ImageRecipe.of(256, 256));
    assertThat(ImageRecipe.of(256, 256).key())
        .isNotEqualTo(ImageRecipe.of(128, 128).key())
        .isNotEqualTo(ImageRecipe.of(256, 256).withFilter(ResizeFilter.LANCZOS3).key())
        .isNotEqualTo(ImageRecipe.of(256, 256).withSubsampledReading(false).key());
    assertThat(ImageRecipe.of(256, 256).imageBytes()).isEqualTo(196_608);
  }

  @Test
  void invalidRecipesAreRefusedWithTheAllowedRange() {
    assertThatThrownBy(() -> ImageRecipe.of(100, 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resizeTo must be between cropTo (200)");
    assertThatThrownBy(() -> ImageRecipe.of(5000, 5000))
        .hasMessage("cropTo must be between 32 and 4096 px, got 5000");
    assertThatThrownBy(() -> ImageRecipe.of(24, 24))
        .hasMessage("cropTo must be between 32 and 4096 px, got 24");
    assertThatThrownBy(() -> ImageRecipe.of(5000, 4096))
        .hasMessage("resizeTo must be between cropTo (4096) and 4096 px, got 5000");
    assertThat(ImageRecipe.of(4096, 4096).cropTo()).isEqualTo(ImageRecipe.MAX_SIZE);
    assertThat(ImageRecipe.forInput(32).cropTo()).isEqualTo(37);
    assertThat(ImageRecipe.forInput(3584).cropTo()).isEqualTo(ImageRecipe.MAX_SIZE);
    assertThatThrownBy(() -> ImageRecipe.forInput(16))
        .hasMessage("inputSize must be between 32 and 4096 px, got 16");
    assertThatThrownBy(() -> ImageRecipe.forInput(4000))
        .hasMessage("an input of 4000 px needs a stored square of 4571 px (input * 256 / 224), more than 4096 px");
  }

  @Test
  void decodedRastersReadInPlaceGiveTheSamePixelsAsConvertedOnes() {
    BufferedImage rgb = TestImages.painting(97, 61, 3);
    for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB}) {
      BufferedImage image = new BufferedImage(97, 61, type);
      Graphics2D g = image.createGraphics();
      g.drawImage(rgb, 0, 0, null);
      g.dispose();
      ImageRecipe recipe = ImageRecipe.of(40, 32);

      assertThat(recipe.apply(image).pixels()).as("type %d", type).isEqualTo(recipe.apply(RgbImage.from(image)).pixels());
    }
    // a sub-image shares its parent's raster with an offset
    BufferedImage parent = new BufferedImage(120, 90, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = parent.createGraphics();
    g.drawImage(rgb, 11, 7, null);
    g.dispose();
    BufferedImage child = parent.getSubimage(11, 7, 97, 61);
    assertThat(ImageRecipe.of(40, 32).apply(child).pixels())
        .isEqualTo(ImageRecipe.of(40, 32).apply(RgbImage.from(child)).pixels());
  }
}

package io.github.metart.data.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderImageSourceTest {

  @TempDir Path dir;

  @Test
  void findsImagesNamedByObjectId() throws IOException {
    for (String name :
        new String[] {"12.jpg", "13.JPEG", "14.webp", "15.tif", "12.png", "16.txt", "a17.jpg", "-18.jpg",
          ".jpg", "19", "1234567890123456789012.jpg"}) {
      Files.write(dir.resolve(name), new byte[] {1});
    }
    Files.createDirectory(dir.resolve("20.jpg"));

    FolderImageSource source = FolderImageSource.open(dir);

    assertThat(source.objectIds()).containsExactly(12L, 13L, 14L, 15L);
    assertThat(source.locate(12)).contains(dir.resolve("12.jpg")); // jpg preferred to png
    assertThat(source.locate(13)).contains(dir.resolve("13.JPEG"));
    assertThat(source.locate(99)).isEmpty();
    assertThat(source.ignoredEntries()).isEqualTo(7);
    assertThat(source.describe()).contains(dir.toString()).contains("4 images");
  }

  @Test
  void aNameWithALeadingZeroDoesNotStandInForTheObjectsImage() throws IOException {
    Files.write(dir.resolve("10808.webp"), new byte[] {1});
    Files.write(dir.resolve("010808.png"), new byte[] {1});
    Files.write(dir.resolve("0.jpg"), new byte[] {1});

    FolderImageSource source = FolderImageSource.open(dir);

    assertThat(source.objectIds()).containsExactlyInAnyOrder(10808L, 0L);
    assertThat(source.locate(10808)).contains(dir.resolve("10808.webp"));
  }

  @Test
  void aLinkOutOfTheFolderIsNotFollowed() throws IOException {
    Path outside = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0");
    Path images = Files.createDirectories(dir.resolve("images"));
    Files.write(images.resolve("1.jpg"), new byte[] {1});
    Files.createSymbolicLink(images.resolve("2.jpg"), outside);
    Files.createSymbolicLink(images.resolve("3.jpg"), images.resolve("1.jpg")); // inside: fine

    FolderImageSource source = FolderImageSource.open(images);

    assertThat(source.objectIds()).containsExactlyInAnyOrder(1L, 3L);
    assertThat(source.locate(2)).isEmpty();
  }

  @Test
  void aMissingFolderIsNamed() {
    assertThatThrownBy(() -> FolderImageSource.open(dir.resolve("nope")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void realSampleFolderHasItsFourHundredImages() throws IOException {
    FolderImageSource source = FolderImageSource.open(SampleData.images());

    assertThat(source.size()).isEqualTo(400);
    assertThat(source.locate(10194)).isPresent();
  }
}

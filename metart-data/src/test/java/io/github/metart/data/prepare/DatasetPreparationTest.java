package io.github.metart.data.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.Manifest;
import io.github.metart.data.dataset.MetDataset;
import io.github.metart.data.dataset.Split;
import io.github.metart.data.files.FolderLock;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.testing.MetSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole preparation as one library call, on the real Met sample (rows and images). */
class DatasetPreparationTest {

  @TempDir Path dir;

  private static DatasetPreparation.Builder yearsWithImages(Path folder) {
    return DatasetPreparation.builder(MetDataset.fromCsv(MetSample.objectsCsv()).year(1500, 1900).binWidth(100).seed(5)
                // the sample's smaller departments: about 60 images, so the test stays quick
                .departments(List.of("The American Wing", "European Sculpture and Decorative Arts", "Robert Lehman Collection")),
            folder)
        .images(MetSample.dir().resolve("images"), CachePreparer.builder(ImageRecipe.forInput(32)).threads(1));
  }

  @Test
  void preparesSplitsManifestReportAndCacheFromTheSampleImages() throws IOException {
    Path folder = dir.resolve("prepared");

    PreparedDataset prepared = yearsWithImages(folder).build().run();

    Manifest manifest = prepared.manifest();
    assertThat(manifest.total()).isGreaterThan(30);
    assertThat(manifest.imagesSection()).isPresent();
    // every object of every split has an image in the cache: the splits were built from usable images
    assertThat(manifest.imagesSection().get().prepared()).isEqualTo(manifest.total());
    assertThat(DatasetSplits.read(folder).manifest().splitHash()).isEqualTo(manifest.splitHash());
    assertThat(Files.readString(folder.resolve(DatasetSplits.REPORT_TXT))).contains("images\n").contains("quality report: ");
    assertThat(prepared.summary().get(0))
        .startsWith("prepared year dataset: " + manifest.total() + " objects (train " + manifest.total(Split.TRAIN));
    assertThat(prepared.removedCaches()).isEmpty();

    // the same call again gives the same splits and keeps the cache
    PreparedDataset again = yearsWithImages(folder).build().run();
    assertThat(again.manifest().splitHash()).isEqualTo(manifest.splitHash());
    assertThat(again.removedCaches()).isEmpty();
  }

  @Test
  void aSecondProcessPreparingTheSameFolderIsRefusedNamingTheHolder() throws IOException {
    MetSample.dir(); // skips without the sample, before the refusal is looked for
    Path folder = Files.createDirectories(dir.resolve("busy"));
    try (FolderLock held = FolderLock.acquire(folder, "preparing a dataset")) {
      assertThatThrownBy(() -> yearsWithImages(folder).build().run())
          .isInstanceOf(FolderLock.FolderInUseException.class)
          .hasMessageContaining(folder + " is in use: preparing a dataset by process")
          .hasMessageContaining(String.valueOf(ProcessHandle.current().pid()));
    }
    assertThat(folder.resolve(Manifest.FILE_NAME)).doesNotExist();
  }

  @Test
  void aFolderHoldingOtherFilesOrAMissingImagesFolderIsRefused() throws IOException {
    MetSample.dir(); // skips without the sample, before the refusal is looked for
    Path folder = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(folder.resolve("notes.txt"), "my notes");
    assertThatThrownBy(() -> yearsWithImages(folder).build().run())
        .hasMessage(folder + ": is not empty and holds no manifest.json: choose an empty or new folder");
    assertThat(folder.resolve("notes.txt")).hasContent("my notes");

    Path missing = dir.resolve("no-images");
    assertThatThrownBy(
            () -> DatasetPreparation.builder(MetDataset.fromCsv(MetSample.objectsCsv()).year(1500, 1900), dir.resolve("out"))
                .images(missing, ImageRecipe.forInput(32)).build().run())
        .hasMessage(missing + ": no such folder (expected images named <objectId>.<ext>)");
  }
}

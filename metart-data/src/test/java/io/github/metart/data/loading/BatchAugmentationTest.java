package io.github.metart.data.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.Normalization;
import io.github.metart.data.images.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies, erasing, mixup and CutMix as the dataset applies them. */
class BatchAugmentationTest {

  private static final ImageRecipe RECIPE = ImageRecipe.of(40, 40);
  private static final int INPUT = 32;
  private static final int COUNT = 8;

  @TempDir static Path dir;
  private static PreparedCache cache;
  private static List<ImageExample> examples;
  private static NDManager manager;

  @BeforeAll
  static void prepareCache() throws IOException {
    Path images = Files.createDirectory(dir.resolve("images"));
    for (int id = 1; id <= COUNT; id++) {
      TestImages.jpeg(images.resolve((100 + id) + ".jpg"), TestImages.gradient(60 + id, 50 + id, id), false);
    }
    List<Long> ids = LongStream.rangeClosed(101, 100 + COUNT).boxed().toList();
    cache =
        CachePreparer.builder(RECIPE).root(dir.resolve("cache")).threads(2).build()
            .prepare(ids, FolderImageSource.open(images)).open();
    examples = new ArrayList<>();
    for (long id : ids) {
      examples.add(new ImageExample(id, id - 101));
    }
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
    cache.close();
  }

  private static CachedImageDataset dataset(Augmentation augmentation, long seed) {
    return CachedImageDataset.builder()
        .cache(cache)
        .examples(examples)
        .inputSize(INPUT)
        .seed(seed)
        .augmentation(augmentation)
        .setSampling(4, false)
        .optPrefetchNumber(0)
        .build();
  }

  private static float[] record(CachedImageDataset data, long index) {
    try (NDManager scope = manager.newSubManager()) {
      return data.get(scope, index).getData().singletonOrThrow().toFloatArray();
    }
  }

  @Test
  void policiesAndErasingAreDrawnFromSeedEpochAndIndexAndStayInRange() {
    Augmentation[] augmentations = {
      Augmentation.cropAndFlip().withPolicy(AugmentPolicy.trivialWide()),
      Augmentation.standard().withPolicy(AugmentPolicy.randAugment(2, 9)),
      Augmentation.NONE.withErasing(1f)
    };
    CachedImageDataset plain = dataset(Augmentation.NONE, 1);
    for (Augmentation augmentation : augmentations) {
      CachedImageDataset first = dataset(augmentation, 1);
      CachedImageDataset again = dataset(augmentation, 1);
      CachedImageDataset otherSeed = dataset(augmentation, 2);
      int changed = 0;
      int differentSeed = 0;
      for (long i = 0; i < COUNT; i++) {
        float[] a = record(first, i);
        assertThat(a).hasSize(3 * INPUT * INPUT).containsExactly(record(again, i));
        // every value is a normalized 8-bit sample, or 0 where erased
        float low = Normalization.IMAGENET.apply(0, 0);
        float high = Normalization.IMAGENET.apply(2, 255);
        for (float v : a) {
          assertThat(v).isBetween(Math.min(low, Normalization.IMAGENET.apply(2, 0)) - 1e-4f, high + 1e-4f);
        }
        changed += java.util.Arrays.equals(a, record(plain, i)) ? 0 : 1;
        differentSeed += java.util.Arrays.equals(a, record(otherSeed, i)) ? 0 : 1;
      }
      assertThat(changed).as(augmentation.toString()).isGreaterThan(COUNT / 2);
      assertThat(differentSeed).as(augmentation.toString()).isGreaterThan(COUNT / 2);
    }
  }

  @Test
  void erasingAlwaysZeroesARectangleOfTheImage() {
    CachedImageDataset erased = dataset(Augmentation.NONE.withErasing(1f), 5);
    CachedImageDataset plain = dataset(Augmentation.NONE, 5);
    for (long i = 0; i < COUNT; i++) {
      float[] a = record(erased, i);
      float[] base = record(plain, i);
      int zeros = 0;
      for (int k = 0; k < a.length; k++) {
        if (a[k] != base[k]) {
          assertThat(a[k]).isZero();
          zeros++;
        }
      }
      assertThat(zeros).isPositive();
      assertThat(zeros % 3).isZero();
    }
  }

  /** The first epoch's batches: images and labels. */
  private static List<float[][]> epoch(CachedImageDataset data) {
    List<float[][]> batches = new ArrayList<>();
    for (Batch batch : data.getData(manager)) {
      try (batch) {
        NDArray labels = batch.getLabels().singletonOrThrow();
        assertThat(labels.getShape()).isEqualTo(new Shape(batch.getSize(), MixedLabels.COLUMNS));
        batches.add(
            new float[][] {batch.getData().singletonOrThrow().toFloatArray(), labels.toFloatArray()});
      }
    }
    return batches;
  }

  @Test
  void mixingIsRefusedForRecordsWithSeveralLabelValues() {
    // mixed labels are [B, 3]: records that already hold three values (an interval year) cannot be mixed
    List<ImageExample> intervals = new ArrayList<>();
    for (ImageExample example : examples) {
      intervals.add(new ImageExample(example.objectId(), new float[] {0.5f, 0.4f, 0.6f}));
    }
    CachedImageDataset data =
        CachedImageDataset.builder().cache(cache).examples(intervals).inputSize(INPUT).seed(3)
            .augmentation(Augmentation.NONE.withMixup(0.4f)).setSampling(4, false).optPrefetchNumber(0).build();
    assertThat(data.labelWidth()).isEqualTo(3);
    assertThatThrownBy(() -> {
          for (Batch batch : data.getData(manager)) {
            batch.close();
          }
        })
        .hasStackTraceContaining("mixup and CutMix need one label per image, these have 3");
  }

  @Test
  void mixupBlendsEachImageWithItsPartnerAndWeighsTheLabelsAlike() {
    CachedImageDataset mixed = dataset(Augmentation.NONE.withMixup(0.4f), 3);
    CachedImageDataset plain = dataset(Augmentation.NONE, 3);
    List<float[][]> batches = epoch(mixed);
    assertThat(epoch(dataset(Augmentation.NONE.withMixup(0.4f), 3)).get(1)[0]).containsExactly(batches.get(1)[0]);
    int floats = 3 * INPUT * INPUT;
    for (int k = 0; k < batches.size(); k++) {
      float[] images = batches.get(k)[0];
      float[] labels = batches.get(k)[1];
      for (int b = 0; b < 4; b++) {
        long own = 4L * k + b;
        long partner = 4L * k + 3 - b;
        float first = labels[3 * b];
        float second = labels[3 * b + 1];
        float w = labels[3 * b + 2];
        assertThat(w).isBetween(0.5f, 1f);
        // the heavier label is the image's own when its weight is at least 1/2
        float ownWeight = first == own ? w : 1 - w;
        assertThat(first == own ? second : first).isEqualTo((float) partner);
        float[] x = record(plain, own);
        float[] y = record(plain, partner);
        for (int p = 0; p < floats; p += 97) {
          assertThat(images[b * floats + p]).isCloseTo(ownWeight * x[p] + (1 - ownWeight) * y[p], within(1e-5f));
        }
      }
    }
  }

  @Test
  void cutmixSwapsABoxAndTheLabelWeightIsTheAreaKept() {
    CachedImageDataset mixed = dataset(Augmentation.NONE.withCutmix(1f), 11);
    CachedImageDataset plain = dataset(Augmentation.NONE, 11);
    List<float[][]> batches = epoch(mixed);
    int floats = 3 * INPUT * INPUT;
    int boxes = 0;
    for (int k = 0; k < batches.size(); k++) {
      float[] images = batches.get(k)[0];
      float[] labels = batches.get(k)[1];
      for (int b = 0; b < 4; b++) {
        long own = 4L * k + b;
        long partner = 4L * k + 3 - b;
        float[] x = record(plain, own);
        float[] y = record(plain, partner);
        int fromPartner = 0;
        for (int p = 0; p < floats; p++) {
          float v = images[b * floats + p];
          if (v != x[p]) {
            assertThat(v).isEqualTo(y[p]);
            fromPartner++;
          } else if (x[p] == y[p]) {
            fromPartner += 0; // where both images agree the source cannot be told
          }
        }
        float w = labels[3 * b + 2];
        float ownWeight = labels[3 * b] == own ? w : 1 - w;
        // the pixels taken from the partner are at most the pasted area (equal where they differ)
        double pasted = 1 - ownWeight;
        assertThat((double) fromPartner / floats).isLessThanOrEqualTo(pasted + 1e-6);
        if (pasted > 0) {
          boxes++;
          assertThat((double) fromPartner / floats).isGreaterThan(pasted * 0.5);
        }
      }
    }
    assertThat(boxes).isPositive();
  }

  @Test
  void theCutmixPlanWeightIsExactlyTheUncoveredShare() {
    Augmentation cutmix = Augmentation.NONE.withCutmix(1f);
    for (long first = 0; first < 200; first++) {
      BatchMixer.Plan plan = BatchMixer.plan(cutmix, 9, 2, first, INPUT);
      int[] box = plan.box();
      assertThat(plan.cutmix()).isTrue();
      assertThat(box[0] + box[2]).isLessThanOrEqualTo(INPUT);
      assertThat(box[1] + box[3]).isLessThanOrEqualTo(INPUT);
      assertThat(plan.weight()).isEqualTo(1f - (float) (box[2] * box[3]) / (INPUT * INPUT));
      assertThat(BatchMixer.plan(cutmix, 9, 2, first, INPUT)).usingRecursiveComparison().isEqualTo(plan);
    }
    // with both, each batch uses one of them, about half of the time each
    Augmentation both = Augmentation.NONE.withMixup(0.2f).withCutmix(1f);
    int cut = 0;
    for (long first = 0; first < 200; first++) {
      cut += BatchMixer.plan(both, 9, 2, first, INPUT).cutmix() ? 1 : 0;
    }
    assertThat(cut).isBetween(70, 130);
  }

  @Test
  void mixedLabelsOfAnOddBatchLeaveTheMiddleSampleWhole() {
    float[] labels = BatchMixer.labels(new BatchMixer.Plan(false, 0.3f, null), new float[] {5, 6, 7});
    // sample 0 keeps 0.3 of itself: its heavier label is its partner's
    assertThat(labels).containsExactly(7, 5, 1 - 0.3f, 6, 6, 1f, 5, 7, 1 - 0.3f);
  }

  @Test
  void aResumedEpochMixesTheSameBatches() throws Exception {
    Augmentation all =
        Augmentation.standard().withPolicy(AugmentPolicy.trivialWide()).withErasing(0.5f).withMixup(0.2f).withCutmix(1f);
    CachedImageDataset original =
        CachedImageDataset.builder().cache(cache).examples(examples).inputSize(INPUT).seed(4)
            .augmentation(all).setSampling(2, true).loaderThreads(2).build();
    epoch(original);
    List<float[][]> second = epoch(original);
    CachedImageDataset resumed =
        CachedImageDataset.builder().cache(cache).examples(examples).inputSize(INPUT).seed(4)
            .augmentation(all).setSampling(2, true).loaderThreads(2).build();
    resumed.epochSampler().restore(new SamplerState(1, 2));
    List<float[][]> replayed = epoch(resumed);
    assertThat(replayed).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(replayed.get(i)[0]).containsExactly(second.get(2 + i)[0]);
      assertThat(replayed.get(i)[1]).containsExactly(second.get(2 + i)[1]);
    }
  }
}

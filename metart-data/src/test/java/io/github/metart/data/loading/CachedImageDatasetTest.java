package io.github.metart.data.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImagePreprocessor;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.TestImages;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedImageDatasetTest {

  private static final ImageRecipe RECIPE = ImageRecipe.of(40, 40);
  private static final int INPUT = 32;
  private static final int COUNT = 10;

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
      examples.add(new ImageExample(id, (id - 100) / 10f));
    }
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
    cache.close();
  }

  private static CachedImageDataset.Builder dataset() {
    return CachedImageDataset.builder().cache(cache).examples(examples).inputSize(INPUT).seed(7);
  }

  @Test
  void recordsFollowTheArchitectureConventions() {
    CachedImageDataset data = dataset().setSampling(4, false).build();

    try (NDManager scope = manager.newSubManager()) {
      Record record = data.get(scope, 3);

      NDArray image = record.getData().singletonOrThrow();
      NDArray label = record.getLabels().singletonOrThrow();
      assertThat(image.getShape()).isEqualTo(new Shape(3, INPUT, INPUT));
      assertThat(image.getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(label.getShape()).isEqualTo(new Shape(1));
      assertThat(label.getFloat()).isEqualTo(0.4f);
      assertThat(image.getManager()).isSameAs(scope);
      // without augmentation a record is exactly what a predictor computes from the cached image
      ImagePreprocessor predictor = ImagePreprocessor.builder(RECIPE).inputSize(INPUT).build();
      assertThat(image.toFloatArray()).containsExactly(predictor.toChw(cache.image(104).orElseThrow()));
    }
    assertThat(data.objectIdAt(3)).isEqualTo(104);
    assertThat(data.targetAt(3)).isEqualTo(0.4f);
    assertThat(data.size()).isEqualTo(COUNT);
  }

  @Test
  void batchesStackRecordsAndKnowTheirObjects() throws Exception {
    CachedImageDataset data = dataset().setSampling(4, true).build();

    List<Integer> sizes = new ArrayList<>();
    for (Batch batch : data.getData(manager)) {
      try (batch) {
        NDArray images = batch.getData().singletonOrThrow();
        NDArray labels = batch.getLabels().singletonOrThrow();
        int b = batch.getSize();
        sizes.add(b);
        assertThat(images.getShape()).isEqualTo(new Shape(b, 3, INPUT, INPUT));
        assertThat(labels.getShape()).isEqualTo(new Shape(b, 1));
        float[] values = labels.toFloatArray();
        for (int i = 0; i < b; i++) {
          long index = (Long) batch.getIndices().get(i);
          assertThat(values[i]).isEqualTo((data.objectIdAt(index) - 100) / 10f);
          try (NDManager scope = manager.newSubManager()) {
            assertThat(images.get(i).toFloatArray())
                .containsExactly(data.get(scope, index).getData().singletonOrThrow().toFloatArray());
          }
        }
      }
    }
    assertThat(sizes).containsExactly(4, 4, 2);
  }

  @Test
  void epochsAreSeededPermutationsThatDiffer() throws Exception {
    List<List<Long>> first = epochs(dataset().setSampling(3, true).build(), 3);
    List<List<Long>> second = epochs(dataset().setSampling(3, true).build(), 3);
    List<List<Long>> otherSeed = epochs(dataset().seed(8).setSampling(3, true).build(), 1);

    assertThat(first).isEqualTo(second);
    assertThat(first.get(0)).isNotEqualTo(first.get(1));
    assertThat(first.get(0)).isNotEqualTo(otherSeed.get(0));
    for (List<Long> epoch : first) {
      assertThat(new HashSet<>(epoch)).hasSize(COUNT);
    }
    assertThat(epochs(dataset().setSampling(3, false).build(), 1).get(0))
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  private static List<List<Long>> epochs(CachedImageDataset data, int count) throws Exception {
    List<List<Long>> epochs = new ArrayList<>();
    for (int e = 0; e < count; e++) {
      List<Long> order = new ArrayList<>();
      for (Batch batch : data.getData(manager)) {
        try (batch) {
          batch.getIndices().forEach(i -> order.add((Long) i));
        }
      }
      epochs.add(order);
    }
    return epochs;
  }

  @Test
  void aRestoredSamplerResumesMidEpochWithTheSameBatches() throws Exception {
    CachedImageDataset original = dataset().augmentation(Augmentation.standard()).setSampling(3, true).build();
    epochs(original, 1); // epoch 0
    List<float[]> rest = new ArrayList<>();
    SamplerState saved = null;
    int seen = 0;
    for (Batch batch : original.getData(manager)) { // epoch 1
      try (batch) {
        if (seen++ == 2) {
          saved = original.epochSampler().checkpoint(2);
        }
        if (seen > 2) {
          rest.add(batch.getData().singletonOrThrow().toFloatArray());
        }
      }
    }

    CachedImageDataset resumed = dataset().augmentation(Augmentation.standard()).setSampling(3, true).build();
    resumed.epochSampler().restore(saved);
    List<float[]> replayed = new ArrayList<>();
    for (Batch batch : resumed.getData(manager)) {
      try (batch) {
        replayed.add(batch.getData().singletonOrThrow().toFloatArray());
      }
    }

    assertThat(saved).isEqualTo(new SamplerState(1, 2));
    assertThat(replayed).hasSize(2).hasSameSizeAs(rest);
    for (int i = 0; i < rest.size(); i++) {
      assertThat(replayed.get(i)).containsExactly(rest.get(i));
    }
    assertThat(resumed.epochSampler().state()).isEqualTo(new SamplerState(2, 0));
  }

  @Test
  void augmentationCropsFlipsAndJittersDeterministically() {
    CachedImageDataset plain = dataset().setSampling(1, false).build();
    CachedImageDataset flipped =
        dataset().augmentation(new Augmentation(false, true, 0f)).setSampling(1, false).build();
    CachedImageDataset cropped =
        dataset().augmentation(new Augmentation(true, false, 0f)).setSampling(1, false).build();
    CachedImageDataset jittered =
        dataset().augmentation(new Augmentation(false, false, 0.3f)).setSampling(1, false).build();

    try (NDManager scope = manager.newSubManager()) {
      int mirrored = 0;
      int moved = 0;
      for (long i = 0; i < COUNT; i++) {
        float[] base = plain.get(scope, i).getData().singletonOrThrow().toFloatArray();
        float[] flip = flipped.get(scope, i).getData().singletonOrThrow().toFloatArray();
        if (!java.util.Arrays.equals(base, flip)) {
          mirrored++;
          assertThat(flip[0]).isEqualTo(base[INPUT - 1]); // first pixel of row 0 <- last pixel
          assertThat(flip[INPUT * INPUT + 5]).isEqualTo(base[INPUT * INPUT + INPUT - 6]);
        }
        float[] crop = cropped.get(scope, i).getData().singletonOrThrow().toFloatArray();
        moved += java.util.Arrays.equals(base, crop) ? 0 : 1;
        assertThat(crop).containsExactly(cropped.get(scope, i).getData().singletonOrThrow().toFloatArray());
        float[] jitter = jittered.get(scope, i).getData().singletonOrThrow().toFloatArray();
        assertThat(jitter).isNotEqualTo(base);
        float low = (0f - 0.485f) / 0.229f - 1e-4f;
        float high = (1f - 0.406f) / 0.225f + 1e-4f;
        for (float v : jitter) {
          assertThat(v).isBetween(low, high);
        }
      }
      assertThat(mirrored).isBetween(1, COUNT - 1);
      assertThat(moved).isGreaterThan(COUNT / 2);
    }
  }

  /**
   * The batch index lists of a dataset's own sampler, wrapped so that they remember which threads
   * read them: a batch is assembled by the thread that reads its indices.
   */
  private static final class WatchingSampler implements EpochAwareSampler {
    private final EpochSampler sampler;
    private final List<WatchedIndices> drawn = new java.util.concurrent.CopyOnWriteArrayList<>();

    WatchingSampler(EpochSampler sampler) {
      this.sampler = sampler;
    }

    @Override
    public java.util.Iterator<List<Long>> sample(ai.djl.training.dataset.RandomAccessDataset dataset) {
      java.util.Iterator<List<Long>> batches = sampler.sample(dataset);
      return new java.util.Iterator<>() {
        @Override
        public boolean hasNext() {
          return batches.hasNext();
        }

        @Override
        public List<Long> next() {
          WatchedIndices indices = new WatchedIndices(batches.next());
          drawn.add(indices);
          return indices;
        }
      };
    }

    @Override
    public int getBatchSize() {
      return sampler.getBatchSize();
    }

    @Override
    public int currentEpoch() {
      return sampler.currentEpoch();
    }
  }

  private static final class WatchedIndices extends java.util.AbstractList<Long> {
    private final List<Long> indices;
    private final java.util.Set<String> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    WatchedIndices(List<Long> indices) {
      this.indices = indices;
    }

    @Override
    public Long get(int i) {
      readers.add(Thread.currentThread().getName());
      return indices.get(i);
    }

    @Override
    public int size() {
      return indices.size();
    }
  }

  @Test
  void backgroundPrefetchAssemblesBatchesAheadOnTheLoaderThreads() throws Exception {
    CachedImageDataset prefetching =
        dataset().augmentation(Augmentation.standard()).optPrefetchNumber(3).loaderThreads(2).setSampling(3, true).build();
    CachedImageDataset inline =
        dataset().augmentation(Augmentation.standard()).optPrefetchNumber(0).setSampling(3, true).build();
    WatchingSampler ahead = new WatchingSampler(prefetching.epochSampler());
    WatchingSampler onCaller = new WatchingSampler(inline.epochSampler());
    String caller = Thread.currentThread().getName();

    for (int epoch = 0; epoch < 2; epoch++) {
      int before = ahead.drawn.size();
      java.util.Iterator<Batch> prefetched = prefetching.getData(manager, ahead).iterator();
      // three batches are handed to the loaders before the consumer asks for the first
      assertThat(ahead.drawn.size() - before).isEqualTo(3);
      List<float[]> a = new ArrayList<>();
      while (prefetched.hasNext()) {
        try (Batch batch = prefetched.next()) {
          a.add(batch.getData().singletonOrThrow().toFloatArray());
        }
      }
      int inlineBefore = onCaller.drawn.size();
      java.util.Iterator<Batch> loaded = inline.getData(manager, onCaller).iterator();
      assertThat(onCaller.drawn.size() - inlineBefore).isZero(); // nothing is loaded ahead
      List<float[]> b = new ArrayList<>();
      while (loaded.hasNext()) {
        try (Batch batch = loaded.next()) {
          b.add(batch.getData().singletonOrThrow().toFloatArray());
        }
      }
      // the same batches either way
      assertThat(a).hasSize(4).hasSameSizeAs(b);
      for (int i = 0; i < a.size(); i++) {
        assertThat(a.get(i)).containsExactly(b.get(i));
      }
    }
    // every prefetched batch was assembled on a loader thread, never on the consumer's
    assertThat(ahead.drawn).hasSize(8);
    for (WatchedIndices batch : ahead.drawn) {
      assertThat(batch.readers).isNotEmpty().containsOnly("metart-loader");
    }
    // the probe sees inline loading for what it is
    assertThat(onCaller.drawn).hasSize(8).allSatisfy(batch -> assertThat(batch.readers).containsOnly(caller));
    prefetching.close();
  }

  @Test
  void nativeAndDirectMemoryDoNotGrowAcrossEpochs() throws Exception {
    CachedImageDataset data =
        dataset().augmentation(Augmentation.standard()).loaderThreads(2).setSampling(4, true).build();
    BufferPoolMXBean direct =
        ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(pool -> pool.getName().equals("direct"))
            .findFirst()
            .orElseThrow();
    try (NDManager trainer = NDManager.newBaseManager()) {
      long directAfterFirst = -1;
      for (int epoch = 0; epoch < 6; epoch++) {
        for (Batch batch : data.getData(trainer)) {
          try (batch) {
            assertThat(batch.getData().singletonOrThrow().getManager()).isSameAs(batch.getManager());
          }
        }
        assertThat(trainer.getManagedArrays()).as("arrays left after epoch %d", epoch).isEmpty();
        if (epoch == 0) {
          directAfterFirst = direct.getMemoryUsed();
        } else {
          assertThat(direct.getMemoryUsed()).as("direct memory after epoch %d", epoch).isEqualTo(directAfterFirst);
        }
      }
    }
    data.close();
  }

  @Test
  void examplesWithoutAnImageAreNamed() {
    List<ImageExample> withMissing = new ArrayList<>(examples);
    withMissing.add(new ImageExample(999, 0f));

    assertThatThrownBy(() -> dataset().examples(withMissing).setSampling(2, false).build())
        .hasMessageContaining("1 examples have no image")
        .hasMessageContaining("[999]");
    assertThat(dataset().examples(withMissing).skipMissing(true).setSampling(2, false).build().size())
        .isEqualTo(COUNT);
    assertThatThrownBy(() -> dataset().inputSize(41).setSampling(2, false).build())
        .hasMessageContaining("larger than the cache's images (40)");
    assertThatThrownBy(() -> dataset().build()).hasMessageContaining("setSampling");
  }

  @Test
  void foreignSamplersGetNewAugmentationsEachPassAndEpochAwareOnesFollowTheirEpoch() throws Exception {
    CachedImageDataset data = dataset().augmentation(Augmentation.cropAndFlip()).setSampling(5, false).build();
    ai.djl.training.dataset.Sampler plain =
        new ai.djl.training.dataset.BatchSampler(new ai.djl.training.dataset.SequenceSampler(), 5);
    int[] epoch = {3};
    EpochAwareSampler fixed =
        new EpochAwareSampler() {
          @Override
          public java.util.Iterator<List<Long>> sample(ai.djl.training.dataset.RandomAccessDataset dataset) {
            return plain.sample(dataset);
          }

          @Override
          public int getBatchSize() {
            return 5;
          }

          @Override
          public int currentEpoch() {
            return epoch[0];
          }
        };

    float[] first = firstBatch(data, plain);
    float[] second = firstBatch(data, plain);
    float[] epoch3 = firstBatch(data, fixed);
    float[] epoch3Again = firstBatch(data, fixed);
    epoch[0] = 4;
    float[] epoch4 = firstBatch(data, fixed);

    assertThat(second).isNotEqualTo(first);
    assertThat(epoch3Again).containsExactly(epoch3);
    assertThat(epoch4).isNotEqualTo(epoch3);
  }

  private static float[] firstBatch(CachedImageDataset data, ai.djl.training.dataset.Sampler sampler) {
    float[] values = null;
    for (Batch batch : data.getData(manager, sampler)) {
      try (batch) {
        if (values == null) {
          values = batch.getData().singletonOrThrow().toFloatArray();
        }
      }
    }
    return values;
  }
}

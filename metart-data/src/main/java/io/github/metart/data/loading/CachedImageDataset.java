package io.github.metart.data.loading;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.dataset.Sampler;
import ai.djl.util.Progress;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.images.Normalization;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DJL dataset over the prepared image cache: records of one float32 {@code [3, S, S]} image,
 * normalized (ImageNet mean and std by default), and one float32 {@code [1]} label (batched: {@code
 * [B, 3, S, S]} and {@code [B, 1]}), as ARCHITECTURE.md specifies; examples with {@code W} label
 * values (e.g. the year interval, see {@link ImageExample}) give {@code [W]} and {@code [B, W]}. {@link #objectIdAt(long)} says
 * which Met object sits at each index.
 *
 * <ul>
 *   <li>Epochs are shuffled by an {@link EpochSampler} from the seed; its {@link
 *       EpochSampler#state() state} can be saved and restored to resume mid-epoch. A trainer may
 *       bring its own sampler to {@code getData}; it should implement {@link EpochAwareSampler}.
 *   <li>Optional {@link Augmentation} (random crop, horizontal flip, TrivialAugment or RandAugment,
 *       colour jitter, random erasing), drawn from the seed, the epoch and the index; mixup and
 *       CutMix over each batch of {@code getData}, drawn from the seed, the epoch and the batch's
 *       first index, with {@link MixedLabels} {@code [B, 3]} (single records are never mixed).
 *   <li>Batches are assembled in the background ({@code loaderThreads}, {@code optPrefetchNumber}
 *       batches ahead) straight from the memory-mapped shards into one array per batch.
 *   <li>Every array of a batch lives in that batch's own sub-manager of the manager passed to
 *       {@code getData} and is freed when the batch is closed: native memory does not grow across
 *       epochs.
 * </ul>
 *
 * <pre>{@code
 * CachedImageDataset train = CachedImageDataset.builder()
 *     .cache(PreparedCache.open(cacheFolder))
 *     .examples(examples)
 *     .inputSize(224)
 *     .augmentation(Augmentation.standard())
 *     .seed(42)
 *     .setSampling(32, true)
 *     .build();
 * }</pre>
 */
public final class CachedImageDataset extends RandomAccessDataset implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CachedImageDataset.class);

  private final PreparedCache cache;
  private final long[] objectIds;
  private final float[] targets;
  private final int labelWidth;
  private final int[] positions;
  private final int inputSize;
  private final Augmentation augmentation;
  private final Normalization normalization;
  private final long seed;
  private final int loaderThreads;
  private final ExampleWriter writer;
  private final ThreadLocal<byte[]> scratch;
  private final java.util.concurrent.atomic.AtomicInteger passes = new java.util.concurrent.atomic.AtomicInteger();
  private ExecutorService loaders;

  private CachedImageDataset(Builder builder) {
    super(builder);
    this.cache = builder.cache;
    this.inputSize = builder.inputSize;
    this.augmentation = builder.augmentation;
    this.normalization = builder.normalization;
    this.seed = builder.seed;
    this.loaderThreads = builder.loaderThreads;
    List<ImageExample> kept = builder.resolvedExamples;
    this.objectIds = new long[kept.size()];
    this.labelWidth = kept.isEmpty() ? 1 : kept.get(0).width();
    this.targets = new float[kept.size() * labelWidth];
    this.positions = new int[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      ImageExample example = kept.get(i);
      objectIds[i] = example.objectId();
      checkArgument(
          example.width() == labelWidth,
          "object %s has %s label values, the others %s",
          example.objectId(),
          example.width(),
          labelWidth);
      System.arraycopy(example.labels(), 0, targets, i * labelWidth, labelWidth);
      positions[i] = cache.position(example.objectId());
    }
    this.writer = new ExampleWriter(cache, inputSize, augmentation, normalization, seed);
    int imageBytes = cache.recipe().imageBytes();
    this.scratch = ThreadLocal.withInitial(() -> new byte[imageBytes]);
  }

  /** A builder; {@code cache}, {@code examples} and {@code setSampling} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The Met Object ID of the example at {@code index}. */
  public long objectIdAt(long index) {
    return objectIds[Math.toIntExact(index)];
  }

  /** The target of the example at {@code index} (its first label value). */
  public float targetAt(long index) {
    return targets[Math.toIntExact(index) * labelWidth];
  }

  /** The number of label values per example, {@code W} of the {@code [B, W]} label batches. */
  public int labelWidth() {
    return labelWidth;
  }

  /** The examples, in index order. */
  public List<ImageExample> examples() {
    List<ImageExample> list = new ArrayList<>(objectIds.length);
    for (int i = 0; i < objectIds.length; i++) {
      list.add(new ImageExample(objectIds[i], java.util.Arrays.copyOfRange(targets, i * labelWidth, (i + 1) * labelWidth)));
    }
    return list;
  }

  /** The cache the images come from. */
  public PreparedCache cache() {
    return cache;
  }

  /** The model input side {@code S} of the {@code [3, S, S]} images. */
  public int inputSize() {
    return inputSize;
  }

  /** The augmentation applied. */
  public Augmentation augmentation() {
    return augmentation;
  }

  /** The normalization applied. */
  public Normalization normalization() {
    return normalization;
  }

  /**
   * The epoch sampler, to save and restore the position in the epochs.
   *
   * @throws IllegalStateException when a custom sampler was set
   */
  public EpochSampler epochSampler() {
    checkState(sampler instanceof EpochSampler, "this dataset uses a custom sampler: %s", sampler);
    return (EpochSampler) sampler;
  }

  /** The augmentation epoch of the latest pass of {@code used} (see {@link EpochAwareSampler}). */
  private int epochOf(Sampler used) {
    if (used instanceof EpochAwareSampler epochs) {
      return Math.max(0, epochs.currentEpoch());
    }
    return Math.max(0, passes.get() - 1);
  }

  /**
   * One record, for the current epoch's augmentation: {@code data} {@code [3, S, S]} and {@code
   * labels} {@code [W]}, created in {@code manager}.
   */
  @Override
  public Record get(NDManager manager, long index) {
    int i = Math.toIntExact(index);
    checkArgument(i >= 0 && i < objectIds.length, "index %s is outside 0..%s", index, objectIds.length - 1);
    byte[] pixels = scratch.get();
    int epoch = epochOf(sampler);
    NDArray data =
        EngineArrays.create(
            manager, new Shape(3, inputSize, inputSize), out -> writer.write(positions[i], index, epoch, pixels, out, 0));
    NDArray label =
        EngineArrays.create(
            manager,
            new Shape(labelWidth),
            out -> {
              for (int j = 0; j < labelWidth; j++) {
                out.put(j, targets[i * labelWidth + j]);
              }
            });
    return new Record(new NDList(data), new NDList(label));
  }

  /** Assembles one batch in its own sub-manager of {@code parent}. */
  Batch assemble(NDManager parent, List<Long> indices, int epoch, long progress) {
    NDManager batchManager = parent.newSubManager();
    try {
      int count = indices.size();
      int floats = writer.floatsPerExample();
      byte[] pixels = scratch.get();
      BatchMixer.Plan plan =
          augmentation.mixesBatches() && count > 0
              ? BatchMixer.plan(augmentation, seed, epoch, indices.get(0), inputSize)
              : null;
      NDArray data =
          EngineArrays.create(
              batchManager,
              new Shape(count, 3, inputSize, inputSize),
              out -> {
                for (int b = 0; b < count; b++) {
                  int i = Math.toIntExact(indices.get(b));
                  writer.write(positions[i], i, epoch, pixels, out, b * floats);
                }
                if (plan != null) {
                  BatchMixer.mixImages(plan, out, count, floats, inputSize);
                }
              });
      NDArray labels;
      if (plan != null) {
        checkState(labelWidth == 1, "mixup and CutMix need one label per image, these have %s", labelWidth);
        float[] plain = new float[count];
        for (int b = 0; b < count; b++) {
          plain[b] = targets[Math.toIntExact(indices.get(b))];
        }
        float[] mixed = BatchMixer.labels(plan, plain);
        labels =
            EngineArrays.create(
                batchManager, new Shape(count, MixedLabels.COLUMNS), out -> out.put(0, mixed));
      } else {
        labels =
            EngineArrays.create(
                batchManager,
                new Shape(count, labelWidth),
                out -> {
                  for (int b = 0; b < count; b++) {
                    int i = Math.toIntExact(indices.get(b));
                    for (int j = 0; j < labelWidth; j++) {
                      out.put(b * labelWidth + j, targets[i * labelWidth + j]);
                    }
                  }
                });
      }
      if (device != null) {
        data = data.toDevice(device, false);
        labels = labels.toDevice(device, false);
      }
      return new Batch(
          batchManager,
          new NDList(data),
          new NDList(labels),
          count,
          dataBatchifier,
          labelBatchifier,
          progress,
          size(),
          indices);
    } catch (RuntimeException e) {
      batchManager.close();
      throw e;
    }
  }

  /** One epoch of batches, prefetched on the dataset's loader threads. */
  @Override
  public Iterable<Batch> getData(NDManager manager) {
    return getData(manager, sampler, null);
  }

  /** One epoch of batches, prefetched on the given executor (the dataset's own when null). */
  @Override
  public Iterable<Batch> getData(NDManager manager, ExecutorService executorService) {
    return getData(manager, sampler, executorService);
  }

  /** One pass with another sampler, prefetched on the dataset's loader threads. */
  @Override
  public Iterable<Batch> getData(NDManager manager, Sampler sampler) {
    return getData(manager, sampler, null);
  }

  /** One pass with another sampler, prefetched on the given executor (the dataset's own when null). */
  @Override
  public Iterable<Batch> getData(NDManager manager, Sampler sampler, ExecutorService executorService) {
    ExecutorService executor = executorService;
    if (executor == null && prefetchNumber > 0) {
      executor = loaders();
    }
    return new CachedBatches(this, manager, sampler, executor, Math.max(1, prefetchNumber));
  }

  /** Called by a pass right after {@code used.sample(...)}: the epoch its augmentation uses. */
  int epochAfterSampling(Sampler used) {
    if (!(used instanceof EpochAwareSampler)) {
      passes.incrementAndGet();
    }
    return epochOf(used);
  }

  private synchronized ExecutorService loaders() {
    if (loaders == null) {
      loaders =
          Executors.newFixedThreadPool(
              loaderThreads,
              task -> {
                Thread thread = new Thread(task, "metart-loader");
                thread.setDaemon(true);
                return thread;
              });
    }
    return loaders;
  }

  @Override
  protected long availableSize() {
    return objectIds.length;
  }

  @Override
  public void prepare(Progress progress) {
    // the cache is prepared beforehand (CachePreparer); nothing to do here
  }

  /** Stops the background loader threads (they are daemons, so this is optional). */
  @Override
  public synchronized void close() {
    if (loaders != null) {
      loaders.shutdownNow();
      loaders = null;
    }
  }

  /** Builds a {@link CachedImageDataset}. */
  public static final class Builder extends BaseBuilder<Builder> {
    private PreparedCache cache;
    private List<ImageExample> examples;
    private List<ImageExample> resolvedExamples;
    private int inputSize;
    private Augmentation augmentation = Augmentation.NONE;
    private Normalization normalization = Normalization.IMAGENET;
    private long seed;
    private boolean skipMissing;
    private int loaderThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private int batchSize;
    private boolean shuffle;
    private boolean dropLast;
    private boolean defaultSampler;

    private Builder() {
      optPrefetchNumber(Math.max(2, loaderThreads));
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The prepared cache holding the images. */
    public Builder cache(PreparedCache cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
      return this;
    }

    /** The examples, in index order; each object must be in the cache (see {@link #skipMissing}). */
    public Builder examples(List<ImageExample> examples) {
      this.examples = List.copyOf(examples);
      return this;
    }

    /** The model input side (default: the cache's stored size); at most the stored size. */
    public Builder inputSize(int inputSize) {
      checkArgument(inputSize >= 1, "inputSize must be positive, got %s", inputSize);
      this.inputSize = inputSize;
      return this;
    }

    /** The augmentation (default none: centered crops). */
    public Builder augmentation(Augmentation augmentation) {
      this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
      return this;
    }

    /** The normalization (default ImageNet mean and std). */
    public Builder normalization(Normalization normalization) {
      this.normalization = Objects.requireNonNull(normalization, "normalization");
      return this;
    }

    /** The seed of shuffling and augmentation (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Whether to leave out examples whose image is not in the cache (logged) instead of failing
     * (default: fail, naming them).
     */
    public Builder skipMissing(boolean skipMissing) {
      this.skipMissing = skipMissing;
      return this;
    }

    /** Threads assembling batches in the background (default: every processor). */
    public Builder loaderThreads(int threads) {
      checkArgument(threads >= 1, "loaderThreads must be at least 1, got %s", threads);
      this.loaderThreads = threads;
      return this;
    }

    /** Batches of {@code batchSize}, shuffled per epoch from the seed when {@code random}. */
    @Override
    public Builder setSampling(int batchSize, boolean random) {
      return setSampling(batchSize, random, false);
    }

    /** Batches of {@code batchSize}, shuffled per epoch from the seed when {@code random}. */
    @Override
    public Builder setSampling(int batchSize, boolean random, boolean dropLast) {
      checkArgument(batchSize >= 1, "batchSize must be at least 1, got %s", batchSize);
      this.batchSize = batchSize;
      this.shuffle = random;
      this.dropLast = dropLast;
      this.defaultSampler = true;
      this.sampler = null;
      return this;
    }

    @Override
    public Builder setSampling(Sampler sampler) {
      this.defaultSampler = false;
      return super.setSampling(sampler);
    }

    @Override
    public Sampler getSampler() {
      if (defaultSampler && sampler == null) {
        sampler = new EpochSampler(batchSize, shuffle, dropLast, seed);
      }
      checkState(sampler != null, "call setSampling(batchSize, shuffle) before build()");
      return sampler;
    }

    /** The dataset. */
    public CachedImageDataset build() {
      checkState(cache != null, "call cache(preparedCache) before build()");
      checkState(examples != null, "call examples(list) before build()");
      if (inputSize == 0) {
        inputSize = cache.imageSize();
      }
      checkArgument(
          inputSize <= cache.imageSize(),
          "inputSize %s is larger than the cache's images (%s): prepare a cache with a larger recipe",
          inputSize,
          cache.imageSize());
      List<ImageExample> kept = new ArrayList<>(examples.size());
      List<Long> missing = new ArrayList<>();
      for (ImageExample example : examples) {
        if (cache.contains(example.objectId())) {
          kept.add(example);
        } else {
          missing.add(example.objectId());
        }
      }
      if (!missing.isEmpty()) {
        String sample = missing.subList(0, Math.min(5, missing.size())).toString();
        if (!skipMissing) {
          throw new IllegalArgumentException(
              missing.size() + " examples have no image in " + cache.directory() + " (objects " + sample
                  + (missing.size() > 5 ? " ..." : "") + "): prepare them, or build with skipMissing(true)");
        }
        LOG.info("left out {} examples without an image in {} (e.g. objects {})", missing.size(), cache.directory(), sample);
      }
      resolvedExamples = kept;
      return new CachedImageDataset(this);
    }
  }
}

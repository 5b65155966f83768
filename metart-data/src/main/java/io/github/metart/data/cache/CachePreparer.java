package io.github.metart.data.cache;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.data.images.ImageDecodeException;
import io.github.metart.data.images.ImageDecoder;
import io.github.metart.data.images.ImagePreprocessor;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.ImageSource;
import io.github.metart.data.images.PreparedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the image cache once so that training never decodes an original again: every requested
 * object's image is located, decoded, resized and cropped by the {@link ImageRecipe}, and written
 * as {@code cropTo x cropTo x 3} bytes into fixed-size shards, with an index line, a perceptual
 * hash, a quality report and near-duplicate groups.
 *
 * <p>Decoding runs on {@link Builder#threads(int) all cores}; one writer thread appends the
 * results, so memory stays flat whatever the number of images. Preparation is resumable: objects
 * already in the cache are kept, objects skipped before are tried again, and an interrupted run
 * (killed process, exception thrown from the listener, thread interrupt) leaves a cache that the
 * next run completes. A cache folder is locked while it is prepared.
 *
 * <pre>{@code
 * PreparationResult result = CachePreparer.builder(ImageRecipe.forInput(224))
 *     .root(preparedFolder.resolve("cache"))
 *     .listener(progress -> bar.update(progress))
 *     .build()
 *     .prepare(objectIds, FolderImageSource.open(imagesFolder));
 * }</pre>
 */
public final class CachePreparer {

  private static final Logger LOG = LoggerFactory.getLogger(CachePreparer.class);
  private static final long TARGET_SHARD_BYTES = 256L << 20;
  /** skipped.csv and duplicates.csv: RFC 4180 quoting where needed, one record per line. */
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
  private static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

  private final ImageRecipe recipe;
  private final Path root;
  private final int threads;
  private final int imagesPerShard;
  private final ImagePreprocessor preprocessor;
  private final int duplicateDistance;
  private final PreparationListener listener;
  private final Duration progressInterval;

  private CachePreparer(Builder builder) {
    this.recipe = builder.recipe;
    this.root = Objects.requireNonNull(builder.root, "root: call root(folder) to say where caches live");
    this.threads = builder.threads;
    this.imagesPerShard =
        builder.imagesPerShard > 0
            ? builder.imagesPerShard
            : (int) Math.max(1, TARGET_SHARD_BYTES / recipe.imageBytes());
    checkArgument(
        (long) imagesPerShard * recipe.imageBytes() <= Integer.MAX_VALUE,
        "a shard of %s images of %s bytes exceeds 2 GiB: use fewer images per shard",
        imagesPerShard,
        recipe.imageBytes());
    this.preprocessor = ImagePreprocessor.builder(recipe).maxPixels(builder.maxPixels).build();
    this.duplicateDistance = builder.duplicateDistance;
    this.listener = builder.listener;
    this.progressInterval = builder.progressInterval;
  }

  /** A builder for the given recipe. */
  public static Builder builder(ImageRecipe recipe) {
    return new Builder(recipe);
  }

  /** The recipe every image is prepared with. */
  public ImageRecipe recipe() {
    return recipe;
  }

  /** The folder this preparer writes for its recipe: {@code <root>/<recipe key>}. */
  public Path directory() {
    return root.resolve(recipe.key());
  }

  /**
   * Prepares the images of the given objects (duplicates in the collection are ignored).
   *
   * @param objectIds the Met Object IDs to prepare
   * @param source where their images are
   * @return the cache folder, quality report and near-duplicate groups of the requested objects
   * @throws IOException when the cache cannot be written (the message names the file); an
   *     image that cannot be read or decoded is skipped with its reason instead
   */
  public PreparationResult prepare(Collection<Long> objectIds, ImageSource source)
      throws IOException {
    Objects.requireNonNull(source, "source");
    List<Long> requested = new ArrayList<>(new LinkedHashSet<>(objectIds));
    Path dir = directory();
    Files.createDirectories(dir);
    try (FileChannel lockFile =
            FileChannel.open(dir.resolve(CacheFiles.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockFile, dir)) {
      PreparationResult result = prepareLocked(dir, requested, source);
      if (!lock.isValid()) {
        throw new IOException(dir + ": the preparation lock was lost (the file system may not support locks)");
      }
      return result;
    }
  }

  private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IOException(dir + " is being prepared by another process or thread; wait for it to finish");
    }
    return lock;
  }

  private PreparationResult prepareLocked(Path dir, List<Long> requested, ImageSource source)
      throws IOException {
    long started = System.nanoTime();
    CacheFiles.Layout layout = layout(dir);
    Files.deleteIfExists(dir.resolve(CacheFiles.COMPLETE));
    List<CachedImage> entries = new ArrayList<>(CacheIndex.read(dir, layout));
    CacheIndex.rewrite(dir, entries);
    Map<Long, CachedImage> byId = new HashMap<>();
    for (CachedImage entry : entries) {
      byId.put(entry.objectId(), entry);
    }
    long[] todo = requested.stream().filter(id -> !byId.containsKey(id)).mapToLong(Long::longValue).toArray();
    int reused = requested.size() - todo.length;
    LOG.info(
        "preparing {} images into {} on {} threads ({} already cached, {} to do) from {}",
        requested.size(),
        dir,
        threads,
        reused,
        todo.length,
        source.describe());

    Run run = new Run(dir, layout, entries.size(), requested.size(), reused, todo, source, started);
    List<SkippedImage> skipped = run.execute();
    for (CachedImage entry : run.added) {
      byId.put(entry.objectId(), entry);
    }

    List<CachedImage> decoded = new ArrayList<>();
    Map<Long, Long> hashes = new LinkedHashMap<>();
    for (long id : requested) {
      CachedImage entry = byId.get(id);
      if (entry != null) {
        decoded.add(entry);
        hashes.put(id, entry.hash());
      }
    }
    DuplicateGroups duplicates = DuplicateFinder.find(hashes, duplicateDistance);
    double seconds = (System.nanoTime() - started) / 1e9;
    QualityReport report =
        QualityReport.of(recipe, requested.size(), decoded, run.added.size(), reused, skipped, duplicates, seconds);
    writeSkipped(dir, skipped);
    writeDuplicates(dir, duplicates, hashes);
    CacheFiles.writeAtomically(dir.resolve(CacheFiles.QUALITY_JSON), CacheFiles.JSON.writeValueAsBytes(report));
    CacheFiles.writeAtomically(
        dir.resolve(CacheFiles.QUALITY_TEXT), report.toText(Integer.MAX_VALUE).getBytes(StandardCharsets.UTF_8));
    Map<String, Object> complete = new LinkedHashMap<>();
    complete.put("key", recipe.key());
    complete.put("images", byId.size());
    complete.put("requested", requested.size());
    complete.put("decoded", decoded.size());
    complete.put("skipped", skipped.size());
    CacheFiles.writeAtomically(dir.resolve(CacheFiles.COMPLETE), CacheFiles.JSON.writeValueAsBytes(complete));
    LOG.info(
        "prepared {}: {} decoded ({} now, {} already cached), {} skipped, {} near-duplicate groups, {}",
        dir,
        decoded.size(),
        run.added.size(),
        reused,
        skipped.size(),
        duplicates.size(),
        String.format(Locale.ROOT, "%.1f s", seconds));
    return new PreparationResult(dir, report, duplicates);
  }

  private CacheFiles.Layout layout(Path dir) throws IOException {
    if (Files.exists(dir.resolve(CacheFiles.RECIPE))) {
      CacheFiles.Layout existing = CacheFiles.readLayout(dir);
      if (!existing.recipe().equals(recipe)) {
        throw new IOException(
            dir + " holds recipe " + existing.recipe() + ", not " + recipe + "; use another folder");
      }
      return existing;
    }
    CacheFiles.Layout layout = new CacheFiles.Layout(recipe, imagesPerShard);
    CacheFiles.writeLayout(dir, layout);
    return layout;
  }

  private static void writeSkipped(Path dir, List<SkippedImage> skipped) throws IOException {
    StringBuilder text = new StringBuilder();
    try (CSVPrinter csv = new CSVPrinter(text, CSV)) {
      csv.printRecord("object_id", "problem", "reason");
      for (SkippedImage skip : skipped) {
        // one line per image: a reason's line breaks become spaces
        csv.printRecord(skip.objectId(), skip.problem(), skip.reason().replace('\n', ' ').replace('\r', ' '));
      }
    }
    CacheFiles.writeAtomically(dir.resolve(CacheFiles.SKIPPED), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void writeDuplicates(Path dir, DuplicateGroups duplicates, Map<Long, Long> hashes)
      throws IOException {
    StringBuilder text = new StringBuilder();
    try (CSVPrinter csv = new CSVPrinter(text, CSV)) {
      csv.printRecord("group", "object_id", "phash");
      for (int g = 0; g < duplicates.size(); g++) {
        for (long id : duplicates.groups().get(g)) {
          csv.printRecord(g + 1, id, String.format(Locale.ROOT, "%016x", hashes.get(id)));
        }
      }
    }
    CacheFiles.writeAtomically(dir.resolve(CacheFiles.DUPLICATES), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The result of one object, from a decoding thread to the writer. */
  private sealed interface Outcome permits Prepared, Skipped, WorkerDone {}

  private record Prepared(long objectId, PreparedImage prepared, long hash) implements Outcome {}

  private record Skipped(SkippedImage skip) implements Outcome {}

  private record WorkerDone() implements Outcome {}

  /** One preparation run: decoding threads feeding the single writer (the calling thread). */
  private final class Run {
    private final Path dir;
    private final CacheFiles.Layout layout;
    private final int total;
    private final int reused;
    private final long[] todo;
    private final ImageSource source;
    private final long started;
    private final List<CachedImage> added = new ArrayList<>();
    private final List<SkippedImage> skipped = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<Throwable> workerFailure = new AtomicReference<>();
    private int nextSlot;

    Run(Path dir, CacheFiles.Layout layout, int firstSlot, int total, int reused, long[] todo,
        ImageSource source, long started) {
      this.dir = dir;
      this.layout = layout;
      this.nextSlot = firstSlot;
      this.total = total;
      this.reused = reused;
      this.todo = todo;
      this.source = source;
      this.started = started;
    }

    List<SkippedImage> execute() throws IOException {
      int workers = Math.max(1, Math.min(threads, todo.length));
      BlockingQueue<Outcome> queue = new ArrayBlockingQueue<>(workers * 4);
      ExecutorService pool =
          Executors.newFixedThreadPool(
              workers,
              task -> {
                Thread thread = new Thread(task, "metart-prepare");
                thread.setDaemon(true);
                return thread;
              });
      boolean finished = false;
      try (ShardWriter shards = new ShardWriter(dir, layout);
          Writer index = CacheIndex.appender(dir)) {
        for (int w = 0; w < workers; w++) {
          pool.execute(() -> work(queue));
        }
        long lastProgress = System.nanoTime();
        long lastLog = lastProgress;
        int running = workers;
        while (running > 0) {
          Outcome outcome = queue.take();
          if (outcome instanceof WorkerDone) {
            running--;
            continue;
          }
          if (outcome instanceof Prepared prepared) {
            write(prepared, shards, index);
          } else if (outcome instanceof Skipped skip) {
            skipped.add(skip.skip());
          }
          long now = System.nanoTime();
          if (now - lastProgress >= progressInterval.toNanos()) {
            lastProgress = now;
            index.flush();
            PreparationProgress progress = progress();
            listener.onProgress(progress);
            if (now - lastLog >= LOG_INTERVAL.toNanos()) {
              lastLog = now;
              LOG.info(
                  "{}: {}/{} images, {} skipped, {} images/s",
                  dir.getFileName(),
                  progress.done(),
                  total,
                  skipped.size(),
                  String.format(Locale.ROOT, "%.1f", progress.imagesPerSecond()));
            }
          }
        }
        Throwable failure = workerFailure.get();
        if (failure instanceof Error error) {
          throw error;
        }
        index.flush();
        shards.force();
        finished = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException(
            "preparation of " + dir + " interrupted after " + added.size() + " new images; run it again to resume");
      } finally {
        stop.set(true);
        pool.shutdownNow();
        queue.clear();
        awaitQuietly(pool);
        if (!finished) {
          LOG.warn("preparation of {} stopped after {} new images; the next run resumes from there", dir, added.size());
        }
      }
      listener.onProgress(progress());
      return skipped;
    }

    private void write(Prepared prepared, ShardWriter shards, Writer index) throws IOException {
      int slot = nextSlot;
      shards.write(slot, prepared.prepared().image().pixels());
      CachedImage entry =
          new CachedImage(
              prepared.objectId(),
              slot,
              prepared.hash(),
              prepared.prepared().original(),
              prepared.prepared().subsampling());
      index.write(CacheIndex.line(entry));
      index.write('\n');
      nextSlot++;
      added.add(entry);
    }

    private PreparationProgress progress() {
      return new PreparationProgress(
          total,
          reused,
          added.size() + skipped.size(),
          added.size(),
          skipped.size(),
          Duration.ofNanos(System.nanoTime() - started));
    }

    private void work(BlockingQueue<Outcome> queue) {
      try {
        while (!stop.get()) {
          int i = next.getAndIncrement();
          if (i >= todo.length) {
            break;
          }
          Outcome outcome = process(todo[i]);
          queue.put(outcome);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable t) {
        workerFailure.compareAndSet(null, t);
        stop.set(true);
      } finally {
        try {
          if (!Thread.currentThread().isInterrupted()) {
            queue.put(new WorkerDone());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private Outcome process(long objectId) {
      Optional<Path> file;
      try {
        file = source.locate(objectId);
      } catch (IOException | RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return skip(objectId, "unavailable", message.replaceFirst("^object " + objectId + ": ", ""));
      }
      if (file.isEmpty()) {
        return skip(objectId, "no image", "no image in " + source.describe());
      }
      try {
        PreparedImage prepared = preprocessor.prepareWithInfo(file.get());
        return new Prepared(objectId, prepared, PerceptualHash.of(prepared.image()));
      } catch (ImageDecodeException e) {
        return skip(objectId, e.problem().label(), e.getMessage());
      } catch (RuntimeException e) {
        return skip(objectId, "unexpected error", file.get() + ": " + e);
      }
    }

    private Outcome skip(long objectId, String problem, String reason) {
      return new Skipped(new SkippedImage(objectId, problem, reason));
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("image decoding threads did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Builds a {@link CachePreparer}. */
  public static final class Builder {
    private final ImageRecipe recipe;
    private Path root;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int imagesPerShard;
    private long maxPixels = ImageDecoder.DEFAULT_MAX_PIXELS;
    private int duplicateDistance = DuplicateFinder.DEFAULT_MAX_DISTANCE;
    private PreparationListener listener = PreparationListener.NONE;
    private Duration progressInterval = Duration.ofMillis(500);

    private Builder(ImageRecipe recipe) {
      this.recipe = Objects.requireNonNull(recipe, "recipe");
    }

    /** The folder holding caches; this recipe's cache goes to {@code <root>/<recipe key>}. */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root");
      return this;
    }

    /** Decoding threads (default: every available processor). */
    public Builder threads(int threads) {
      checkArgument(threads >= 1 && threads <= 1024, "threads must be between 1 and 1024, got %s", threads);
      this.threads = threads;
      return this;
    }

    /** Images per shard file (default: about 256 MiB per shard); fixed when a cache is created. */
    public Builder imagesPerShard(int imagesPerShard) {
      checkArgument(imagesPerShard >= 1, "imagesPerShard must be at least 1, got %s", imagesPerShard);
      this.imagesPerShard = imagesPerShard;
      return this;
    }

    /** The decoder's limit on declared pixels (default {@link ImageDecoder#DEFAULT_MAX_PIXELS}). */
    public Builder maxPixels(long maxPixels) {
      checkArgument(maxPixels > 0, "maxPixels must be positive, got %s", maxPixels);
      this.maxPixels = maxPixels;
      return this;
    }

    /** The perceptual-hash distance that makes two images near-duplicates (default 4 bits). */
    public Builder duplicateDistance(int bits) {
      checkArgument(
          bits >= 0 && bits <= DuplicateFinder.MAX_DISTANCE,
          "duplicateDistance must be between 0 and %s bits, got %s",
          DuplicateFinder.MAX_DISTANCE,
          bits);
      this.duplicateDistance = bits;
      return this;
    }

    /** Receives progress (default: none; the library also logs through SLF4J every 30 s). */
    public Builder listener(PreparationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** How often the listener hears from a running preparation (default 500 ms). */
    public Builder progressInterval(Duration interval) {
      checkArgument(!interval.isNegative(), "progressInterval must not be negative, got %s", interval);
      this.progressInterval = interval;
      return this;
    }

    /** The preparer. */
    public CachePreparer build() {
      return new CachePreparer(this);
    }
  }
}

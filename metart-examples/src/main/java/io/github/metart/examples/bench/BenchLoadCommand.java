package io.github.metart.examples.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.PreparedCache;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.ImageSource;
import io.github.metart.data.loading.AugmentPolicy;
import io.github.metart.data.loading.Augmentation;
import io.github.metart.data.loading.CachedImageDataset;
import io.github.metart.data.loading.ImageExample;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import io.github.metart.models.engine.MetEngine;

/**
 * {@code metart bench load}: loading throughput of a {@link CachedImageDataset} from a prepared
 * cache, with augmentation, through DJL batches, and the memory left after each epoch.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Loading throughput: prepares (once, in --work) a cache of --images generated images"
          + " stored at --stored pixels, then iterates --epochs shuffled epochs of --size inputs in"
          + " batches of --batch with the chosen augmentation on --threads loader threads, closing"
          + " every batch. Prints images/s per epoch and the median, and the arrays and direct memory"
          + " left after each epoch."
    })
final class BenchLoadCommand implements Callable<Integer> {

  /** The augmentations the benchmark can apply. */
  enum AugmentationChoice {
    NONE(Augmentation.NONE),
    CROP_FLIP(Augmentation.cropAndFlip()),
    STANDARD(Augmentation.standard()),
    TRIVIAL(Augmentation.cropAndFlip().withPolicy(AugmentPolicy.trivialWide())),
    RANDAUGMENT(Augmentation.cropAndFlip().withPolicy(AugmentPolicy.randAugment(2, 9))),
    ERASING(Augmentation.cropAndFlip().withErasing(0.25f)),
    MIXUP(Augmentation.cropAndFlip().withMixup(0.2f)),
    CUTMIX(Augmentation.cropAndFlip().withCutmix(1f)),
    ALL(
        Augmentation.cropAndFlip()
            .withPolicy(AugmentPolicy.trivialWide())
            .withErasing(0.25f)
            .withMixup(0.2f)
            .withCutmix(1f));

    final Augmentation augmentation;

    AugmentationChoice(Augmentation augmentation) {
      this.augmentation = augmentation;
    }
  }

  @Spec CommandSpec spec;

  @Option(names = "--work", paramLabel = "DIR", description = "Work folder (default: ${DEFAULT-VALUE}).")
  Path work = Path.of(System.getProperty("java.io.tmpdir"), "metart-bench-load");

  @Option(names = "--images", paramLabel = "N", description = "Images in the cache (default: ${DEFAULT-VALUE}).")
  int images = 2000;

  @Option(names = "--stored", paramLabel = "PX", description = "Stored square side (default: ${DEFAULT-VALUE}).")
  int stored = 256;

  @Option(names = "--size", paramLabel = "PX", description = "Model input side (default: ${DEFAULT-VALUE}).")
  int size = 224;

  @Option(names = "--batch", paramLabel = "N", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch = 32;

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs = 4;

  @Option(names = "--threads", paramLabel = "N", description = "Loader threads (default: every processor).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--augmentation",
      paramLabel = "KIND",
      description =
          "none, crop_flip, standard (crop, flip, colour jitter), trivial (crop, flip and"
              + " TrivialAugment-Wide), randaugment (crop, flip and RandAugment 2:9), erasing (crop,"
              + " flip, random erasing 0.25), mixup (crop, flip, mixup 0.2), cutmix (crop, flip, CutMix"
              + " 1.0) or all (crop, flip, TrivialAugment, erasing, mixup and CutMix); compare the"
              + " images/s with crop_flip's for the cost of a lever (default: ${DEFAULT-VALUE}).")
  AugmentationChoice augmentation = AugmentationChoice.CROP_FLIP;

  @Override
  public Integer call() throws IOException {
    if (images < 1 || batch < 1 || epochs < 1 || threads < 1 || stored < size) {
      throw new ParameterException(spec.commandLine(), "counts must be positive and --stored at least --size");
    }
    try {
      ImageRecipe.checkSize("--size", size);
      ImageRecipe.checkSize("--stored", stored);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    ImageRecipe recipe = ImageRecipe.of(stored, stored);
    PreparedCache cache = cache(recipe, out);
    List<ImageExample> examples = new ArrayList<>();
    for (long id = 0; id < images; id++) {
      examples.add(new ImageExample(id, (id % 10) / 10f));
    }
    CachedImageDataset dataset =
        CachedImageDataset.builder()
            .cache(cache)
            .examples(examples)
            .inputSize(size)
            .augmentation(augmentation.augmentation)
            .seed(1)
            .loaderThreads(threads)
            .optPrefetchNumber(Math.max(2, 2 * threads))
            .setSampling(batch, true)
            .build();
    BufferPoolMXBean direct =
        ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(pool -> pool.getName().equals("direct"))
            .findFirst()
            .orElseThrow();
    out.printf(Locale.ROOT, "machine: %d processors, load average %.2f%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.printf(Locale.ROOT, "cache %s: %d images; inputs [%d, 3, %d, %d], augmentation %s, %d loader threads%n",
        cache.directory(), cache.size(), batch, size, size, augmentation.name().toLowerCase(Locale.ROOT), threads);
    double[] rates = new double[epochs];
    double[] cpuRates = new double[epochs];
    try (NDManager manager = MetEngine.newManager(null)) {
      for (int epoch = 0; epoch < epochs; epoch++) {
        long cpuStarted = BenchPrepareCommand.processCpuNanos();
        long started = System.nanoTime();
        long seen = 0;
        for (Batch b : dataset.getData(manager)) {
          try (b) {
            seen += b.getSize();
          }
        }
        BenchPrepareCommand.Rate rate =
            new BenchPrepareCommand.Rate(
                (int) seen, System.nanoTime() - started, BenchPrepareCommand.processCpuNanos() - cpuStarted);
        rates[epoch] = rate.perSecond();
        cpuRates[epoch] = rate.perCpuSecond();
        out.printf(Locale.ROOT,
            "epoch %d: %.0f images/s, %.0f images per CPU-second (%.2f cores busy); arrays left %d, direct memory %d MB%n",
            epoch + 1, rate.perSecond(), rate.perCpuSecond(), rate.coresBusy(), manager.getManagedArrays().size(),
            direct.getMemoryUsed() >> 20);
        out.flush();
      }
    } finally {
      dataset.close();
      cache.close();
    }
    double cpuMedian = BenchPrepareCommand.median(cpuRates);
    out.printf(Locale.ROOT, "median: %.0f images/s wall clock; %.0f images per CPU-second, i.e. %.0f images/s"
            + " with %d cores to itself%n",
        BenchPrepareCommand.median(rates), cpuMedian, cpuMedian * Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().availableProcessors());
    return 0;
  }

  private PreparedCache cache(ImageRecipe recipe, PrintWriter out) throws IOException {
    Path root = work.resolve("cache-" + images);
    Path dir = PreparedCache.directory(root, recipe);
    if (Files.exists(dir.resolve("complete.json"))) {
      return PreparedCache.open(dir);
    }
    Path originals = work.resolve("originals");
    Files.createDirectories(originals);
    int distinct = Math.min(images, 200);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < distinct; i++) {
      Path file = originals.resolve(i + "-" + stored + ".jpg");
      if (!Files.exists(file)) {
        BufferedImage image = BenchPrepareCommand.painting(stored * 5 / 4, stored * 3 / 2, i);
        ImageIO.write(image, "jpeg", file.toFile());
      }
      files.add(file);
    }
    ImageSource source =
        new ImageSource() {
          @Override
          public Optional<Path> locate(long objectId) {
            return Optional.of(files.get((int) (objectId % files.size())));
          }

          @Override
          public String describe() {
            return files.size() + " generated originals";
          }
        };
    out.println("preparing a cache of " + images + " images in " + root);
    CachePreparer.builder(recipe).root(root).build()
        .prepare(LongStream.range(0, images).boxed().toList(), source);
    return PreparedCache.open(dir);
  }
}

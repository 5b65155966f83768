package io.github.metart.examples.bench;

import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.PreparationProgress;
import io.github.metart.data.cache.PreparationResult;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.ImageSource;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metart bench prepare}: cache preparation throughput on generated large JPEGs against a
 * plain single-threaded decode, resize, crop loop over the same files; with {@code --memory}, the
 * process memory while preparing many images.
 */
@Command(
    name = "prepare",
    mixinStandardHelpOptions = true,
    description = {
      "Preparation throughput: generates --originals JPEGs of --width x --height (once, in"
          + " --work), then alternates, for --rounds rounds, a plain single-threaded loop"
          + " (ImageIO.read, bilinear Graphics2D resize of the shorter side to --size, center crop)"
          + " and CachePreparer on --threads threads over the same files into a fresh cache. Prints"
          + " medians and the per-core ratio. --count N prepares N images (cycling over the originals)"
          + " and, with --memory, prints the peak resident memory and the live heap for each tenth of"
          + " the run."
    })
final class BenchPrepareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--work", paramLabel = "DIR", description = "Work folder (default: ${DEFAULT-VALUE}).")
  Path work = Path.of(System.getProperty("java.io.tmpdir"), "metart-bench-prepare");

  @Option(names = "--originals", paramLabel = "N", description = "Originals to generate (default: ${DEFAULT-VALUE}).")
  int originals = 100;

  @Option(names = "--width", paramLabel = "PX", description = "Original width (default: ${DEFAULT-VALUE}).")
  int width = 1500;

  @Option(names = "--height", paramLabel = "PX", description = "Original height (default: ${DEFAULT-VALUE}).")
  int height = 2000;

  @Option(names = "--size", paramLabel = "PX", description = "Recipe: shorter side and crop (default: ${DEFAULT-VALUE}).")
  int size = 256;

  @Option(names = "--threads", paramLabel = "N", description = "Preparation threads (default: every processor).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--rounds", paramLabel = "N", description = "Rounds of baseline and preparation (default: ${DEFAULT-VALUE}).")
  int rounds = 3;

  @Option(names = "--count", paramLabel = "N", description = "Images to prepare per round (default: the originals).")
  Integer count;

  @Option(names = "--memory", description = "Sample memory while preparing; skips the baseline.")
  boolean memory;

  @Override
  public Integer call() throws IOException {
    if (originals < 1 || width < 16 || height < 16 || threads < 1 || rounds < 1
        || count != null && count < 1) {
      throw new ParameterException(spec.commandLine(), "counts must be positive, width and height at least 16");
    }
    try {
      ImageRecipe.checkSize("--size", size);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    ImageRecipe recipe = ImageRecipe.of(size, size);
    List<Path> files = generate(out);
    int n = count == null ? files.size() : count;
    ImageSource source = cycling(files);
    List<Long> ids = LongStream.range(0, n).boxed().toList();
    out.printf(Locale.ROOT, "machine: %d processors, load average %.2f, max heap %d MB%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().maxMemory() >> 20);
    out.printf(Locale.ROOT, "originals: %d JPEGs of %dx%d in %s; recipe %s; %d images per round%n",
        files.size(), width, height, work.resolve("originals"), recipe.key(), n);
    if (memory) {
      memoryRun(out, recipe, source, ids);
      return 0;
    }
    // warm-up (not counted): JIT-compile both paths
    baselineLoop(files, Math.min(10, n));
    prepareOnce(recipe, source, ids.subList(0, Math.min(20, n)), null);
    double[] baselineWall = new double[rounds];
    double[] baselineCpu = new double[rounds];
    double[] preparedWall = new double[rounds];
    double[] preparedCpu = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      Rate base = baselineLoop(files, n);
      Rate prep = prepareOnce(recipe, source, ids, null);
      baselineWall[round] = base.perSecond();
      baselineCpu[round] = base.perCpuSecond();
      preparedWall[round] = prep.perSecond();
      preparedCpu[round] = prep.perCpuSecond();
      out.printf(Locale.ROOT,
          "round %d: plain loop %.1f images/s, %.1f per CPU-second (1 thread); CachePreparer %.1f images/s,"
              + " %.1f per CPU-second (%d threads, %.2f cores busy)%n",
          round + 1, base.perSecond(), base.perCpuSecond(), prep.perSecond(), prep.perCpuSecond(), threads,
          prep.coresBusy());
      out.flush();
    }
    double base = median(baselineWall);
    double baseCpu = median(baselineCpu);
    double prep = median(preparedWall);
    double prepCpu = median(preparedCpu);
    out.printf(Locale.ROOT, "median plain loop: %.1f images/s on 1 thread, %.1f images per CPU-second%n", base, baseCpu);
    out.printf(Locale.ROOT, "median CachePreparer: %.1f images/s on %d threads, %.1f images per CPU-second%n",
        prep, threads, prepCpu);
    out.printf(Locale.ROOT, "per-core ratio, CPU time (CachePreparer / plain loop): %.2f%n", prepCpu / baseCpu);
    out.printf(Locale.ROOT, "per-core ratio, wall clock ((CachePreparer / %d) / plain loop): %.2f%n",
        threads, prep / threads / base);
    out.printf(Locale.ROOT, "speed-up over the plain loop, wall clock: %.2fx%n", prep / base);
    return 0;
  }

  /**
   * A measured throughput: images per wall-clock second and per CPU-second (CPU time of the
   * measured threads; robust when other processes share the machine).
   */
  record Rate(int images, long wallNanos, long cpuNanos) {
    double perSecond() {
      return images / (wallNanos / 1e9);
    }

    double perCpuSecond() {
      return cpuNanos <= 0 ? Double.NaN : images / (cpuNanos / 1e9);
    }

    double coresBusy() {
      return (double) cpuNanos / wallNanos;
    }
  }

  /** CPU time of this whole process (every thread, GC and JIT included). */
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  /** The images a user would write first: ImageIO, Graphics2D bilinear, center crop. */
  private Rate baselineLoop(List<Path> files, int n) throws IOException {
    long sink = 0;
    java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long cpuStarted = cpu.getCurrentThreadCpuTime();
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) {
      BufferedImage image = ImageIO.read(files.get(i % files.size()).toFile());
      int w = image.getWidth();
      int h = image.getHeight();
      int sw = w <= h ? size : (int) Math.round((double) w * size / h);
      int sh = w <= h ? (int) Math.round((double) h * size / w) : size;
      BufferedImage scaled = new BufferedImage(sw, sh, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D g = scaled.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, sw, sh, null);
      g.dispose();
      BufferedImage crop = scaled.getSubimage((sw - size) / 2, (sh - size) / 2, size, size);
      sink += crop.getRGB(size / 2, size / 2);
    }
    long wall = System.nanoTime() - started;
    long used = cpu.getCurrentThreadCpuTime() - cpuStarted;
    if (sink == 42) {
      spec.commandLine().getErr().print("");
    }
    return new Rate(n, wall, used);
  }

  private Rate prepareOnce(ImageRecipe recipe, ImageSource source, List<Long> ids, MemorySampler sampler)
      throws IOException {
    Path root = work.resolve("cache");
    deleteTree(root);
    CachePreparer.Builder builder = CachePreparer.builder(recipe).root(root).threads(threads);
    if (sampler != null) {
      builder.listener(sampler::onProgress).progressInterval(java.time.Duration.ofMillis(200));
    }
    long cpuStarted = processCpuNanos();
    long started = System.nanoTime();
    PreparationResult result = builder.build().prepare(ids, source);
    long wall = System.nanoTime() - started;
    long used = processCpuNanos() - cpuStarted;
    if (result.report().decoded() != ids.size()) {
      throw new IOException("benchmark preparation skipped images: " + result.report().skippedByProblem());
    }
    return new Rate(ids.size(), wall, used);
  }

  private void memoryRun(PrintWriter out, ImageRecipe recipe, ImageSource source, List<Long> ids) throws IOException {
    MemorySampler sampler = new MemorySampler();
    Rate rate = prepareOnce(recipe, source, ids, sampler);
    out.printf(Locale.ROOT, "prepared %d images at %.1f images/s on %d threads%n", ids.size(), rate.perSecond(), threads);
    out.println("tenth  images  peak RSS (MB)  heap used after a full GC (MB)");
    for (int tenth = 0; tenth < 10; tenth++) {
      out.printf(Locale.ROOT, "%5d  %6d  %13s  %31s%n", tenth + 1, ids.size() * (tenth + 1) / 10,
          sampler.rss[tenth] == 0 ? "n/a" : Long.toString(sampler.rss[tenth] >> 20),
          sampler.live[tenth] == 0 ? "n/a" : Long.toString(sampler.live[tenth] >> 20));
    }
  }

  /** Records, for each tenth of a run, the peak resident memory and the live heap. */
  private static final class MemorySampler {
    final long[] rss = new long[10];
    final long[] live = new long[10];
    private int lastTenth = -1;

    void onProgress(PreparationProgress progress) {
      int tenth = Math.min(9, (int) (progress.fraction() * 10));
      rss[tenth] = Math.max(rss[tenth], residentBytes());
      if (tenth != lastTenth) {
        lastTenth = tenth;
        System.gc();
        live[tenth] = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      }
    }

    private static long residentBytes() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("\\D+", "")) << 10;
          }
        }
      } catch (IOException | RuntimeException e) {
        return 0;
      }
      return 0;
    }
  }

  /** Object ids 0..n-1 mapped onto the originals in turn. */
  private static ImageSource cycling(List<Path> files) {
    return new ImageSource() {
      @Override
      public Optional<Path> locate(long objectId) {
        return Optional.of(files.get((int) (objectId % files.size())));
      }

      @Override
      public String describe() {
        return files.size() + " generated originals";
      }
    };
  }

  /** Generates the originals once: painting-like content with fine noise, JPEG quality 0.9. */
  private List<Path> generate(PrintWriter out) throws IOException {
    Path folder = work.resolve("originals").resolve(width + "x" + height);
    Files.createDirectories(folder);
    List<Path> files = new ArrayList<>();
    int made = 0;
    for (int i = 0; i < originals; i++) {
      Path file = folder.resolve(i + ".jpg");
      if (!Files.exists(file)) {
        writeJpeg(file, painting(width, height, i));
        made++;
      }
      files.add(file);
    }
    if (made > 0) {
      out.println("generated " + made + " originals in " + folder);
    }
    return files;
  }

  static BufferedImage painting(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    int[] row = new int[width];
    int phase = random.nextInt(256);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int noise = random.nextInt(24) - 12;
        int r = clamp((x * 255 / width + phase) % 256 + noise);
        int g = clamp(y * 255 / height + noise);
        int b = clamp((int) (128 + 90 * Math.sin((x + 2 * y + phase) / 57.0)) + noise);
        row[x] = r << 16 | g << 8 | b;
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    Graphics2D g = image.createGraphics();
    for (int i = 0; i < 40; i++) {
      g.setColor(new Color(random.nextInt(0xffffff)));
      int w = width / 20 + random.nextInt(width / 4);
      int h = height / 20 + random.nextInt(height / 4);
      g.fillOval(random.nextInt(width - w), random.nextInt(height - h), w, h);
    }
    g.dispose();
    return image;
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }

  private static void writeJpeg(Path file, BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(temp.toFile())) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

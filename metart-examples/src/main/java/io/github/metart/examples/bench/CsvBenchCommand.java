package io.github.metart.examples.bench;

import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.csv.MetCsvReader;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.culture.CultureNormalizer;
import io.github.metart.data.dates.PeriodNormalizer;
import io.github.metart.data.dates.ResolvedYears;
import io.github.metart.data.dates.YearResolver;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metart bench csv}: reads and normalizes a large MetObjects.csv-format file — every row
 * through the streaming reader, its Culture through the culture normalizer, its years through the
 * year resolver (Object Date parsed) and its Period through the period normalizer — and prints rows
 * per second (wall and CPU time of the reading thread) and the peak heap. By default the file is the
 * Met sample's rows repeated (with fresh Object IDs) to {@code --rows} rows, written to a temporary
 * file first (not timed) and deleted afterwards.
 */
@Command(
    name = "csv",
    mixinStandardHelpOptions = true,
    description = {
      "Read and normalize N rows (the sample repeated, with fresh Object IDs): prints rows/s and"
          + " peak heap. Run with a capped heap, e.g. METART_JAVA_OPTS=-Xmx512m ./metart bench csv.",
    })
final class CsvBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "500000", description = "Rows to read (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "The rows to repeat (default: $METART_SAMPLE_DIR/objects.csv, else ../shared/met-sample/objects.csv).")
  Path csv;

  @Option(names = "--file", paramLabel = "FILE", description = "Read this big file as it is instead of generating one (--rows, --csv ignored).")
  Path file;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Timed runs; the median is reported (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--keep", description = "Keep the generated file (its path is printed).")
  boolean keep;

  /** What one timed run measured. */
  record Run(long rows, long skipped, double wallSeconds, double cpuSeconds, double processCpuSeconds,
      long peakHeapBytes, long gcCount, long checksum) {}

  @Override
  public Integer call() throws IOException {
    if (rows < 1 || runs < 1) {
      throw new ParameterException(spec.commandLine(), "--rows and --runs must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path input = file;
    boolean generated = false;
    if (input == null) {
      Path seed = csv != null ? csv : defaultSample();
      input = Files.createTempFile("metart-bench-", ".csv");
      generated = true;
      long t0 = System.nanoTime();
      long written = generate(seed, input, rows);
      out.printf(Locale.ROOT, "generated %,d rows (%s repeated, fresh Object IDs): %s, %.0f MiB, in %.1f s (not timed)%n",
          written, seed, input, Files.size(input) / 1048576.0, (System.nanoTime() - t0) / 1e9);
      out.flush();
    }
    try {
      List<Run> results = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        Run run = run(input);
        results.add(run);
        out.printf(Locale.ROOT, "run %d: %,d rows (%,d skipped) in %.2f s wall, %.2f s CPU on the reading thread,"
            + " %.2f s CPU in all threads: %,.0f rows/s; peak heap %.0f MiB; %d GCs%n",
            i + 1, run.rows(), run.skipped(), run.wallSeconds(), run.cpuSeconds(), run.processCpuSeconds(),
            run.rows() / run.wallSeconds(), run.peakHeapBytes() / 1048576.0, run.gcCount());
        out.flush();
      }
      results.sort((a, b) -> Double.compare(a.wallSeconds(), b.wallSeconds()));
      Run median = results.get(results.size() / 2);
      long maxPeak = results.stream().mapToLong(Run::peakHeapBytes).max().orElse(0);
      Runtime rt = Runtime.getRuntime();
      out.printf(Locale.ROOT, "median of %d runs: %,d rows in %.2f s wall (%.2f s CPU on the reading thread, %.2f s in all"
          + " threads): %,.0f rows/s%n", runs, median.rows(), median.wallSeconds(), median.cpuSeconds(),
          median.processCpuSeconds(), median.rows() / median.wallSeconds());
      out.printf(Locale.ROOT, "projected for 480,000 rows: %.1f s wall%n", 480_000 * median.wallSeconds() / median.rows());
      out.printf(Locale.ROOT, "peak heap (sum of heap pool peaks, upper bound): %.0f MiB; max heap %.0f MiB%n",
          maxPeak / 1048576.0, rt.maxMemory() / 1048576.0);
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      out.printf(Locale.ROOT, "machine: %d processors, load average %.2f (other processes share the CPUs)%n",
          rt.availableProcessors(), load);
      out.flush();
    } finally {
      if (generated && !keep) {
        Files.deleteIfExists(input);
      } else if (generated) {
        out.println("kept " + input);
      }
    }
    return 0;
  }

  /** One timed pass: read every row, normalize Culture, resolve years, normalize Period. */
  private static Run run(Path input) throws IOException {
    System.gc();
    List<MemoryPoolMXBean> heap = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
        heap.add(pool);
      }
    }
    long gcBefore = gcCount();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    CultureNormalizer cultures = CultureNormalizer.builder().build();
    YearResolver years = YearResolver.builder().periods(PeriodNormalizer.defaults()).build();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long process0 = processCpu();
    long t0 = System.nanoTime();
    long count = 0;
    long checksum = 0;
    long skipped;
    try (MetCsvReader reader = MetCsvFormat.DEFAULT.open(input)) {
      for (MetObject object : reader) {
        count++;
        checksum += cultures.explain(object.culture()).label().map(String::length).orElse(0);
        ResolvedYears resolved = years.resolve(object);
        checksum += resolved.years().map(r -> r.begin()).orElse(0);
        checksum += years.periodYears(object.period()).isPresent() ? 1 : 0;
      }
      skipped = reader.report().rowsSkipped();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpuTime = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double processTime = (processCpu() - process0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : heap) {
      peak += pool.getPeakUsage().getUsed();
    }
    return new Run(count, skipped, wall, cpuTime, processTime, peak, gcCount() - gcBefore, checksum);
  }

  /** CPU time of the whole process (all threads: reading, read-ahead, GC), or -1 when unknown. */
  private static long processCpu() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  /** Writes the header and then the seed file's rows again and again, each with a new Object ID. */
  static long generate(Path seed, Path target, int rows) throws IOException {
    List<CSVRecord> records = new ArrayList<>();
    List<String> header;
    int idColumn;
    try (BufferedReader in = Files.newBufferedReader(seed, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      header = new ArrayList<>(parser.getHeaderNames());
      if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
        header.set(0, header.get(0).substring(1));
      }
      idColumn = header.indexOf("Object ID");
      if (idColumn < 0) {
        throw new IOException(seed + ": no 'Object ID' column: not a MetObjects.csv-format file");
      }
      parser.forEach(records::add);
    }
    if (records.isEmpty()) {
      throw new IOException(seed + ": has no rows to repeat");
    }
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
      w.write('\uFEFF');
      printer.printRecord(header);
      String[] values = new String[header.size()];
      for (long round = 0; written < rows; round++) {
        for (CSVRecord r : records) {
          if (written == rows) {
            break;
          }
          for (int i = 0; i < values.length; i++) {
            values[i] = i < r.size() ? r.get(i) : "";
          }
          values[idColumn] = Long.toString(++written);
          printer.printRecord((Object[]) values);
        }
      }
    }
    return written;
  }

  private Path defaultSample() {
    String env = System.getenv("METART_SAMPLE_DIR");
    List<Path> candidates = new ArrayList<>();
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env, "objects.csv"));
    }
    String property = System.getProperty("metart.sample.dir");
    if (property != null) {
      candidates.add(Path.of(property, "objects.csv"));
    }
    candidates.add(Path.of("..", "shared", "met-sample", "objects.csv"));
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new ParameterException(spec.commandLine(),
        "no rows to repeat: give --csv FILE (a MetObjects.csv-format file) or set METART_SAMPLE_DIR");
  }
}

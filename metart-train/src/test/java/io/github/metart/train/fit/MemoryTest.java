package io.github.metart.train.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays flat over hundreds of training steps, measured two ways after every epoch of {@code
 * Trainer.fit}: the number of arrays alive on the model's manager (and its sub-managers) is exactly
 * the same at every epoch end, which catches a single array kept per step; and a fresh JVM's
 * resident set (VmRSS, which counts PyTorch's allocations) does not grow from the early to the last
 * epochs, which catches native leaks outside DJL's managers. The controls show that both probes
 * see leaks: a hand-written loop that keeps each step's arrays on a long-lived manager fails both,
 * and a listener that keeps one scalar per step fails the array count. Each measurement runs in its
 * own JVM ({@link MemoryChild}) so that memory freed by earlier tests cannot hide a leak.
 */
class MemoryTest {

  private static final long MB = 1 << 20;
  private static final long TOLERANCE = 24 * MB;

  @TempDir Path temp;

  /** What the child printed after one epoch. */
  private record Sample(long rss, int arrays) {}

  @Test
  void arraysAndResidentMemoryStayFlatOverManySteps() throws Exception {
    List<Sample> samples = run("trainer", 12);
    // 12 epochs of 20 steps (240 steps); the first epochs warm the allocators up
    assertThat(samples).hasSize(12);
    assertThat(arrays(samples))
        .as("arrays alive on the model's manager after each epoch")
        .containsOnly(samples.get(0).arrays());
    List<Long> rss = rss(samples);
    assertThat(rss.get(11) - rss.get(3))
        .as("VmRSS growth from epoch 4 to 12 (MB per epoch: %s)", megabytes(rss))
        .isLessThan(TOLERANCE);
  }

  @Test
  void bothProbesSeeALoopThatKeepsItsInputs() throws Exception {
    List<Sample> samples = run("leaky", 12);
    assertThat(samples).hasSize(12);
    List<Long> rss = rss(samples);
    assertThat(rss.get(11) - rss.get(3))
        .as("VmRSS growth of the leaky loop (MB per epoch: %s)", megabytes(rss))
        .isGreaterThan(2 * TOLERANCE);
    List<Integer> arrays = arrays(samples);
    assertThat(arrays.get(11) - arrays.get(0))
        .as("arrays kept by the leaky loop after each epoch: %s", arrays)
        .isGreaterThanOrEqualTo(11 * 20);
  }

  @Test
  void theArrayCountSeesOneArrayKeptPerStep() throws Exception {
    List<Sample> samples = run("one-per-step", 4);
    assertThat(samples).hasSize(4);
    List<Integer> arrays = arrays(samples);
    for (int epoch = 1; epoch < 4; epoch++) {
      assertThat(arrays.get(epoch) - arrays.get(epoch - 1))
          .as("arrays after each epoch (20 steps each): %s", arrays)
          .isEqualTo(20);
    }
  }

  private static List<Long> rss(List<Sample> samples) {
    return samples.stream().map(Sample::rss).toList();
  }

  private static List<Integer> arrays(List<Sample> samples) {
    return samples.stream().map(Sample::arrays).toList();
  }

  private List<Sample> run(String mode, int epochs) throws Exception {
    assumeTrue(
        Files.isReadable(Path.of("/proc/self/status")), "needs /proc/self/status (Linux) for VmRSS");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path errors = temp.resolve(mode + ".err");
    Process process =
        new ProcessBuilder(
                java,
                // a pre-touched heap: Java heap pages first touched later do not count as growth
                "-Xms192m",
                "-Xmx192m",
                "-XX:+AlwaysPreTouch",
                "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                classPath,
                MemoryChild.class.getName(),
                mode,
                Integer.toString(epochs))
            .redirectError(errors.toFile())
            .start();
    List<Sample> samples = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("rss ")) {
          String[] words = line.split(" ");
          samples.add(new Sample(Long.parseLong(words[1]), Integer.parseInt(words[7])));
        }
      }
    }
    if (!process.waitFor(240, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the " + mode + " child did not finish in time");
    }
    assertThat(process.exitValue()).as(Files.readString(errors)).isZero();
    return samples;
  }

  private static List<Long> megabytes(List<Long> bytes) {
    return bytes.stream().map(b -> b / MB).toList();
  }
}

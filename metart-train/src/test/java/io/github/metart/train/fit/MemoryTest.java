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
 * Native memory stays flat over hundreds of training steps: a fresh JVM's resident set (VmRSS, which
 * counts PyTorch's allocations) does not grow from the early to the last epochs of {@code
 * Trainer.fit}. A hand-written loop that keeps each step's arrays on a long-lived manager, measured
 * the same way, does grow: the probe sees leaks of this size. Each measurement runs in its own JVM
 * ({@link MemoryChild}) so that memory freed by earlier tests cannot hide a leak.
 */
class MemoryTest {

  private static final long MB = 1 << 20;
  private static final long TOLERANCE = 24 * MB;

  @TempDir Path temp;

  @Test
  void residentMemoryStaysFlatOverManySteps() throws Exception {
    List<Long> rss = run("trainer");
    // 12 epochs of 20 steps (240 steps); the first epochs warm the allocators up
    assertThat(rss).hasSize(12);
    assertThat(rss.get(11) - rss.get(3))
        .as("VmRSS growth from epoch 4 to 12 (MB per epoch: %s)", megabytes(rss))
        .isLessThan(TOLERANCE);
  }

  @Test
  void theProbeSeesALeakOfThisSize() throws Exception {
    List<Long> rss = run("leaky");
    assertThat(rss).hasSize(12);
    assertThat(rss.get(11) - rss.get(3))
        .as("VmRSS growth of the leaky loop (MB per epoch: %s)", megabytes(rss))
        .isGreaterThan(2 * TOLERANCE);
  }

  private List<Long> run(String mode) throws Exception {
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
                mode)
            .redirectError(errors.toFile())
            .start();
    List<Long> rss = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("rss ")) {
          rss.add(Long.parseLong(line.split(" ")[1]));
        }
      }
    }
    if (!process.waitFor(240, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the " + mode + " child did not finish in time");
    }
    assertThat(process.exitValue()).as(Files.readString(errors)).isZero();
    return rss;
  }

  private static List<Long> megabytes(List<Long> bytes) {
    return bytes.stream().map(b -> b / MB).toList();
  }
}

package io.github.metart.examples.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The quick demo, run once per test JVM and shared by the tests that need a trained model and
 * prepared folders (the demo itself, evaluate, predict, experiments). Deleted when the JVM exits.
 */
public final class QuickDemo {

  private static DemoResult result;

  private QuickDemo() {}

  /** The result of {@code metart demo --size quick}, run on first use. */
  public static synchronized DemoResult result() {
    if (result == null) {
      try {
        Path folder = Files.createTempDirectory("metart-quick-demo");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
        result = DemoRun.builder().output(folder.resolve("demo")).size(DemoSize.QUICK).build().run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return result;
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder left behind is not worth failing for
    }
  }
}

package io.github.metart.examples.endtoend;

import io.github.metart.examples.cli.DemoCommand;
import io.github.metart.examples.cli.MetartCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The quick demo, run once per test JVM through the command line ({@code metart demo --size quick
 * --out DIR --no-progress}, in-process) and shared by the tests that need a trained model and
 * prepared folders (the demo itself, the demo command, evaluate, predict, experiments). Deleted
 * when the JVM exits.
 */
public final class QuickDemo {

  /**
   * What the command line printed and returned.
   *
   * @param output the {@code --out} folder
   * @param exitCode the exit code
   * @param out what it printed on stdout (stages and the summary)
   * @param err what it printed on stderr
   */
  public record CommandRun(Path output, int exitCode, String out, String err) {}

  private static CommandRun command;
  private static DemoResult result;

  private QuickDemo() {}

  /** The result of {@code metart demo --size quick}, run on first use. */
  public static synchronized DemoResult result() {
    run();
    return result;
  }

  /** What {@code metart demo --size quick} printed and returned, run on first use. */
  public static synchronized CommandRun commandRun() {
    run();
    return command;
  }

  private static void run() {
    if (result != null) {
      return;
    }
    Path folder;
    try {
      folder = Files.createTempDirectory("metart-quick-demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
    Path output = folder.resolve("demo");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = MetartCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    int code = cli.execute("demo", "--size", "quick", "--out", output.toString(), "--no-progress");
    CommandRun run = new CommandRun(output, code, out.toString(), err.toString());
    DemoCommand demo = cli.getSubcommands().get("demo").getCommand();
    result =
        demo.result()
            .orElseThrow(() -> new IllegalStateException(
                "metart demo --size quick --out " + output + " exited with " + code + ": " + run.err()));
    command = run;
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder left behind is not worth failing for
    }
  }
}

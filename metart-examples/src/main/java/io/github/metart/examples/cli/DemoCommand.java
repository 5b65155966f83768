package io.github.metart.examples.cli;

import io.github.metart.examples.endtoend.DemoResult;
import io.github.metart.examples.endtoend.DemoRun;
import io.github.metart.examples.endtoend.DemoSize;
import io.github.metart.examples.endtoend.DemoSummary;
import io.github.metart.train.listeners.ProgressBar;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metart demo [--out DIR] [--size standard|quick]}: the main job on built-in generated data —
 * generate a demo collection, prepare the culture and year datasets, train a classifier and a year
 * regressor, evaluate both on the test split, write a report folder and print a summary.
 */
@Command(
    name = "demo",
    header = "The main job on built-in generated data: prepare, train, evaluate, report.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "The main job on built-in GENERATED data (offline, deterministic): generate a Met-like",
      "collection whose images are drawn by metart (not Met photographs), then the real pipeline:",
      "read and normalize MetObjects.csv, build the culture and year datasets, prepare the image",
      "cache, train a culture classifier and a year regressor, evaluate both on the test split,",
      "write DIR/report/index.html and print a summary. The standard size takes a few minutes on",
      "two CPU cores."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "metart-demo",
      description = "The output folder (default: ${DEFAULT-VALUE}); an earlier demo output there is replaced.")
  Path out;

  @Option(
      names = "--size",
      paramLabel = "SIZE",
      defaultValue = "standard",
      description = "standard (default) or quick (a reduced run in well under a minute, for tests).")
  String size;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Seed of the collection, the splits and training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "CPU threads for image preparation and training (default: one per processor).")
  Integer threads;

  @Option(names = "--no-progress", description = "No training progress bar on stderr.")
  boolean noProgress;

  private DemoResult result;

  /**
   * What the last run of this command produced, for an application embedding the command line (or
   * a test) that wants the models and figures behind the summary it printed: get the command with
   * {@code commandLine.getSubcommands().get("demo").getCommand()} after {@code execute}.
   *
   * @return the result, empty before the command ran or when it failed
   */
  public Optional<DemoResult> result() {
    return Optional.ofNullable(result);
  }

  @Override
  public Integer call() throws Exception {
    DemoSize chosen;
    try {
      chosen = DemoSize.named(size);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--size: " + e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    DemoRun.Builder demo = DemoRun.builder().output(out).size(chosen).seed(seed).stages(stdout);
    if (threads != null) {
      CliOptions.requirePositive(spec, "--threads", threads);
      demo.threads(threads);
    }
    if (!noProgress) { // epoch summaries come from the log
      demo.listener(
          new ProgressBar(
              new PrintStream(System.err, true, StandardCharsets.UTF_8), System.console() != null, false));
    }
    result = demo.build().run();
    stdout.println();
    stdout.print(DemoSummary.text(result));
    stdout.flush();
    return 0;
  }
}

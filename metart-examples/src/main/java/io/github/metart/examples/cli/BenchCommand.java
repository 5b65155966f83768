package io.github.metart.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metart bench}: benchmarks that print figures (throughput, memory), each with the command
 * that reproduces it. Not timed tests: run them on a quiet machine.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures: image preparation and loading.",
    subcommands = {BenchPrepareCommand.class, BenchLoadCommand.class})
public final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing benchmark: prepare or load");
  }
}

package io.github.metart.examples.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metart bench ...}: benchmarks that print their figures (speed and memory targets live here,
 * not in timed unit tests). Each benchmark is a subcommand.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print their figures.",
    subcommands = {CsvBenchCommand.class, BenchPrepareCommand.class, BenchLoadCommand.class, BenchTrainCommand.class})
public final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing benchmark: csv, prepare, load or train");
  }
}

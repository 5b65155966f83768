package io.github.metart.examples.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code metart classpath}: prints the runtime class path as absolute paths, for {@code jshell
 * --class-path "$(./metart classpath)"}.
 */
@Command(
    name = "classpath",
    mixinStandardHelpOptions = true,
    description = "Print the runtime class path (for jshell --class-path).")
final class ClasspathCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
            .collect(Collectors.joining(File.pathSeparator));
    spec.commandLine().getOut().println(classPath);
  }
}

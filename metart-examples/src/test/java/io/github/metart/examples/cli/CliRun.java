package io.github.metart.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures what it printed (and feeds stdin when asked). */
public final class CliRun {

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  private CliRun() {}

  /** Runs {@code metart args...}. */
  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = MetartCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs {@code metart args...} with {@code stdin} as standard input. */
  public static Result runWithStdin(String stdin, String... args) {
    return runWithStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  /** Runs {@code metart args...} with these bytes as standard input. */
  public static synchronized Result runWithStdin(byte[] stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin));
    try {
      return run(args);
    } finally {
      System.setIn(saved);
    }
  }
}

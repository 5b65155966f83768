package io.github.metart.train.fit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code main} class run in its own JVM on the test class path (offline DJL, warnings only), for
 * tests that kill a process: its stdout is read line by line, its stderr goes to a file. In the
 * tests jar, so that metart-examples' kill tests launch their children the same way.
 */
public final class ChildJvm {

  private final Process process;
  private final BufferedReader out;
  private final Path errors;
  private final List<String> lines = new ArrayList<>();

  private ChildJvm(Process process, Path errors) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.errors = errors;
  }

  /**
   * Starts {@code main} with {@code args} in a JVM of at most {@code maxHeap} (e.g. {@code 512m});
   * its stderr is written to {@code errors}.
   */
  public static ChildJvm start(Path errors, String maxHeap, Class<?> main, String... args)
      throws IOException {
    Files.createDirectories(errors.toAbsolutePath().getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx" + maxHeap,
                "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                classPath,
                main.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectError(errors.toFile());
    return new ChildJvm(builder.start(), errors);
  }

  /** The next line of the child's stdout, or null at its end. */
  public String readLine() throws IOException {
    String line = out.readLine();
    if (line != null) {
      lines.add(line);
    }
    return line;
  }

  /** The lines of stdout read so far. */
  public List<String> lines() {
    return lines;
  }

  /** Whether the child is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the child with SIGKILL (on Unix): no shutdown hook, no last write. */
  public void kill() {
    process.destroyForcibly();
  }

  /**
   * Reads the rest of stdout and waits (at most 3 minutes) for the child's end; returns its exit
   * code (137 after {@link #kill()}).
   */
  public int awaitExit() throws Exception {
    try {
      while (readLine() != null) {
        // drain
      }
    } catch (IOException e) {
      // a killed process's streams are closed
    }
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not finish in time: " + log());
    }
    return process.exitValue();
  }

  /** The stdout read so far and the stderr file, for assertion messages. */
  public String log() {
    try {
      return "stdout " + lines + "; stderr " + Files.readString(errors);
    } catch (IOException e) {
      return "stdout " + lines;
    }
  }
}

package io.github.metart.examples.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs a JShell notebook ({@code .jsh}) the way {@code jshell --class-path CP notebook.jsh} does —
 * the default startup imports, then every snippet in order, in a separate JVM with the given class
 * path — but through the {@code jdk.jshell} API, so that a rejected snippet, an unresolved reference
 * or an exception fails the run with the notebook's line number. Stops at the first failure.
 *
 * <p>Lines starting with {@code /} between snippets are JShell commands: {@code /exit} ends the
 * notebook; any other command fails it (the tests would not run it the same way).
 */
final class JShellNotebook {

  /** The jshell tool's DEFAULT startup (what {@code jshell} imports before a script runs). */
  static final List<String> DEFAULT_IMPORTS =
      List.of(
          "import java.io.*;",
          "import java.math.*;",
          "import java.net.*;",
          "import java.nio.file.*;",
          "import java.util.*;",
          "import java.util.concurrent.*;",
          "import java.util.function.*;",
          "import java.util.prefs.*;",
          "import java.util.regex.*;",
          "import java.util.stream.*;");

  /**
   * The outcome of a run.
   *
   * @param notebook the file
   * @param snippets how many snippets ran
   * @param output what the notebook printed
   * @param failure the first failure, if any
   */
  record Run(Path notebook, int snippets, String output, Optional<NotebookFailure> failure) {

    /** Throws an {@link AssertionError} naming the failure, with the output so far. */
    Run assertSucceeded() {
      failure.ifPresent(
          f -> {
            throw new AssertionError(f + "\n--- notebook output ---\n" + output);
          });
      return this;
    }
  }

  private final List<Path> classPath;
  private final List<String> vmOptions;
  private final Duration timeout;

  /**
   * A runner.
   *
   * @param classPath the class path of the JVM running the snippets
   * @param vmOptions extra options for that JVM (e.g. {@code -Xmx1g})
   * @param timeout the longest a notebook may run
   */
  JShellNotebook(List<Path> classPath, List<String> vmOptions, Duration timeout) {
    this.classPath = List.copyOf(classPath);
    this.vmOptions = List.copyOf(vmOptions);
    this.timeout = timeout;
  }

  /** A runner with the module's runtime class path, headless, offline, 1 GiB heap, 5 minutes. */
  static JShellNotebook withRuntimeClassPath() {
    return new JShellNotebook(
        RuntimeClassPath.entries(),
        List.of("-Xmx1g", "-Djava.awt.headless=true", "-Dai.djl.offline=true"),
        Duration.ofMinutes(5));
  }

  /** Runs a notebook file. */
  Run run(Path notebook) throws IOException {
    String source = Files.readString(notebook, StandardCharsets.UTF_8);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8);
    String cp = RuntimeClassPath.asString(classPath);
    List<String> options = new ArrayList<>(vmOptions);
    options.add("--class-path");
    options.add(cp);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (JShell shell =
        JShell.builder()
            .out(printer)
            .err(printer)
            .remoteVMOptions(options.toArray(String[]::new))
            .build()) {
      shell.addToClasspath(cp);
      Future<Run> run = executor.submit(() -> evaluate(shell, notebook, source, output));
      try {
        return run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        shell.stop();
        run.cancel(true);
        return new Run(
            notebook,
            0,
            output.toString(StandardCharsets.UTF_8),
            Optional.of(new NotebookFailure(notebook, 1, "", "timed out after " + timeout)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running " + notebook, e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("running " + notebook + " crashed: " + e.getCause(), e.getCause());
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private static Run evaluate(JShell shell, Path notebook, String source, ByteArrayOutputStream output) {
    for (String line : DEFAULT_IMPORTS) {
      Optional<String> problem = problem(shell, shell.eval(line));
      if (problem.isPresent()) {
        return failed(notebook, 0, 0, line, "startup import failed: " + problem.get(), output);
      }
    }
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String[] lines = source.split("\\R", -1);
    StringBuilder pending = new StringBuilder();
    int pendingStart = 0; // line number of the pending text's first line
    int snippets = 0;
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String line = lines[i];
      String stripped = line.strip();
      boolean comment = stripped.startsWith("//") || stripped.startsWith("/*");
      if (pending.toString().isBlank() && stripped.startsWith("/") && !comment) {
        String command = stripped;
        if (command.equals("/exit") || command.startsWith("/exit ")) {
          return new Run(notebook, snippets, output.toString(StandardCharsets.UTF_8), Optional.empty());
        }
        return failed(notebook, snippets, lineNumber, command, "unsupported jshell command", output);
      }
      if (pending.toString().isBlank()) {
        if (stripped.startsWith("//")) {
          continue; // a comment between snippets
        }
        pending.setLength(0);
        pendingStart = lineNumber;
      }
      pending.append(line).append('\n');
      while (true) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending.toString());
        if (!info.completeness().isComplete()) {
          break;
        }
        int start = pendingStart + leadingLineBreaks(pending);
        String snippet = info.source();
        snippets++;
        Optional<String> problem = problem(shell, shell.eval(snippet));
        if (problem.isPresent()) {
          return failed(notebook, snippets, start, firstLine(snippet), problem.get(), output);
        }
        String remaining = info.remaining();
        int consumedLines =
            pending.toString().endsWith(remaining)
                ? lineBreaksIn(pending.substring(0, pending.length() - remaining.length()))
                : lineBreaksIn(snippet);
        pendingStart += consumedLines;
        pending = new StringBuilder(remaining);
        if (pending.toString().isBlank()) {
          break;
        }
      }
    }
    if (!pending.toString().isBlank()) {
      int start = pendingStart + leadingLineBreaks(pending);
      snippets++;
      Optional<String> problem = problem(shell, shell.eval(pending.toString()));
      if (problem.isPresent()) {
        return failed(notebook, snippets, start, firstLine(pending.toString()), problem.get(), output);
      }
    }
    return new Run(notebook, snippets, output.toString(StandardCharsets.UTF_8), Optional.empty());
  }

  /** What went wrong with a snippet's evaluation, if anything. */
  private static Optional<String> problem(JShell shell, List<SnippetEvent> events) {
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue; // a consequence for an earlier snippet, not this one
      }
      JShellException exception = event.exception();
      if (exception instanceof UnresolvedReferenceException unresolved) {
        return Optional.of(
            "calls " + unresolved.getSnippet().name() + ", which refers to something undefined");
      }
      if (exception instanceof EvalException thrown) {
        return Optional.of("threw " + thrown.getExceptionClassName() + ": " + thrown.getMessage());
      }
      if (exception != null) {
        return Optional.of("threw " + exception);
      }
      Snippet snippet = event.snippet();
      switch (event.status()) {
        case REJECTED -> {
          String diagnostics =
              shell.diagnostics(snippet)
                  .map(d -> describe(snippet, d))
                  .collect(Collectors.joining("; "));
          return Optional.of("rejected: " + (diagnostics.isEmpty() ? "not valid Java" : diagnostics));
        }
        case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> {
          String missing =
              snippet instanceof DeclarationSnippet declaration
                  ? shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "))
                  : "?";
          return Optional.of("refers to undefined " + missing);
        }
        default -> {
          // VALID (or an overwritten earlier definition): fine
        }
      }
    }
    return Optional.empty();
  }

  private static String describe(Snippet snippet, Diag diag) {
    String source = snippet.source();
    long position = Math.max(0, Math.min(diag.getStartPosition(), source.length()));
    int lineInSnippet = lineBreaksIn(source.substring(0, (int) position));
    String message = diag.getMessage(Locale.ROOT).replaceAll("\\s*\\R\\s*", " ");
    return (lineInSnippet > 0 ? "(+" + lineInSnippet + " lines) " : "") + message;
  }

  private static Run failed(
      Path notebook, int snippets, int line, String code, String reason, ByteArrayOutputStream output) {
    return new Run(
        notebook,
        snippets,
        output.toString(StandardCharsets.UTF_8),
        Optional.of(new NotebookFailure(notebook, line, code, reason)));
  }

  private static int leadingLineBreaks(CharSequence text) {
    int breaks = 0;
    for (int i = 0; i < text.length() && Character.isWhitespace(text.charAt(i)); i++) {
      if (text.charAt(i) == '\n') {
        breaks++;
      }
    }
    return breaks;
  }

  private static int lineBreaksIn(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  private static String firstLine(String code) {
    return code.strip().lines().findFirst().orElse("");
  }
}

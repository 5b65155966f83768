package io.github.metart.examples.notebook;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a Markdown snippet with {@code javax.tools} against a class path and runs it in a fresh
 * JVM, the way a reader would paste it into their application.
 *
 * <p>A snippet that declares a public class with a {@code main} method is compiled as it is. Any
 * other snippet is a sequence of statements: its leading {@code import} lines stay imports and the
 * rest becomes the body of {@code public static void main(String[] args) throws Exception}.
 */
final class SnippetRunner {

  private static final Pattern PUBLIC_CLASS =
      Pattern.compile("(?m)^\\s*public\\s+(?:final\\s+)?(?:class|record)\\s+([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern MAIN = Pattern.compile("static\\s+void\\s+main\\s*\\(");

  /**
   * The outcome of a run.
   *
   * @param snippet the snippet
   * @param output what the program printed (stdout and stderr)
   * @param failure why it failed, if it did
   */
  record Run(MarkdownSnippet snippet, String output, Optional<NotebookFailure> failure) {

    /** Throws an {@link AssertionError} naming the failure, with the output. */
    Run assertSucceeded() {
      failure.ifPresent(
          f -> {
            throw new AssertionError(f + "\n--- snippet output ---\n" + output);
          });
      return this;
    }
  }

  /**
   * A compilation unit made from a snippet.
   *
   * @param className the public class to run
   * @param source the compilation unit
   * @param wrapped whether the snippet's statements were wrapped into a class
   * @param importLines how many leading snippet lines were kept outside the class
   */
  record Program(String className, String source, boolean wrapped, int importLines) {

    /** The 0-based snippet line a 1-based line of the generated source comes from. */
    int snippetLine(long generatedLine) {
      if (!wrapped || generatedLine <= importLines) {
        return (int) generatedLine - 1;
      }
      // one extra line (the class and main header) sits between the imports and the body
      return (int) Math.max(importLines, generatedLine - 2);
    }
  }

  private final List<Path> classPath;
  private final List<String> vmOptions;
  private final Duration timeout;

  SnippetRunner(List<Path> classPath, List<String> vmOptions, Duration timeout) {
    this.classPath = List.copyOf(classPath);
    this.vmOptions = List.copyOf(vmOptions);
    this.timeout = timeout;
  }

  /** A runner with the module's runtime class path, headless, offline, 1 GiB heap, 5 minutes. */
  static SnippetRunner withRuntimeClassPath() {
    return new SnippetRunner(
        RuntimeClassPath.entries(),
        List.of("-Xmx1g", "-Djava.awt.headless=true", "-Dai.djl.offline=true"),
        Duration.ofMinutes(5));
  }

  /** The program a snippet becomes. */
  static Program program(MarkdownSnippet snippet) {
    Matcher type = PUBLIC_CLASS.matcher(snippet.code());
    if (type.find() && MAIN.matcher(snippet.code()).find()) {
      return new Program(type.group(1), snippet.code(), false, 0);
    }
    List<String> lines = snippet.code().lines().toList();
    int body = 0;
    while (body < lines.size()
        && (lines.get(body).isBlank() || lines.get(body).strip().startsWith("import "))) {
      body++;
    }
    String className = "Snippet_" + snippet.name().replaceAll("[^A-Za-z0-9_]", "_");
    StringBuilder source = new StringBuilder();
    lines.subList(0, body).forEach(line -> source.append(line).append('\n'));
    source.append("public final class ").append(className).append(" {");
    source.append(" public static void main(String[] args) throws Exception {\n");
    lines.subList(body, lines.size()).forEach(line -> source.append(line).append('\n'));
    source.append("}}\n");
    return new Program(className, source.toString(), true, body);
  }

  /** Compiles and runs a snippet. */
  Run run(MarkdownSnippet snippet, Path workDirectory) throws IOException, InterruptedException {
    Program program = program(snippet);
    Path sources = Files.createDirectories(workDirectory.resolve("src"));
    Path classes = Files.createDirectories(workDirectory.resolve("classes"));
    Path file = sources.resolve(program.className() + ".java");
    Files.writeString(file, program.source(), StandardCharsets.UTF_8);

    Optional<NotebookFailure> compileFailure = compile(snippet, program, file, classes);
    if (compileFailure.isPresent()) {
      return new Run(snippet, "", compileFailure);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(vmOptions);
    command.add("-cp");
    command.add(classes + File.pathSeparator + RuntimeClassPath.asString(classPath));
    command.add(program.className());
    Process process =
        new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    StringBuilder output = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                output.append("(output lost: ").append(e.getMessage()).append(')');
              }
            });
    reader.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      reader.join();
      return new Run(snippet, output.toString(), failure(snippet, "timed out after " + timeout));
    }
    reader.join();
    int exit = process.exitValue();
    if (exit != 0) {
      return new Run(snippet, output.toString(), failure(snippet, "exited with code " + exit));
    }
    return new Run(snippet, output.toString(), Optional.empty());
  }

  private Optional<NotebookFailure> compile(
      MarkdownSnippet snippet, Program program, Path file, Path classes) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      return failure(snippet, "no Java compiler: run the tests on a JDK");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release", "17", "-proc:none", "-d", classes.toString(),
              "-classpath", RuntimeClassPath.asString(classPath));
      boolean ok =
          compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
      if (ok) {
        return Optional.empty();
      }
    }
    String errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(
                d -> {
                  long generated = d.getLineNumber();
                  long markdownLine =
                      generated <= 0 ? snippet.line() : snippet.line() + program.snippetLine(generated);
                  return "line " + markdownLine + ": " + d.getMessage(Locale.ROOT).replaceAll("\\s*\\R\\s*", " ");
                })
            .collect(Collectors.joining("; "));
    return failure(snippet, "does not compile: " + errors);
  }

  private static Optional<NotebookFailure> failure(MarkdownSnippet snippet, String reason) {
    String first = snippet.code().strip().lines().findFirst().orElse("");
    return Optional.of(
        new NotebookFailure(snippet.file(), snippet.line(), first, "snippet '" + snippet.name() + "' " + reason));
  }
}

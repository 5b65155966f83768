package io.github.metart.examples.notebook;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every notebook in the repository's {@code notebooks/} folder, each as its own test. A new
 * {@code notebooks/*.jsh} is picked up without touching this class.
 */
class NotebooksTest {

  @TestFactory
  Stream<DynamicTest> everyNotebookRuns() throws IOException {
    Path folder = RuntimeClassPath.repositoryRoot().resolve("notebooks");
    if (!Files.isDirectory(folder)) {
      return Stream.empty();
    }
    JShellNotebook runner = JShellNotebook.withRuntimeClassPath();
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".jsh"))
          .sorted()
          .toList()
          .stream()
          .map(f -> dynamicTest(f.getFileName().toString(), () -> runner.run(f).assertSucceeded()));
    }
  }
}

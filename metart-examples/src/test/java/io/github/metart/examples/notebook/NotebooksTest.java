package io.github.metart.examples.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every notebook in the repository's {@code notebooks/} folder, each as its own test. A new
 * {@code notebooks/*.jsh} is picked up without touching this class.
 */
class NotebooksTest {

  /** The notebooks the README points JShell explorers to. */
  static final List<String> REQUIRED_NOTEBOOKS = List.of("dataset.jsh", "culture.jsh", "year.jsh");

  static Path folder() {
    Path folder = RuntimeClassPath.repositoryRoot().resolve("notebooks");
    assertThat(folder).as("the repository's notebooks folder").isDirectory();
    return folder;
  }

  @Test
  void theRequiredNotebooksArePresent() {
    Path folder = folder();
    for (String name : REQUIRED_NOTEBOOKS) {
      assertThat(folder.resolve(name)).as("notebook %s", name).isNotEmptyFile();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyNotebookRuns() throws IOException {
    Path folder = folder();
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

package io.github.metart.examples.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The notebook harness itself, on small notebooks under src/test/resources/notebooks. */
class JShellNotebookTest {

  static JShellNotebook runner;

  @BeforeAll
  static void runner() {
    runner = JShellNotebook.withRuntimeClassPath();
  }

  static Path resource(String name) {
    return RuntimeClassPath.moduleDirectory().resolve("src/test/resources/notebooks").resolve(name);
  }

  @Test
  void aNotebookUsingTheDemoGeneratorRuns() throws IOException {
    JShellNotebook.Run run = runner.run(resource("demo-collection.jsh")).assertSucceeded();

    assertThat(run.output()).containsPattern("rows: \\d+, images: \\d+").contains("japanese objects: 13");
    assertThat(run.snippets()).isEqualTo(10);
  }

  @Test
  void aRejectedSnippetFailsWithItsLine() throws IOException {
    JShellNotebook.Run run = runner.run(resource("rejected.jsh"));

    assertThat(run.failure()).isPresent();
    NotebookFailure failure = run.failure().get();
    assertThat(failure.line()).isEqualTo(4);
    assertThat(failure.code()).isEqualTo("String text = answer.toUpperCase();");
    assertThat(failure.reason()).startsWith("rejected: ").contains("int cannot be dereferenced");
    assertThat(run.output()).doesNotContain("never printed");
  }

  @Test
  void anExceptionFailsTheNotebook() throws IOException {
    JShellNotebook.Run run = runner.run(resource("throwing.jsh"));

    NotebookFailure failure = run.failure().orElseThrow();
    assertThat(failure.line()).isEqualTo(3);
    assertThat(failure.reason())
        .startsWith("threw java.lang.")
        .contains("IndexOutOfBoundsException")
        .contains("5");
    assertThat(run.output()).contains("before").doesNotContain("never printed");
  }

  @Test
  void anUndefinedReferenceFailsTheNotebook() throws IOException {
    NotebookFailure failure = runner.run(resource("undefined.jsh")).failure().orElseThrow();

    assertThat(failure.line()).isEqualTo(1);
    assertThat(failure.reason()).contains("undefined").contains("helper");
  }

  @Test
  void commandsOtherThanExitAreRefused() throws IOException {
    NotebookFailure failure = runner.run(resource("unsupported-command.jsh")).failure().orElseThrow();

    assertThat(failure.line()).isEqualTo(2);
    assertThat(failure.reason()).isEqualTo("unsupported jshell command");
    assertThat(failure.toString()).contains("unsupported-command.jsh:2");
  }
}

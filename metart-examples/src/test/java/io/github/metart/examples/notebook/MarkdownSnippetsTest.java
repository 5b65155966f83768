package io.github.metart.examples.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every snippet marked {@code <!-- snippet: NAME -->} in the repository's README.md compiles and
 * runs; and the harness itself, on Markdown files under src/test/resources/snippets.
 */
class MarkdownSnippetsTest {

  @TempDir Path work;

  static Path resource(String name) {
    return RuntimeClassPath.moduleDirectory().resolve("src/test/resources/snippets").resolve(name);
  }

  /** The snippets the README must keep: how to depend on metart, and a whole training run. */
  static final List<String> REQUIRED_SNIPPETS = List.of("models-dependency", "trainer-fit", WholeJobSnippetTest.SNIPPET);

  static Path readme() {
    Path readme = RuntimeClassPath.repositoryRoot().resolve("README.md");
    assertThat(readme).as("the repository's README.md").isRegularFile();
    return readme;
  }

  @Test
  void theReadmeHasTheRequiredSnippets() throws IOException {
    assertThat(MarkdownSnippet.extract(readme()))
        .extracting(MarkdownSnippet::name)
        .as("snippets marked <!-- snippet: NAME --> in README.md")
        .containsAll(REQUIRED_SNIPPETS);
  }

  @TestFactory
  Stream<DynamicTest> everyReadmeSnippetCompilesAndRuns() throws IOException {
    Path readme = readme();
    SnippetRunner runner = SnippetRunner.withRuntimeClassPath();
    return MarkdownSnippet.extract(readme).stream()
        // the whole job runs once, in WholeJobSnippetTest, which also compares it with the commands
        .filter(snippet -> !snippet.name().equals(WholeJobSnippetTest.SNIPPET))
        .map(
            snippet ->
                dynamicTest(
                    snippet.name(),
                    () -> runner.run(snippet, work.resolve(snippet.name())).assertSucceeded()));
  }

  @Test
  void extractsOnlyMarkedJavaBlocksWithTheirLines() throws IOException {
    List<MarkdownSnippet> snippets = MarkdownSnippet.extract(resource("good.md"));

    assertThat(snippets).extracting(MarkdownSnippet::name).containsExactly("count-rows", "whole-program");
    assertThat(snippets.get(0).line()).isEqualTo(11);
    assertThat(snippets.get(0).code()).startsWith("import io.github.metart.examples.demo.DemoCollection;\n");
    assertThat(snippets.get(1).line()).isEqualTo(24);
  }

  @Test
  void statementsAndWholeProgramsCompileAndRun() throws Exception {
    SnippetRunner runner = SnippetRunner.withRuntimeClassPath();
    List<MarkdownSnippet> snippets = MarkdownSnippet.extract(resource("good.md"));

    SnippetRunner.Run statements = runner.run(snippets.get(0), work.resolve("a")).assertSucceeded();
    SnippetRunner.Run program = runner.run(snippets.get(1), work.resolve("b")).assertSucceeded();

    assertThat(statements.output()).containsPattern("rows: \\d+");
    assertThat(program.output()).contains("classes: [chinese, french, german, greek, italian, japanese]");
  }

  @Test
  void compileErrorsPointAtTheMarkdownLine() throws Exception {
    MarkdownSnippet snippet = MarkdownSnippet.extract(resource("broken.md")).get(0);

    NotebookFailure failure =
        SnippetRunner.withRuntimeClassPath().run(snippet, work).failure().orElseThrow();

    assertThat(failure.reason())
        .startsWith("snippet 'does-not-compile' does not compile: line 9: incompatible types");
    assertThat(failure.file()).isEqualTo(resource("broken.md"));
    assertThat(failure.line()).isEqualTo(5);
  }

  @Test
  void aSnippetThatThrowsFailsWithItsOutput() throws Exception {
    MarkdownSnippet snippet = MarkdownSnippet.extract(resource("broken.md")).get(1);

    SnippetRunner.Run run = SnippetRunner.withRuntimeClassPath().run(snippet, work);

    assertThat(run.failure()).hasValueSatisfying(f -> assertThat(f.reason()).endsWith("exited with code 1"));
    assertThat(run.output()).contains("about to fail").contains("IllegalStateException: the snippet failed");
  }

  @Test
  void badMarkersAreErrorsNamingTheLine() throws IOException {
    Path noBlock = Files.writeString(work.resolve("a.md"), "# T\n<!-- snippet: lonely -->\n\nsome text\n");
    Path twice =
        Files.writeString(
            work.resolve("b.md"),
            "<!-- snippet: x -->\n```java\nint a;\n```\n<!-- snippet: x -->\n```java\nint b;\n```\n");
    Path open = Files.writeString(work.resolve("c.md"), "<!-- snippet: y -->\n```java\nint a;\n");

    assertThatThrownBy(() -> MarkdownSnippet.extract(noBlock))
        .hasMessage(noBlock + ":2: snippet 'lonely' is not followed by a ```java block");
    assertThatThrownBy(() -> MarkdownSnippet.extract(twice)).hasMessage(twice + ":5: snippet 'x' appears twice");
    assertThatThrownBy(() -> MarkdownSnippet.extract(open))
        .hasMessage(open + ":2: the ```java block of snippet 'y' is never closed");
  }
}

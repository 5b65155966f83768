package io.github.metart.examples.notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java code block of a Markdown file marked for testing:
 *
 * <pre>
 * &lt;!-- snippet: trainer-fit --&gt;
 * ```java
 * ...
 * ```
 * </pre>
 *
 * <p>The marker must be followed (blank lines aside) by a {@code ```java} fence; names are unique
 * per file. Unmarked blocks are not tested (fragments may stay fragments).
 *
 * @param file the Markdown file
 * @param name the name in the marker
 * @param line the line of the first code line
 * @param code the code between the fences
 */
record MarkdownSnippet(Path file, String name, int line, String code) {

  private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*([A-Za-z0-9_.-]+)\\s*-->\\s*$");
  private static final Pattern OPEN_FENCE = Pattern.compile("^\\s*```\\s*java\\s*$");
  private static final Pattern CLOSE_FENCE = Pattern.compile("^\\s*```\\s*$");

  /**
   * The marked snippets of a Markdown file, in order.
   *
   * @throws IllegalArgumentException naming the file and line of a marker without a block, an
   *     unterminated block or a duplicate name
   */
  static List<MarkdownSnippet> extract(Path markdown) throws IOException {
    List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
    List<MarkdownSnippet> snippets = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = MARKER.matcher(lines.get(i));
      if (!marker.matches()) {
        continue;
      }
      String name = marker.group(1);
      int markerLine = i + 1;
      if (!names.add(name)) {
        throw new IllegalArgumentException(markdown + ":" + markerLine + ": snippet '" + name + "' appears twice");
      }
      int fence = i + 1;
      while (fence < lines.size() && lines.get(fence).isBlank()) {
        fence++;
      }
      if (fence >= lines.size() || !OPEN_FENCE.matcher(lines.get(fence)).matches()) {
        throw new IllegalArgumentException(
            markdown + ":" + markerLine + ": snippet '" + name + "' is not followed by a ```java block");
      }
      int end = fence + 1;
      while (end < lines.size() && !CLOSE_FENCE.matcher(lines.get(end)).matches()) {
        end++;
      }
      if (end >= lines.size()) {
        throw new IllegalArgumentException(
            markdown + ":" + (fence + 1) + ": the ```java block of snippet '" + name + "' is never closed");
      }
      String code = String.join("\n", lines.subList(fence + 1, end)) + "\n";
      snippets.add(new MarkdownSnippet(markdown, name, fence + 2, code));
      i = end;
    }
    return List.copyOf(snippets);
  }
}

package io.github.metart.data.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link CachePreparer#prepare} produced.
 *
 * @param directory the cache folder ({@code <root>/<recipe key>})
 * @param report the quality report of the requested objects
 * @param duplicates the near-duplicate groups among the requested objects
 */
public record PreparationResult(Path directory, QualityReport report, DuplicateGroups duplicates) {

  /** Validates the fields. */
  public PreparationResult {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(duplicates, "duplicates");
  }

  /** Opens the prepared cache for reading. */
  public PreparedCache open() throws IOException {
    return PreparedCache.open(directory);
  }
}

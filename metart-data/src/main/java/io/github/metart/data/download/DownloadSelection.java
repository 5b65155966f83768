package io.github.metart.data.download;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.metart.data.csv.MetColumn;
import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.csv.MetCsvReader;
import io.github.metart.data.csv.MetObject;
import io.github.metart.data.dataset.DatasetSplits;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which objects {@code metart download} fetches, read from a {@code MetObjects.csv}-format file: the
 * public-domain rows in file order, or exactly the given Object IDs and the objects of a prepared
 * folder (public domain or not; each must have a row), at most {@code limit} of them.
 *
 * @param csv the catalogue
 * @param ids Object IDs asked for by number (empty: none)
 * @param preparedFolder a folder written by {@code metart prepare} whose objects are asked for, or {@code null}
 * @param limit at most this many objects (the first selected), or {@code null} for all
 */
public record DownloadSelection(Path csv, List<Long> ids, Path preparedFolder, Integer limit) {

  /** Checks the values and copies the ids. */
  public DownloadSelection {
    requireNonNull(csv, "csv");
    ids = List.copyOf(ids);
    checkArgument(limit == null || limit >= 0, "the limit must be 0 or more, got %s", limit);
  }

  /** Every public-domain object of the catalogue. */
  public static DownloadSelection publicDomain(Path csv) {
    return new DownloadSelection(csv, List.of(), null, null);
  }

  /**
   * The Object IDs, in file order (or in the order asked for).
   *
   * @throws IOException naming the file when it is missing or unreadable, or the first ids asked for that have no row
   */
  public List<Long> objectIds() throws IOException {
    if (!Files.isRegularFile(csv)) {
      throw new IOException(csv + ": no such file");
    }
    Set<Long> wanted = ids.isEmpty() && preparedFolder == null ? null : new LinkedHashSet<>(ids);
    if (preparedFolder != null) {
      DatasetSplits prepared = DatasetSplits.read(preparedFolder);
      for (Split split : Split.values()) {
        for (LabeledObject object : prepared.get(split)) {
          wanted.add(object.objectId());
        }
      }
    }
    List<Long> selected = new ArrayList<>();
    Set<Long> found = new LinkedHashSet<>();
    try (MetCsvReader reader = MetCsvFormat.DEFAULT.withRequiredColumns(List.of(MetColumn.IS_PUBLIC_DOMAIN)).open(csv)) {
      for (MetObject object : reader) {
        long id = object.objectId();
        if (wanted != null) {
          if (wanted.contains(id)) {
            found.add(id);
          }
        } else if (object.publicDomain()) {
          selected.add(id);
        }
      }
    }
    if (wanted != null) {
      Collection<Long> missing = new LinkedHashSet<>(wanted);
      missing.removeAll(found);
      if (!missing.isEmpty()) {
        throw new IOException(csv + ": no row for Object ID "
            + missing.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", ")));
      }
      selected.addAll(wanted);
    }
    return limit != null && selected.size() > limit ? List.copyOf(selected.subList(0, limit)) : List.copyOf(selected);
  }
}

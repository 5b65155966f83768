package io.github.metart.data.images;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of images named by Object ID: {@code 436535.jpg}, {@code 10194.webp}, {@code 45734.PNG}
 * (any of {@link #EXTENSIONS}, case-insensitive). Other files are ignored. The folder is listed
 * once, when the source is opened; when an object has several files, the first extension in {@link
 * #EXTENSIONS} wins.
 */
public final class FolderImageSource implements ImageSource {

  /** The image file extensions recognised, in order of preference. */
  public static final List<String> EXTENSIONS =
      List.of("jpg", "jpeg", "png", "webp", "tif", "tiff", "gif", "bmp");

  private static final Logger LOG = LoggerFactory.getLogger(FolderImageSource.class);

  private final Path folder;
  private final Map<Long, Path> files;
  private final int ignored;

  private FolderImageSource(Path folder, Map<Long, Path> files, int ignored) {
    this.folder = folder;
    this.files = files;
    this.ignored = ignored;
  }

  /**
   * Lists the folder.
   *
   * @throws IOException when the folder does not exist or cannot be listed (the message names it)
   */
  public static FolderImageSource open(Path folder) throws IOException {
    checkArgument(folder != null, "folder must not be null");
    if (!Files.isDirectory(folder)) {
      throw new NotDirectoryException(folder + " (expected a folder of images named by Object ID)");
    }
    Map<Long, Path> files = new HashMap<>();
    int ignored = 0;
    Path real = folder.toRealPath();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        Long id = objectIdOf(entry.getFileName().toString());
        if (id == null || !Files.isRegularFile(entry)) {
          ignored++;
          continue;
        }
        if (Files.isSymbolicLink(entry) && !entry.toRealPath().startsWith(real)) {
          // a link out of the folder (to /etc/passwd, say) is not an image of this collection:
          // never read, so that no report shows what it points to
          LOG.warn("{}: ignored, a link to {} outside {}", entry, Files.readSymbolicLink(entry), folder);
          ignored++;
          continue;
        }
        files.merge(id, entry, FolderImageSource::preferred);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (ignored > 0) {
      LOG.debug("{}: ignored {} entries not named <objectId>.<image extension>", folder, ignored);
    }
    return new FolderImageSource(folder, Map.copyOf(files), ignored);
  }

  /**
   * The Object ID a file name stands for, or {@code null}: digits only (no sign, no path, no
   * leading zero), then a recognised extension.
   */
  static Long objectIdOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot <= 0 || dot > 18) {
      return null;
    }
    String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!EXTENSIONS.contains(extension)) {
      return null;
    }
    for (int i = 0; i < dot; i++) {
      char c = fileName.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    if (dot > 1 && fileName.charAt(0) == '0') {
      // 010808.png is not object 10808's name: it must not stand in for 10808.webp
      return null;
    }
    return Long.parseLong(fileName, 0, dot, 10);
  }

  private static Path preferred(Path a, Path b) {
    return rank(a) <= rank(b) ? a : b;
  }

  private static int rank(Path file) {
    String name = file.getFileName().toString();
    return EXTENSIONS.indexOf(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
  }

  @Override
  public Optional<Path> locate(long objectId) {
    return Optional.ofNullable(files.get(objectId));
  }

  /** The Object IDs that have an image in the folder, ascending. */
  public Set<Long> objectIds() {
    return Collections.unmodifiableSet(new TreeSet<>(files.keySet()));
  }

  /** The number of images found. */
  public int size() {
    return files.size();
  }

  /** The number of folder entries that are not images named by Object ID. */
  public int ignoredEntries() {
    return ignored;
  }

  /** The folder. */
  public Path folder() {
    return folder;
  }

  @Override
  public String describe() {
    return "folder " + folder + " (" + files.size() + " images)";
  }
}

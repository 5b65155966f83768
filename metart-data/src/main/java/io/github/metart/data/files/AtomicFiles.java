package io.github.metart.data.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Files and folders that appear whole or not at all: written to a temporary sibling, forced to
 * disk, then moved into place.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes a file's content. */
  @FunctionalInterface
  public interface Content {
    /** Writes to the stream (not closing it). */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Replaces {@code target} with new content atomically: readers see the old file or the new one,
   * never a part.
   */
  public static void write(Path target, Content content) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // not Files.createTempFile: it creates the file 0600 whatever the umask; a random sibling
    // name created with CREATE_NEW gets the umask's default mode, like every other file written
    Path temporary =
        parent.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel =
              FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      move(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Writes a whole file and forces it to disk (for files inside a folder moved atomically later). */
  public static void writeDurably(Path target, Content content) throws IOException {
    try (FileChannel channel =
            FileChannel.open(
                target,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
      content.writeTo(out);
      out.flush();
      channel.force(true);
    }
  }

  /** Moves a file or folder, atomically where the file system allows, replacing a file target. */
  public static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a file or a folder with its content; nothing when it does not exist. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Forces a folder's entries to disk (where the platform supports it). */
  public static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported on this platform (e.g. Windows): the moves are still ordered
    }
  }
}

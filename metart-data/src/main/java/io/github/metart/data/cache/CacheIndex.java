package io.github.metart.data.cache;

import io.github.metart.data.images.ImageInfo;
import io.github.metart.data.images.ImageOrientation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code index.csv}: one line per prepared image, appended as images are written, so that an
 * interrupted preparation keeps every complete line. A torn last line (no newline) or a line
 * pointing past the end of its shard is dropped when the index is read.
 */
final class CacheIndex {

  static final String HEADER =
      "object_id,slot,phash,format,width,height,color_space,bits,progressive,subsampling,orientation";

  private CacheIndex() {}

  static String line(CachedImage image) {
    ImageInfo info = image.original();
    return image.objectId()
        + ","
        + image.slot()
        + ","
        + String.format(Locale.ROOT, "%016x", image.hash())
        + ","
        + clean(info.format())
        + ","
        + info.width()
        + ","
        + info.height()
        + ","
        + clean(info.colorSpace())
        + ","
        + info.bitsPerSample()
        + ","
        + info.progressive()
        + ","
        + image.subsampling()
        + ","
        + info.orientation().tag();
  }

  private static String clean(String text) {
    return text.replace(',', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  static CachedImage parse(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 11) {
      throw new IllegalArgumentException("expected 11 fields, got " + f.length);
    }
    int orientation = Integer.parseInt(f[10]);
    if (orientation < 1 || orientation > 8) {
      throw new IllegalArgumentException("orientation must be 1 to 8, got " + orientation);
    }
    ImageInfo info =
        new ImageInfo(
            f[3],
            Integer.parseInt(f[4]),
            Integer.parseInt(f[5]),
            f[6],
            Integer.parseInt(f[7]),
            Boolean.parseBoolean(f[8]),
            ImageOrientation.ofTag(orientation));
    return new CachedImage(
        Long.parseLong(f[0]),
        Integer.parseInt(f[1]),
        Long.parseUnsignedLong(f[2], 16),
        info,
        Integer.parseInt(f[9]));
  }

  /**
   * Reads the complete, valid entries in slot order; entries must occupy slots 0..n-1 and lie
   * within their shard files.
   */
  static List<CachedImage> read(Path dir, CacheFiles.Layout layout) throws IOException {
    Path file = dir.resolve(CacheFiles.INDEX);
    List<CachedImage> entries = new ArrayList<>();
    if (!Files.exists(file)) {
      return entries;
    }
    String content = Files.readString(file, StandardCharsets.UTF_8);
    int end = content.lastIndexOf('\n') + 1; // a torn last line is ignored
    String[] lines = content.substring(0, end).split("\n");
    long[] shardLengths = new long[0];
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || i == 0 && line.equals(HEADER)) {
        continue;
      }
      CachedImage entry;
      try {
        entry = parse(line);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ", line " + (i + 1) + ": malformed index entry (" + e.getMessage()
            + "); delete " + dir + " to prepare it again", e);
      }
      if (entry.slot() != entries.size()) {
        throw new IOException(file + ", line " + (i + 1) + ": slot " + entry.slot() + " out of order (expected "
            + entries.size() + "); delete " + dir + " to prepare it again");
      }
      int shard = entry.slot() / layout.imagesPerShard();
      if (shard >= shardLengths.length) {
        shardLengths = java.util.Arrays.copyOf(shardLengths, shard + 1);
        Path shardFile = CacheFiles.shard(dir, shard);
        shardLengths[shard] = Files.exists(shardFile) ? Files.size(shardFile) : 0;
      }
      long needed = (long) (entry.slot() % layout.imagesPerShard() + 1) * layout.imageBytes();
      if (shardLengths[shard] < needed) {
        break; // pixels never reached the disk: this and later entries are prepared again
      }
      entries.add(entry);
    }
    return entries;
  }

  /** Rewrites the index with exactly these entries (drops torn or orphaned lines). */
  static void rewrite(Path dir, List<CachedImage> entries) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (CachedImage entry : entries) {
      text.append(line(entry)).append('\n');
    }
    CacheFiles.writeAtomically(dir.resolve(CacheFiles.INDEX), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Opens the index for appending. */
  static Writer appender(Path dir) throws IOException {
    return new BufferedWriter(
        Files.newBufferedWriter(
            dir.resolve(CacheFiles.INDEX),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE));
  }
}

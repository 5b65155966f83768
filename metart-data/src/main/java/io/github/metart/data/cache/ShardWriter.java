package io.github.metart.data.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Writes prepared images into fixed-size slots of the shard files, one writer thread. */
final class ShardWriter implements AutoCloseable {

  private final Path dir;
  private final CacheFiles.Layout layout;
  private final List<FileChannel> channels = new ArrayList<>();

  ShardWriter(Path dir, CacheFiles.Layout layout) {
    this.dir = dir;
    this.layout = layout;
  }

  void write(int slot, byte[] pixels) throws IOException {
    if (pixels.length != layout.imageBytes()) {
      throw new IllegalArgumentException(
          "an image of the cache takes " + layout.imageBytes() + " bytes, got " + pixels.length);
    }
    int shard = slot / layout.imagesPerShard();
    long position = (long) (slot % layout.imagesPerShard()) * layout.imageBytes();
    FileChannel channel = channel(shard);
    ByteBuffer buffer = ByteBuffer.wrap(pixels);
    while (buffer.hasRemaining()) {
      channel.write(buffer, position + buffer.position());
    }
  }

  private FileChannel channel(int shard) throws IOException {
    while (channels.size() <= shard) {
      channels.add(null);
    }
    FileChannel channel = channels.get(shard);
    if (channel == null) {
      channel =
          FileChannel.open(
              CacheFiles.shard(dir, shard), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channels.set(shard, channel);
    }
    return channel;
  }

  /** Forces written pixels to the storage device. */
  void force() throws IOException {
    for (FileChannel channel : channels) {
      if (channel != null) {
        channel.force(false);
      }
    }
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (FileChannel channel : channels) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

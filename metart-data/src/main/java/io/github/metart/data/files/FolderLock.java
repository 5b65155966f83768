package io.github.metart.data.files;

import com.google.common.base.Preconditions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive claim of a folder by one process, for work that two processes must not do at once in
 * the same folder (training into one output folder, preparing one dataset). It is an operating
 * system lock on {@code <folder>/.metart.lock}: the system releases it when the process ends, however
 * it ends, so the lock of a killed process is simply taken over by the next one. The file names the
 * holder (process id, host, what it does, since when), so that a refused process can say who holds
 * the folder.
 *
 * <pre>{@code
 * try (FolderLock lock = FolderLock.acquire(folder, "training")) {
 *   ... // the folder is ours
 * }
 * }</pre>
 */
public final class FolderLock implements AutoCloseable {

  /** The lock file's name inside the folder. */
  public static final String FILE_NAME = ".metart.lock";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Claims a folder (created if needed).
   *
   * @param folder the folder
   * @param purpose what the claim is for, e.g. {@code training}; written into the lock file
   * @return the held lock; close it to release the folder
   * @throws FolderInUseException when another process (or another claim in this one) holds it,
   *     naming the folder and the holder
   * @throws IOException when the folder or its lock file cannot be created or locked
   */
  public static FolderLock acquire(Path folder, String purpose) throws IOException {
    Preconditions.checkArgument(folder != null, "the folder is missing");
    Preconditions.checkArgument(purpose != null && !purpose.isBlank(), "the purpose is missing");
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new IOException(folder + ": exists and is not a folder");
    }
    Files.createDirectories(folder);
    Path file = folder.resolve(FILE_NAME);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw new IOException(file + ": cannot be locked (" + e.getMessage() + ")", e);
    }
    if (lock == null) {
      String holder = readHolder(channel);
      channel.close();
      throw new FolderInUseException(folder, holder);
    }
    try {
      byte[] text = describeThisProcess(purpose).getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(text), 0);
      channel.force(false);
    } catch (IOException e) {
      lock.release();
      channel.close();
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    return new FolderLock(file, channel, lock);
  }

  private static String readHolder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(1024);
      int read = channel.read(buffer, 0);
      String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "another process" : text;
    } catch (IOException e) {
      return "another process";
    }
  }

  private static String describeThisProcess(String purpose) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return purpose
        + " by process "
        + ProcessHandle.current().pid()
        + " on "
        + host
        + " since "
        + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        + "\n";
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** Releases the folder (the lock file stays; it is reused by the next claim). */
  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } finally {
      channel.close();
    }
  }

  /** A folder held by another process (or another claim in this process). */
  public static final class FolderInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Path folder;
    private final String holder;

    FolderInUseException(Path folder, String holder) {
      super(folder + " is in use: " + holder + " (wait for it to end, or stop it)");
      this.folder = folder;
      this.holder = holder;
    }

    /** The folder. */
    public Path folder() {
      return folder;
    }

    /** Who holds it, as its lock file says, e.g. {@code training by process 1234 on node7 since ...}. */
    public String holder() {
      return holder;
    }
  }
}

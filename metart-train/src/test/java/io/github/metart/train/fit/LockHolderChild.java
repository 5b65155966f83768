package io.github.metart.train.fit;

import io.github.metart.data.files.FolderLock;
import java.nio.file.Path;

/** A child JVM for {@link OutputFolderLockTest}: holds a folder's lock until it is killed. */
final class LockHolderChild {

  private LockHolderChild() {}

  public static void main(String[] args) throws Exception {
    FolderLock lock = FolderLock.acquire(Path.of(args[0]), "training");
    System.out.println("locked " + lock.file());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

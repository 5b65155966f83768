package io.github.metart.data.images;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the image of a Met object comes from: a local folder of files named by Object ID ({@link
 * FolderImageSource}), or the Met Collection API through a download folder (see {@code
 * io.github.metart.data.download.MetApiImageSource}).
 *
 * <p>Implementations must be safe to call from several threads at once.
 */
public interface ImageSource {

  /**
   * The local file holding the object's image, fetching it first if the source can.
   *
   * @return the file, or empty when the source has no image for the object
   * @throws IOException when the source failed (the message names the object)
   */
  Optional<Path> locate(long objectId) throws IOException;

  /** A short description for logs and reports, e.g. the folder. */
  String describe();
}

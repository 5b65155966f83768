package io.github.metart.examples.cli;

import io.github.metart.models.io.ModelFolder;
import io.github.metart.train.fit.FitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The model folder behind {@code --model DIR}: a model folder, or a training folder holding {@code model/}. */
final class ModelFolders {

  private ModelFolders() {}

  /**
   * The model folder {@code --model DIR} names.
   *
   * @throws IOException naming the folder when it is neither
   */
  static Path resolve(Path folder) throws IOException {
    if (ModelFolder.isModelFolder(folder)) {
      return folder;
    }
    Path inside = folder.resolve(FitResult.MODEL_FOLDER);
    if (ModelFolder.isModelFolder(inside)) {
      return inside;
    }
    if (!Files.exists(folder)) {
      throw new IOException(folder + ": no such folder (expected a model folder, or a folder written by metart train)");
    }
    throw new IOException(
        folder + ": not a model folder (no " + ModelFolder.SPEC_FILE + ") and holds no "
            + FitResult.MODEL_FOLDER + "/ (is training finished?)");
  }

  /** The training folder a model folder was written into ({@code model/}'s parent), if it is one. */
  static Path trainingFolder(Path modelFolder) {
    Path parent = modelFolder.toAbsolutePath().normalize().getParent();
    return parent == null ? modelFolder : parent;
  }
}

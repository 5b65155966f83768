package io.github.metart.train.fit;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.file.Path;

/**
 * What the trainer needs of a model (the seam between the training loop and {@code MetModel}): its
 * DJL network and the manager that owns the weights, the input shape (to initialize a network that
 * is not yet), what its head is trained on ({@link TrainingTask}), its spec as JSON (recorded with
 * every checkpoint) and how to save it as a model folder.
 */
interface TrainableModel {

  /** The network; its trainable parameters are those that require gradients. */
  Block block();

  /** The manager that owns the network's parameters. */
  NDManager manager();

  /** The input shape {@code [1, channels, height, width]}. */
  Shape inputShape();

  /** What the head is trained on and measured with. */
  TrainingTask task();

  /** The model's spec as JSON text, recorded as provenance and compared on resume. */
  String specJson();

  /** Saves the model (weights as they are now) as a model folder. */
  void save(Path folder);
}

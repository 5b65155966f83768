package io.github.metart.models;

import io.github.metart.models.io.ModelFolder;
import io.github.metart.models.spec.Architecture;
import io.github.metart.models.spec.Family;
import io.github.metart.models.spec.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where models start: one builder per family, e.g. {@code MetModels.vgg(16).batchNorm(true)
 * .classifier(15)} or {@code MetModels.resnet(50).regression(1500, 1900)}, plus loading a saved
 * model folder.
 */
public final class MetModels {

  private static final String BATCH_NORM_SUFFIX = "_bn";

  private MetModels() {}

  /** AlexNet (single tower, 64-192-384-256-256). */
  public static ModelBuilder alexnet() {
    return new ModelBuilder(Architecture.ALEXNET);
  }

  /**
   * VGG of the given depth.
   *
   * @param depth 11, 13, 16 or 19
   */
  public static ModelBuilder vgg(int depth) {
    return new ModelBuilder(Architecture.of(Family.VGG, depth));
  }

  /**
   * ResNet of the given depth.
   *
   * @param depth 18, 34, 50, 101 or 152
   */
  public static ModelBuilder resnet(int depth) {
    return new ModelBuilder(Architecture.of(Family.RESNET, depth));
  }

  /** A builder for any architecture. */
  public static ModelBuilder builder(Architecture architecture) {
    return new ModelBuilder(architecture);
  }

  /**
   * A builder by name, as listed by {@link #names()}: an architecture id such as {@code resnet50},
   * or a VGG or AlexNet id with {@code _bn} for the batch-norm variant (e.g. {@code vgg16_bn}).
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static ModelBuilder named(String name) {
    String id = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    boolean batchNorm = id.endsWith(BATCH_NORM_SUFFIX);
    String base = batchNorm ? id.substring(0, id.length() - BATCH_NORM_SUFFIX.length()) : id;
    for (Architecture architecture : Architecture.values()) {
      if (architecture.id().equals(base)
          && (!batchNorm || !architecture.family().defaultBatchNorm())) {
        ModelBuilder builder = new ModelBuilder(architecture);
        return batchNorm ? builder.batchNorm(true) : builder;
      }
    }
    throw new IllegalArgumentException(
        "unknown architecture '" + name + "'; expected one of " + String.join(", ", names()));
  }

  /**
   * The names {@link #named(String)} accepts: every architecture, and the {@code _bn} variant of
   * those without batch norm in the reference.
   */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Architecture architecture : Architecture.values()) {
      names.add(architecture.id());
      if (!architecture.family().defaultBatchNorm()) {
        names.add(architecture.id() + BATCH_NORM_SUFFIX);
      }
    }
    return names;
  }

  /** Builds a freshly initialized model from a spec. */
  public static MetModel create(ModelSpec spec) {
    return MetModel.create(spec);
  }

  /**
   * Loads a model folder written by {@link MetModel#save(Path)}.
   *
   * @see ModelFolder#load(Path)
   */
  public static MetModel load(Path folder) {
    return ModelFolder.load(folder);
  }
}

package io.github.metart.train.provenance;

import static com.google.common.base.Preconditions.checkArgument;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.metart.data.provenance.LibraryVersion;
import io.github.metart.train.config.TrainingConfig;
import io.github.metart.train.files.TrainJson;
import java.util.List;
import io.github.metart.models.engine.MetEngine;

/**
 * Where a training result comes from, recorded in every checkpoint and history: the dataset (the
 * SHA-256 of its manifest), the model spec, the configuration and seed, the devices and update
 * implementation, and the versions of metart, Java, DJL and the engine.
 *
 * @param datasetManifestSha256 the SHA-256 of the dataset's {@code manifest.json}, or {@code
 *     unknown} for data without a manifest
 * @param modelSpec the model spec as JSON text
 * @param config the training configuration
 * @param seed the seed (also in the configuration; repeated for whoever greps for it)
 * @param devices the devices trained on, e.g. {@code [cpu()]}
 * @param updater the parameter update implementation
 * @param computeThreads the CPU compute threads the run used (PyTorch intra-op threads), 0 when
 *     unknown (files written before metart recorded it)
 * @param metartVersion the metart version
 * @param javaVersion the Java runtime version
 * @param djlVersion the DJL version
 * @param engine the engine and its version, e.g. {@code PyTorch 2.7.1}
 */
public record RunProvenance(
    String datasetManifestSha256,
    String modelSpec,
    TrainingConfig config,
    long seed,
    List<String> devices,
    String updater,
    int computeThreads,
    String metartVersion,
    String javaVersion,
    String djlVersion,
    String engine) {

  /** The manifest hash of data that has none. */
  public static final String UNKNOWN = "unknown";

  /** Validates the record. */
  public RunProvenance {
    checkArgument(
        datasetManifestSha256 != null
            && (datasetManifestSha256.equals(UNKNOWN)
                || datasetManifestSha256.matches("[0-9a-f]{64}")),
        "the dataset manifest hash must be 64 lower-case hex digits or '%s', got '%s'",
        UNKNOWN,
        datasetManifestSha256);
    checkArgument(modelSpec != null && !modelSpec.isBlank(), "the model spec is missing");
    checkArgument(config != null, "the training configuration is missing");
    checkArgument(
        computeThreads >= 0, "compute threads must be 0 (unknown) or more, got %s", computeThreads);
    modelSpec = compact(modelSpec);
    devices = List.copyOf(devices);
  }

  /**
   * The provenance of a run starting now on the running engine.
   *
   * @param datasetManifestSha256 the manifest hash, or {@link #UNKNOWN}
   * @param modelSpec the model spec as JSON text (stored compact)
   * @param config the configuration
   * @param devices the devices
   * @param updater the update implementation
   * @param computeThreads the CPU compute threads the run uses
   */
  public static RunProvenance current(
      String datasetManifestSha256,
      String modelSpec,
      TrainingConfig config,
      List<String> devices,
      String updater,
      int computeThreads) {
    LibraryVersion version = LibraryVersion.current();
    Engine engine = MetEngine.engine();
    return new RunProvenance(
        datasetManifestSha256,
        modelSpec,
        config,
        config.seed(),
        devices,
        updater,
        computeThreads,
        version.metart(),
        version.java(),
        Engine.getDjlVersion(),
        engine.getEngineName() + " " + engine.getVersion());
  }

  private static String compact(String json) {
    return TrainJson.parse(json, "the model spec").toString();
  }

  /** The JSON form of a provenance, in checkpoints and histories: the model spec embedded as an object. */
  record File(
      String datasetManifestSha256, JsonNode modelSpec, TrainingConfig config, long seed, List<String> devices,
      String updater, int computeThreads, Versions versions) {}

  record Versions(String metart, String java, String djl, String engine) {}

  @JsonValue
  File toFile() {
    return new File(datasetManifestSha256, TrainJson.parse(modelSpec, "the model spec"), config, seed, devices, updater,
        computeThreads, new Versions(metartVersion, javaVersion, djlVersion, engine));
  }

  /** Reads {@link #toFile()}'s form; {@code computeThreads} is 0 in files written before it was recorded. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static RunProvenance fromFile(File f) {
    checkArgument(f.modelSpec() != null && f.devices() != null && f.versions() != null,
        "the provenance needs 'modelSpec', 'devices' and 'versions'");
    Versions v = f.versions();
    return new RunProvenance(f.datasetManifestSha256(), f.modelSpec().toString(), f.config(), f.seed(), f.devices(),
        f.updater(), f.computeThreads(), v.metart(), v.java(), v.djl(), v.engine());
  }
}

package io.github.metart.examples.cli;

import io.github.metart.data.progress.ProgressLine;
import io.github.metart.models.pretrained.WeightCache;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/** {@code --pretrained SOURCE} and {@code --allow-downloads}, shared by train, summary and experiment. */
final class PretrainedOptions {

  @Option(
      names = "--pretrained",
      paramLabel = "SOURCE",
      description =
          "Start the backbone from pretrained weights: imagenet (torchvision's best ImageNet weights"
              + " for the architecture; IMAGENET1K_V1 or IMAGENET1K_V2 for a given generation) or a"
              + " .pth, .safetensors or .npz file.")
  String source;

  @Option(
      names = "--allow-downloads",
      description =
          "Download published weights missing from the cache (once; also -D"
              + WeightCache.ALLOW_PROPERTY
              + "=true or "
              + WeightCache.ALLOW_ENV
              + "=1). Cache: $"
              + WeightCache.CACHE_ENV
              + "/weights, default ~/.cache/metart/weights.")
  boolean allowDownloads;

  /** The weight cache, downloading with a progress line on stderr when allowed. */
  WeightCache cache() {
    WeightCache cache = WeightCache.defaults();
    return cache
        .withDownloads(allowDownloads || cache.downloadsAllowed())
        .withProgress(
            new PrintWriter(System.err, true, StandardCharsets.UTF_8), ProgressLine.terminal());
  }
}

package io.github.metart.models.transfer;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a backbone transfer did.
 *
 * @param source the file or folder the weights came from
 * @param naming how the source names its weights: {@code metart} or {@code torchvision}
 * @param loaded target parameters that received weights
 * @param skipped source entries dropped as expected: the source's head (metart {@code head_*},
 *     torchvision {@code fc} or {@code classifier.6}) and torchvision's batch-norm batch counters
 * @param unused other source entries that found no place in the target's backbone, e.g. the
 *     weights of a hidden layer or a stem the target lacks
 * @param missing target backbone parameters the source does not have
 * @param mismatched target parameters the source has with another shape
 */
public record TransferReport(
    String source,
    String naming,
    List<String> loaded,
    List<String> skipped,
    List<String> unused,
    List<String> missing,
    List<ShapeMismatch> mismatched) {

  private static final int LISTED = 5;

  /** Copies the lists. */
  public TransferReport {
    loaded = List.copyOf(loaded);
    skipped = List.copyOf(skipped);
    unused = List.copyOf(unused);
    missing = List.copyOf(missing);
    mismatched = List.copyOf(mismatched);
  }

  /** Whether every backbone parameter was loaded. */
  public boolean isComplete() {
    return missing.isEmpty() && mismatched.isEmpty();
  }

  /**
   * Whether source and target backbones correspond one to one: every backbone parameter was loaded
   * and every source weight but the head (and batch counters) was used. A strict transfer
   * requires it.
   */
  public boolean isExact() {
    return isComplete() && unused.isEmpty();
  }

  /**
   * One line such as {@code loaded 265 backbone parameters from x.npz (torchvision names);
   * skipped 55 (fc.weight, fc.bias, ...); unused 0; missing 0; shape mismatches 0}, listing the
   * first names of each group.
   */
  public String describe() {
    return "loaded "
        + loaded.size()
        + " backbone parameters from "
        + source
        + " ("
        + naming
        + " names); skipped "
        + skipped.size()
        + list(skipped)
        + "; unused "
        + unused.size()
        + list(unused)
        + "; missing "
        + missing.size()
        + list(missing)
        + "; shape mismatches "
        + mismatched.size()
        + list(mismatched.stream().map(ShapeMismatch::describe).toList());
  }

  private static String list(List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    String shown = names.stream().limit(LISTED).collect(Collectors.joining(", "));
    return " (" + shown + (names.size() > LISTED ? ", ..." : "") + ")";
  }
}

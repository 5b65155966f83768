package io.github.metart.models.transfer;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a backbone transfer did.
 *
 * @param source the file or folder the weights came from
 * @param naming how the source names its weights: {@code metart} or {@code torchvision}
 * @param loaded target parameters that received weights
 * @param skipped source entries that were not used (e.g. the source's head)
 * @param missing target backbone parameters the source does not have
 * @param mismatched target parameters the source has with another shape
 */
public record TransferReport(
    String source,
    String naming,
    List<String> loaded,
    List<String> skipped,
    List<String> missing,
    List<ShapeMismatch> mismatched) {

  private static final int LISTED = 5;

  /** Copies the lists. */
  public TransferReport {
    loaded = List.copyOf(loaded);
    skipped = List.copyOf(skipped);
    missing = List.copyOf(missing);
    mismatched = List.copyOf(mismatched);
  }

  /** Whether every backbone parameter was loaded. */
  public boolean isComplete() {
    return missing.isEmpty() && mismatched.isEmpty();
  }

  /**
   * One line such as {@code loaded 320 backbone parameters from x.npz (torchvision names);
   * skipped 3 (fc.weight, fc.bias, ...); missing 0; shape mismatches 0}.
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

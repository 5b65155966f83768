package io.github.metart.data.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of the near-duplicate split repair ({@code SplitRepair}): the new assignment, in which no near-duplicate group spans two
 * splits, and what changed.
 *
 * @param assignment Object ID to split after the repair
 * @param moves every object that changed split
 * @param duplicateGroups the groups with at least two members in the assignment
 * @param straddlingGroups the groups that spanned several splits before the repair
 * @param <S> the split type
 */
public record RepairedSplits<S>(
    Map<Long, S> assignment, List<Move<S>> moves, int duplicateGroups, int straddlingGroups) {

  /** Copies the collections. */
  public RepairedSplits {
    assignment = Collections.unmodifiableMap(new LinkedHashMap<>(assignment));
    moves = List.copyOf(moves);
  }

  /**
   * One object moved to another split.
   *
   * @param objectId the Met Object ID
   * @param from the split it was in
   * @param to the split it is in now
   * @param <S> the split type
   */
  public record Move<S>(long objectId, S from, S to) {}

  /** One line for reports, e.g. {@code near-duplicate groups: 3 (1 straddled splits, 2 objects moved)}. */
  public String summary() {
    return "near-duplicate groups: " + duplicateGroups + " (" + straddlingGroups
        + " straddled splits, " + moves.size() + " objects moved)";
  }
}

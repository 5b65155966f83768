package io.github.metart.data.cache;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Moves near-duplicates so that no duplicate group straddles two splits: a model must not be
 * tested on a copy of an image it was trained on. Works on any split type (an enum of train,
 * validation, test, or anything else).
 *
 * <p>Each straddling group moves entirely into the split that already holds most of its members;
 * ties go to the split that comes first in the preference order (e.g. train first, so evaluation
 * sets only lose images).
 */
final class SplitRepair {

  private SplitRepair() {}

  /**
   * Repairs an assignment.
   *
   * @param assignment Object ID to split; objects of a group that are absent here are ignored
   * @param duplicates the near-duplicate groups
   * @param preference every split value, most preferred first, to break ties
   * @param <S> the split type
   * @return the repaired assignment and every move made
   */
  public static <S> RepairedSplits<S> repair(
      Map<Long, S> assignment, DuplicateGroups duplicates, List<S> preference) {
    Objects.requireNonNull(assignment, "assignment");
    Objects.requireNonNull(duplicates, "duplicates");
    checkArgument(!preference.isEmpty(), "preference must list the split values, most preferred first");
    Map<Long, S> repaired = new LinkedHashMap<>(assignment);
    List<RepairedSplits.Move<S>> moves = new ArrayList<>();
    int straddling = 0;
    int present = 0;
    for (List<Long> group : duplicates.groups()) {
      Map<S, Integer> counts = new LinkedHashMap<>();
      for (long id : group) {
        S split = assignment.get(id);
        if (split != null) {
          counts.merge(split, 1, Integer::sum);
        }
      }
      int members = counts.values().stream().mapToInt(Integer::intValue).sum();
      if (members >= 2) {
        present++;
      }
      if (counts.size() < 2) {
        continue;
      }
      straddling++;
      S target = null;
      int best = -1;
      for (S split : preference) {
        int count = counts.getOrDefault(split, 0);
        if (count > best) {
          best = count;
          target = split;
        }
      }
      for (S split : counts.keySet()) {
        checkArgument(preference.contains(split), "split %s is missing from the preference list %s", split, preference);
      }
      for (long id : group) {
        S from = assignment.get(id);
        if (from != null && !from.equals(target)) {
          repaired.put(id, target);
          moves.add(new RepairedSplits.Move<>(id, from, target));
        }
      }
    }
    return new RepairedSplits<>(repaired, moves, present, straddling);
  }
}

package io.github.metart.data.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitRepairTest {

  enum Split {
    TRAIN,
    VALIDATION,
    TEST
  }

  private static final List<Split> PREFERENCE = List.of(Split.TRAIN, Split.VALIDATION, Split.TEST);

  @Test
  void noGroupStraddlesSplitsAfterTheRepair() {
    Map<Long, Split> assignment = new LinkedHashMap<>();
    assignment.put(1L, Split.TRAIN);
    assignment.put(2L, Split.TEST); // group {1,2,3}: majority test
    assignment.put(3L, Split.TEST);
    assignment.put(4L, Split.VALIDATION); // group {4,5}: tie -> train (preferred)
    assignment.put(5L, Split.TRAIN);
    assignment.put(6L, Split.TEST); // group {6,7}: already together
    assignment.put(7L, Split.TEST);
    assignment.put(8L, Split.VALIDATION); // not in a group
    DuplicateGroups groups =
        new DuplicateGroups(4, List.of(List.of(1L, 2L, 3L), List.of(4L, 5L), List.of(6L, 7L), List.of(9L, 10L)));

    RepairedSplits<Split> repaired = SplitRepair.repair(assignment, groups, PREFERENCE);

    assertThat(repaired.assignment())
        .containsEntry(1L, Split.TEST)
        .containsEntry(4L, Split.TRAIN)
        .containsEntry(5L, Split.TRAIN)
        .containsEntry(6L, Split.TEST)
        .containsEntry(8L, Split.VALIDATION)
        .hasSize(8);
    assertThat(repaired.moves())
        .containsExactly(
            new RepairedSplits.Move<>(1L, Split.TRAIN, Split.TEST),
            new RepairedSplits.Move<>(4L, Split.VALIDATION, Split.TRAIN));
    assertThat(repaired.straddlingGroups()).isEqualTo(2);
    assertThat(repaired.duplicateGroups()).isEqualTo(3); // {9,10} is not in the assignment
    assertThat(repaired.summary()).isEqualTo("near-duplicate groups: 3 (2 straddled splits, 2 objects moved)");
    for (List<Long> group : groups.groups()) {
      assertThat(group.stream().filter(assignment::containsKey).map(repaired.assignment()::get).distinct())
          .hasSizeLessThanOrEqualTo(1);
    }
    assertThat(assignment).containsEntry(1L, Split.TRAIN); // the input is left alone
  }

  @Test
  void worksOnAnySplitType() {
    Map<Long, String> assignment = Map.of(1L, "fold-a", 2L, "fold-b");

    RepairedSplits<String> repaired =
        SplitRepair.repair(assignment, new DuplicateGroups(0, List.of(List.of(1L, 2L))), List.of("fold-b", "fold-a"));

    assertThat(repaired.assignment()).containsEntry(1L, "fold-b").containsEntry(2L, "fold-b");
  }
}

package io.github.metart.data.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DuplicateFinderTest {

  @Test
  void joinsHashesWithinTheDistanceTransitively() {
    Map<Long, Long> hashes = new LinkedHashMap<>();
    long base = 0x0123_4567_89ab_cdefL;
    hashes.put(1L, base);
    hashes.put(2L, base ^ 0b111); // 3 bits from 1
    hashes.put(3L, base ^ 0b111 ^ (0b1111L << 40)); // 4 bits from 2, 7 from 1: joined through 2
    hashes.put(4L, base ^ 0b11111); // 5 bits from 1, 2 bits from 2: joined
    hashes.put(5L, ~base); // far from everything
    hashes.put(6L, ~base); // identical to 5
    hashes.put(7L, 0x7777_0000_7777_0000L);

    DuplicateGroups groups = DuplicateFinder.find(hashes, 4);

    assertThat(groups.groups()).containsExactly(List.of(1L, 2L, 3L, 4L), List.of(5L, 6L));
    assertThat(groups.objectCount()).isEqualTo(6);
    assertThat(groups.groupIndex()).containsEntry(3L, 0).containsEntry(6L, 1).doesNotContainKey(7L);
  }

  @Test
  void distanceZeroJoinsIdenticalHashesOnly() {
    Map<Long, Long> hashes = Map.of(1L, 5L, 2L, 5L, 3L, 4L);

    assertThat(DuplicateFinder.find(hashes, 0).groups()).containsExactly(List.of(1L, 2L));
  }

  @Test
  void agreesWithComparingEveryPair() {
    Random random = new Random(42);
    Map<Long, Long> hashes = new HashMap<>();
    for (long id = 0; id < 3000; id++) {
      long hash = random.nextLong();
      if (id % 10 == 0 && id > 0) {
        hash = hashes.get(id - 1);
        for (int flips = random.nextInt(7); flips > 0; flips--) {
          hash ^= 1L << random.nextInt(64);
        }
      }
      hashes.put(id, hash);
    }
    for (int distance : new int[] {2, 4, 6}) {
      DuplicateGroups fast = DuplicateFinder.find(hashes, distance);
      assertThat(fast.groups()).isEqualTo(bruteForce(hashes, distance));
      assertThat(fast.size()).isGreaterThan(100);
    }
  }

  private static List<List<Long>> bruteForce(Map<Long, Long> hashes, int distance) {
    List<Long> ids = new ArrayList<>(hashes.keySet());
    ids.sort(null);
    Map<Long, Long> parent = new HashMap<>();
    ids.forEach(id -> parent.put(id, id));
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        if (PerceptualHash.distance(hashes.get(ids.get(i)), hashes.get(ids.get(j))) <= distance) {
          long a = root(parent, ids.get(i));
          long b = root(parent, ids.get(j));
          parent.put(Math.max(a, b), Math.min(a, b));
        }
      }
    }
    Map<Long, List<Long>> groups = new java.util.TreeMap<>();
    for (long id : ids) {
      groups.computeIfAbsent(root(parent, id), r -> new ArrayList<>()).add(id);
    }
    List<List<Long>> result = new ArrayList<>();
    groups.values().stream().filter(g -> g.size() > 1).forEach(result::add);
    return result;
  }

  private static long root(Map<Long, Long> parent, long id) {
    while (parent.get(id) != id) {
      id = parent.get(id);
    }
    return id;
  }

  @Test
  void refusesDistancesThatWouldJoinUnrelatedImages() {
    assertThatThrownBy(() -> DuplicateFinder.find(Map.of(), 20))
        .hasMessageContaining("maxDistance must be between 0 and 16 bits, got 20");
  }
}

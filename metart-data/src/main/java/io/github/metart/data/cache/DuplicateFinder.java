package io.github.metart.data.cache;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds near-duplicate groups among perceptual hashes: two images are joined when their hashes
 * differ in at most {@code maxDistance} bits, and groups are closed transitively.
 *
 * <p>Scales to the whole collection without comparing every pair: the 64 bits are cut into {@code
 * maxDistance + 1} blocks, and by the pigeonhole principle two hashes within the distance agree
 * exactly on at least one block, so only hashes sharing a block value are compared.
 */
public final class DuplicateFinder {

  /** The default distance: near-identical images (resized, recompressed, lightly retouched). */
  public static final int DEFAULT_MAX_DISTANCE = 4;

  /** The largest distance accepted; beyond it unrelated images start to match. */
  public static final int MAX_DISTANCE = 16;

  private DuplicateFinder() {}

  /**
   * Groups the objects by near-identical hashes.
   *
   * @param hashes Object ID to perceptual hash
   * @param maxDistance 0 (identical hashes only) to {@link #MAX_DISTANCE}
   */
  public static DuplicateGroups find(Map<Long, Long> hashes, int maxDistance) {
    checkArgument(
        maxDistance >= 0 && maxDistance <= MAX_DISTANCE,
        "maxDistance must be between 0 and %s bits, got %s",
        MAX_DISTANCE,
        maxDistance);
    Map<Long, List<Long>> byHash = new TreeMap<>();
    hashes.forEach((id, hash) -> byHash.computeIfAbsent(hash, h -> new ArrayList<>()).add(id));
    long[] distinct = byHash.keySet().stream().mapToLong(Long::longValue).toArray();
    int[] parent = new int[distinct.length];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    if (maxDistance > 0) {
      int blocks = maxDistance + 1;
      for (int b = 0; b < blocks; b++) {
        int from = b * 64 / blocks;
        int to = (b + 1) * 64 / blocks;
        long mask = (to - from == 64 ? -1L : (1L << (to - from)) - 1) << from;
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < distinct.length; i++) {
          buckets.computeIfAbsent(distinct[i] & mask, k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> bucket : buckets.values()) {
          for (int x = 0; x < bucket.size(); x++) {
            for (int y = x + 1; y < bucket.size(); y++) {
              int i = bucket.get(x);
              int j = bucket.get(y);
              if (Long.bitCount(distinct[i] ^ distinct[j]) <= maxDistance) {
                union(parent, i, j);
              }
            }
          }
        }
      }
    }
    Map<Integer, List<Long>> components = new HashMap<>();
    for (int i = 0; i < distinct.length; i++) {
      components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).addAll(byHash.get(distinct[i]));
    }
    List<List<Long>> groups = new ArrayList<>();
    for (List<Long> members : components.values()) {
      if (members.size() >= 2) {
        members.sort(Comparator.naturalOrder());
        groups.add(members);
      }
    }
    groups.sort(Comparator.comparing(group -> group.get(0)));
    return new DuplicateGroups(maxDistance, groups);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}

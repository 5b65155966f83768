package io.github.metart.data.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups of objects whose prepared images are near-duplicates: the same painting photographed
 * twice, a detail and its whole, placeholder images. Each group lists at least two Object IDs,
 * ascending; groups are ordered by their first ID.
 *
 * @param maxDistance the largest perceptual-hash distance (in bits) that joined two images
 * @param groups the groups
 */
public record DuplicateGroups(int maxDistance, List<List<Long>> groups) {

  /** Copies and validates the groups. */
  public DuplicateGroups {
    List<List<Long>> copy = new ArrayList<>(groups.size());
    for (List<Long> group : groups) {
      if (group.size() < 2) {
        throw new IllegalArgumentException("a duplicate group needs at least 2 objects, got " + group);
      }
      copy.add(List.copyOf(group));
    }
    groups = Collections.unmodifiableList(copy);
  }

  /** No duplicates. */
  public static DuplicateGroups none(int maxDistance) {
    return new DuplicateGroups(maxDistance, List.of());
  }

  /** The number of groups. */
  public int size() {
    return groups.size();
  }

  /** The number of objects that belong to some group. */
  public int objectCount() {
    return groups.stream().mapToInt(List::size).sum();
  }

  /** Object ID to the index of its group, for the objects that have one. */
  public Map<Long, Integer> groupIndex() {
    Map<Long, Integer> index = new HashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      for (long id : groups.get(g)) {
        index.put(id, g);
      }
    }
    return index;
  }
}

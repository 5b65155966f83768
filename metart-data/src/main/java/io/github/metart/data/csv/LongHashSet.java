package io.github.metart.data.csv;

/** A set of longs in one open-addressing array: 480,000 Object IDs in 8 MiB, no boxing. */
final class LongHashSet {

  private static final long EMPTY = Long.MIN_VALUE;

  private long[] slots = newSlots(1 << 12);
  private int size;

  /** Adds a value (not {@link Long#MIN_VALUE}); returns false when it was already present. */
  boolean add(long value) {
    if ((size + 1) * 2L > slots.length) {
      grow();
    }
    if (insert(slots, value)) {
      size++;
      return true;
    }
    return false;
  }

  int size() {
    return size;
  }

  private static boolean insert(long[] table, long value) {
    int mask = table.length - 1;
    int i = mix(value) & mask;
    while (table[i] != EMPTY) {
      if (table[i] == value) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = value;
    return true;
  }

  private void grow() {
    long[] bigger = newSlots(slots.length * 2);
    for (long value : slots) {
      if (value != EMPTY) {
        insert(bigger, value);
      }
    }
    slots = bigger;
  }

  private static long[] newSlots(int n) {
    long[] table = new long[n];
    java.util.Arrays.fill(table, EMPTY);
    return table;
  }

  private static int mix(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}

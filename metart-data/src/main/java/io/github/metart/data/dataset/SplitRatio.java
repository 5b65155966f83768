package io.github.metart.data.dataset;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How each label's (or year bin's) objects are divided among train, validation and test, as
 * proportions: {@code 800:100:100} gives 80 %, 10 % and 10 %, i.e. exactly 800/100/100 of a label
 * balanced to 1,000 objects. Counts are rounded by largest remainder so they always add up.
 *
 * @param train the train share, positive
 * @param validation the validation share, zero or more
 * @param test the test share, zero or more
 */
public record SplitRatio(int train, int validation, int test) {

  /** The classic 800:100:100. */
  public static final SplitRatio DEFAULT = new SplitRatio(800, 100, 100);

  /** Validates the shares. */
  public SplitRatio {
    checkArgument(train > 0, "the train share must be positive, got %s", train);
    checkArgument(validation >= 0, "the validation share must be >= 0, got %s", validation);
    checkArgument(test >= 0, "the test share must be >= 0, got %s", test);
  }

  /** The sum of the shares. */
  public int total() {
    return train + validation + test;
  }

  /** The share of one split. */
  public int share(Split split) {
    return switch (split) {
      case TRAIN -> train;
      case VALIDATION -> validation;
      case TEST -> test;
    };
  }

  /**
   * Divides {@code n} objects into train, validation and test counts proportional to the shares
   * (largest remainder; ties go to train, then validation). The counts add up to {@code n}.
   */
  public int[] allocate(int n) {
    checkArgument(n >= 0, "cannot allocate %s objects", n);
    long total = total();
    int[] shares = {train, validation, test};
    int[] counts = new int[3];
    long[] remainders = new long[3];
    int assigned = 0;
    for (int i = 0; i < 3; i++) {
      long exact = (long) n * shares[i];
      counts[i] = (int) (exact / total);
      remainders[i] = exact % total;
      assigned += counts[i];
    }
    while (assigned < n) {
      int best = 0;
      for (int i = 1; i < 3; i++) {
        if (remainders[i] > remainders[best]) {
          best = i;
        }
      }
      counts[best]++;
      remainders[best] = -1;
      assigned++;
    }
    return counts;
  }

  @Override
  public String toString() {
    return train + ":" + validation + ":" + test;
  }
}

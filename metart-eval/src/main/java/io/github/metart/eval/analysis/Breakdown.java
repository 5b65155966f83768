package io.github.metart.eval.analysis;

import static java.util.Objects.requireNonNull;

import io.github.metart.eval.outcomes.ClassOutcome;
import io.github.metart.eval.outcomes.ClassOutcomes;
import io.github.metart.eval.outcomes.ObjectMetadata;
import io.github.metart.eval.outcomes.YearOutcome;
import io.github.metart.eval.outcomes.YearOutcomes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A measure broken down by one Met metadata field: e.g. the accuracy per department, or the mean
 * year error per classification. Groups come largest first (ties by name).
 *
 * @param field the metadata field the objects are grouped by
 * @param measure what is measured in each group
 * @param groups one score per group with at least one object
 */
public record Breakdown(MetadataField field, Measure measure, List<GroupScore> groups) {

  /** Copies the groups. */
  public Breakdown {
    requireNonNull(field, "field");
    requireNonNull(measure, "measure");
    groups = List.copyOf(groups);
  }

  /** The accuracy per value of {@code field}. */
  public static Breakdown accuracyBy(ClassOutcomes predictions, MetadataField field) {
    return of(
        predictions.outcomes(),
        ClassOutcome::object,
        p -> p.correct() ? 1 : 0,
        field,
        Measure.ACCURACY);
  }

  /** The mean absolute year error per value of {@code field}. */
  public static Breakdown yearErrorBy(YearOutcomes predictions, MetadataField field) {
    return of(
        predictions.outcomes(),
        YearOutcome::object,
        YearOutcome::absoluteError,
        field,
        Measure.MEAN_YEAR_ERROR);
  }

  /** The accuracy by department, classification and object name. */
  public static List<Breakdown> accuracyByEveryField(ClassOutcomes predictions) {
    List<Breakdown> all = new ArrayList<>();
    for (MetadataField field : MetadataField.values()) {
      all.add(accuracyBy(predictions, field));
    }
    return List.copyOf(all);
  }

  /** The mean year error by department, classification and object name. */
  public static List<Breakdown> yearErrorByEveryField(YearOutcomes predictions) {
    List<Breakdown> all = new ArrayList<>();
    for (MetadataField field : MetadataField.values()) {
      all.add(yearErrorBy(predictions, field));
    }
    return List.copyOf(all);
  }

  private static <T> Breakdown of(
      List<T> items,
      Function<T, ObjectMetadata> object,
      ToDoubleFunction<T> value,
      MetadataField field,
      Measure measure) {
    Map<String, double[]> sums = new LinkedHashMap<>(); // group -> {count, sum}
    for (T item : items) {
      double[] sum = sums.computeIfAbsent(field.valueOf(object.apply(item)), g -> new double[2]);
      sum[0]++;
      sum[1] += value.applyAsDouble(item);
    }
    List<GroupScore> groups = new ArrayList<>();
    sums.forEach((group, sum) -> groups.add(new GroupScore(group, (int) sum[0], sum[1] / sum[0])));
    groups.sort(
        Comparator.comparingInt(GroupScore::count).reversed().thenComparing(GroupScore::group));
    return new Breakdown(field, measure, groups);
  }

  /** The largest groups, at most {@code n}. */
  public List<GroupScore> largest(int n) {
    return groups.subList(0, Math.min(Math.max(n, 0), groups.size()));
  }

  /** The score of one group. */
  public GroupScore group(String name) {
    return groups.stream()
        .filter(g -> g.group().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no " + field.displayName() + " '" + name + "'"));
  }
}

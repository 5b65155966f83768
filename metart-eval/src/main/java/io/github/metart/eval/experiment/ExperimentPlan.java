package io.github.metart.eval.experiment;

import io.github.metart.models.spec.ModelRecipe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's runs, each once even when several sweeps include it (the base model usually is
 * in every one), and which runs each sweep compares.
 *
 * @param runs the distinct runs, in the order they are trained
 * @param sweeps each sweep's name and the names of its runs, in declaration order
 */
public record ExperimentPlan(List<PlannedRun> runs, Map<String, List<String>> sweeps) {

  /** Copies the lists. */
  public ExperimentPlan {
    runs = List.copyOf(runs);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    sweeps.forEach((name, names) -> copy.put(name, List.copyOf(names)));
    sweeps = java.util.Collections.unmodifiableMap(copy);
  }

  /** Expands a spec: every sweep's grid on the base, duplicates merged. */
  public static ExperimentPlan of(ExperimentSpec spec) {
    return of(spec.base(), spec.sweeps());
  }

  /**
   * Expands sweeps around a base: every sweep's grid, duplicates merged; the base alone when there
   * is no sweep.
   *
   * @throws IllegalArgumentException naming the sweep whose values do not make a valid model, or
   *     two sweeps of the same name
   */
  public static ExperimentPlan of(ModelRecipe base, List<Sweep> sweepList) {
    Map<String, PlannedRun> runs = new LinkedHashMap<>();
    Map<String, List<String>> sweeps = new LinkedHashMap<>();
    for (Sweep sweep : sweepList) {
      List<String> names = new ArrayList<>();
      for (PlannedRun run : sweep.runs(base)) {
        PlannedRun known = runs.putIfAbsent(run.name(), run);
        if (known != null && !known.equals(run)) {
          throw new IllegalArgumentException(
              "two different runs are both named '" + run.name() + "'");
        }
        if (!names.contains(run.name())) {
          names.add(run.name());
        }
      }
      if (sweeps.put(sweep.name(), names) != null) {
        throw new IllegalArgumentException("two sweeps are named '" + sweep.name() + "': name each one differently");
      }
    }
    if (sweepList.isEmpty()) {
      PlannedRun only = PlannedRun.of(base);
      runs.put(only.name(), only);
      sweeps.put("base", List.of(only.name()));
    }
    return new ExperimentPlan(new ArrayList<>(runs.values()), sweeps);
  }

  /** The run of a name. */
  public PlannedRun run(String name) {
    return runs.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no run named '" + name + "'"));
  }
}

package io.github.metart.eval.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.models.spec.HeadChoice;
import io.github.metart.models.spec.ModelRecipe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One sweep of an experiment: the values to try for one or more knobs, every combination of them
 * (a grid) applied to the experiment's base model. Knobs left out keep the base's value.
 *
 * <pre>{@code
 * {"name": "dropout", "dropout": [0, 0.2, 0.4, 0.6, 0.8]}
 * {"name": "input size", "input": ["224", "448+stem"]}
 * }</pre>
 *
 * @param name what the sweep compares, e.g. {@code dropout}; names its report page
 * @param architecture architectures as {@code metart models} names them, or {@code null}
 * @param hiddenUnits hidden units of the fully connected layers, or {@code null}
 * @param dropout dropout rates, or {@code null}
 * @param batchNorm batch norm off and/or on, or {@code null}
 * @param input input sizes with their stem layers, or {@code null}
 * @param head year heads ({@code direct}, {@code binned:N}), or {@code null}
 * @param training training variants ({@link TrainingVariant}: a lever on and off, a year target),
 *     each run of the grid once per variant, or {@code null}
 * @param pretrained backbone weights ({@code imagenet}, {@code IMAGENET1K_V1}, a file) or {@code
 *     none} for training from scratch, or {@code null}
 */
public record Sweep(
    String name,
    List<String> architecture,
    List<Integer> hiddenUnits,
    List<Double> dropout,
    List<Boolean> batchNorm,
    List<InputChoice> input,
    List<HeadChoice> head,
    List<TrainingVariant> training,
    List<String> pretrained) {

  /** The value of {@link #pretrained} that trains from scratch. */
  public static final String FROM_SCRATCH = "none";

  /** Validates the name and that at least one knob varies, each with at least one value. */
  public Sweep {
    checkArgument(name != null && !name.isBlank(), "a sweep needs a name, e.g. \"dropout\"");
    architecture = copy(name, "architecture", architecture);
    hiddenUnits = copy(name, "hiddenUnits", hiddenUnits);
    dropout = copy(name, "dropout", dropout);
    batchNorm = copy(name, "batchNorm", batchNorm);
    input = copy(name, "input", input);
    head = copy(name, "head", head);
    training = copy(name, "training", training);
    pretrained = copy(name, "pretrained", pretrained);
    checkArgument(
        architecture != null || hiddenUnits != null || dropout != null || batchNorm != null
            || input != null || head != null || training != null || pretrained != null,
        "sweep '%s' varies nothing: give values for architecture, hiddenUnits, dropout, batchNorm,"
            + " input, head, pretrained or training",
        name);
  }

  /** A sweep of the model knobs and training variants, every model trained from the base's weights. */
  public Sweep(
      String name,
      List<String> architecture,
      List<Integer> hiddenUnits,
      List<Double> dropout,
      List<Boolean> batchNorm,
      List<InputChoice> input,
      List<HeadChoice> head,
      List<TrainingVariant> training) {
    this(name, architecture, hiddenUnits, dropout, batchNorm, input, head, training, null);
  }

  /** A sweep of the model knobs only (no training variants). */
  public Sweep(
      String name,
      List<String> architecture,
      List<Integer> hiddenUnits,
      List<Double> dropout,
      List<Boolean> batchNorm,
      List<InputChoice> input,
      List<HeadChoice> head) {
    this(name, architecture, hiddenUnits, dropout, batchNorm, input, head, null, null);
  }

  /** A sweep over training variants of the base model (e.g. each lever on and off). */
  public static Sweep training(String name, List<TrainingVariant> values) {
    return new Sweep(name, null, null, null, null, null, null, values);
  }

  /**
   * The runs of the sweep: every model of {@link #expand}, once per training variant when the sweep
   * has them (named {@code <model> <variant>}).
   */
  public List<PlannedRun> runs(ModelRecipe base) {
    List<PlannedRun> runs = new ArrayList<>();
    for (ModelRecipe recipe : expand(base)) {
      if (training == null) {
        runs.add(PlannedRun.of(recipe));
      } else {
        for (TrainingVariant variant : training) {
          runs.add(PlannedRun.of(recipe, variant));
        }
      }
    }
    return runs;
  }

  /** A sweep over the architectures. */
  public static Sweep architectures(String name, List<String> values) {
    return new Sweep(name, values, null, null, null, null, null);
  }

  /** A sweep over hidden units. */
  public static Sweep hiddenUnits(String name, List<Integer> values) {
    return new Sweep(name, null, values, null, null, null, null);
  }

  /** A sweep over dropout rates. */
  public static Sweep dropout(String name, List<Double> values) {
    return new Sweep(name, null, null, values, null, null, null);
  }

  /** A sweep over batch norm off and on. */
  public static Sweep batchNorm(String name, List<Boolean> values) {
    return new Sweep(name, null, null, null, values, null, null);
  }

  /** A sweep over input sizes. */
  public static Sweep inputs(String name, List<InputChoice> values) {
    return new Sweep(name, null, null, null, null, values, null);
  }

  /** A sweep over year heads. */
  public static Sweep heads(String name, List<HeadChoice> values) {
    return new Sweep(name, null, null, null, null, null, values);
  }

  /**
   * Every combination of the sweep's values applied to the base, in declaration order (the last
   * knob varies fastest).
   *
   * @throws IllegalArgumentException naming the sweep and the combination that is not a valid model
   */
  public List<ModelRecipe> expand(ModelRecipe base) {
    List<ModelRecipe> recipes = List.of(base);
    recipes = vary(recipes, architecture, (r, v) -> new ModelRecipe(v, r.inputSize(), r.hiddenUnits(), r.dropout(), r.batchNorm(), r.stemLayers(), r.head(), r.pretrained()));
    recipes = vary(recipes, hiddenUnits, ModelRecipe::withHiddenUnits);
    recipes = vary(recipes, dropout, ModelRecipe::withDropout);
    recipes = vary(recipes, batchNorm, ModelRecipe::withBatchNorm);
    recipes = vary(recipes, input, (r, v) -> r.withInput(v.size(), v.stemLayers()));
    recipes = vary(recipes, head, ModelRecipe::withHead);
    recipes = vary(recipes, pretrained, (r, v) -> r.withPretrained(v.strip().equalsIgnoreCase(FROM_SCRATCH) ? null : v.strip()));
    return recipes;
  }

  private <T> List<ModelRecipe> vary(
      List<ModelRecipe> recipes, List<T> values, BiFunction<ModelRecipe, T, ModelRecipe> apply) {
    if (values == null) {
      return recipes;
    }
    List<ModelRecipe> varied = new ArrayList<>();
    for (ModelRecipe recipe : recipes) {
      for (T value : values) {
        try {
          varied.add(apply.apply(recipe, value));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "sweep '" + name + "': " + value + " on " + recipe.describe() + ": " + e.getMessage(), e);
        }
      }
    }
    return varied;
  }

  private static <T> List<T> copy(String sweep, String knob, List<T> values) {
    if (values == null) {
      return null;
    }
    checkArgument(!values.isEmpty(), "sweep '%s': %s lists no value", sweep, knob);
    for (T value : values) {
      checkArgument(value != null, "sweep '%s': %s holds a null value", sweep, knob);
    }
    return List.copyOf(values);
  }
}

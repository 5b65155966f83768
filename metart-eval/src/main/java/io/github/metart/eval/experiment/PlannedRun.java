package io.github.metart.eval.experiment;

import io.github.metart.models.spec.ModelRecipe;
import java.util.Objects;

/**
 * One run of an experiment: its name, its folder under {@code runs/} and the model it trains.
 *
 * @param name the run's name in reports, e.g. {@code resnet18 64px dropout=0.2}
 * @param folderName the run's folder name, e.g. {@code resnet18_64px_dropout-0.2}
 * @param recipe the model
 * @param training the training variant of a training sweep, or {@code null} for the experiment's
 *     training as it is
 */
public record PlannedRun(String name, String folderName, ModelRecipe recipe, TrainingVariant training) {

  /** Validates the fields. */
  public PlannedRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(folderName, "folderName");
    Objects.requireNonNull(recipe, "recipe");
  }

  /** A run with the experiment's training. */
  public PlannedRun(String name, String folderName, ModelRecipe recipe) {
    this(name, folderName, recipe, null);
  }

  /** The run of a recipe, named after it. */
  public static PlannedRun of(ModelRecipe recipe) {
    String name = recipe.describe();
    return new PlannedRun(name, folderName(name), recipe);
  }

  /** The run of a recipe with a training variant, named after both. */
  public static PlannedRun of(ModelRecipe recipe, TrainingVariant variant) {
    String name = recipe.describe() + " " + variant.name();
    return new PlannedRun(name, folderName(name), recipe, variant);
  }

  /** The settings this run trains with: the experiment's, with the variant's changes. */
  public io.github.metart.train.config.TrainingSettings trainingSettings(
      io.github.metart.train.config.TrainingSettings experiment) {
    return training == null ? experiment : training.applyTo(experiment);
  }

  /** A file-system-safe folder name: spaces become {@code _}, other unsafe characters {@code -}. */
  static String folderName(String name) {
    return name.replace(' ', '_').replaceAll("[^A-Za-z0-9_.+-]", "-");
  }
}

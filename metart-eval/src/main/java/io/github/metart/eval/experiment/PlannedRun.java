package io.github.metart.eval.experiment;

import io.github.metart.models.spec.ModelRecipe;
import java.util.Objects;

/**
 * One run of an experiment: its name, its folder under {@code runs/} and the model it trains.
 *
 * @param name the run's name in reports, e.g. {@code resnet18 64px dropout=0.2}
 * @param folderName the run's folder name, e.g. {@code resnet18_64px_dropout-0.2}
 * @param recipe the model
 */
public record PlannedRun(String name, String folderName, ModelRecipe recipe) {

  /** Validates the fields. */
  public PlannedRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(folderName, "folderName");
    Objects.requireNonNull(recipe, "recipe");
  }

  /** The run of a recipe, named after it. */
  public static PlannedRun of(ModelRecipe recipe) {
    String name = recipe.describe();
    return new PlannedRun(name, folderName(name), recipe);
  }

  /** A file-system-safe folder name: spaces become {@code _}, other unsafe characters {@code -}. */
  static String folderName(String name) {
    return name.replace(' ', '_').replaceAll("[^A-Za-z0-9_.+-]", "-");
  }
}

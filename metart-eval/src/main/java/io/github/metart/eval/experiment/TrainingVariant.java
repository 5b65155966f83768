package io.github.metart.eval.experiment;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metart.train.config.TrainingSettings;
import io.github.metart.train.files.TrainJson;
import java.util.Objects;

/**
 * One value of a sweep's {@code training} knob: a name and the training settings it changes from
 * the experiment's own ({@code {"name": "mixup", "changes": {"mixup": 0.2}}}); the settings it
 * leaves out keep the experiment's value. What an ablation compares: a lever on and off.
 *
 * @param name the variant's name in run names and reports, e.g. {@code mixup} or {@code plain}
 * @param changes the settings that differ; empty ({@link TrainingSettings#defaults()}) for the
 *     experiment's training as it is
 */
public record TrainingVariant(String name, TrainingSettings changes) {

  /** Validates the name and fills in no changes. */
  public TrainingVariant {
    checkArgument(name != null && !name.isBlank(), "a training variant needs a name, e.g. \"mixup\"");
    name = name.strip();
    changes = Objects.requireNonNullElseGet(changes, TrainingSettings::defaults);
  }

  /** The variant that changes nothing. */
  public static TrainingVariant unchanged(String name) {
    return new TrainingVariant(name, TrainingSettings.defaults());
  }

  /**
   * The experiment's settings with this variant's changes on top (each setting the variant gives
   * replaces the experiment's).
   *
   * @throws IllegalArgumentException naming the setting when the result is not a valid configuration
   */
  public TrainingSettings applyTo(TrainingSettings base) {
    // an overlay of the variant's settings (written without the unset ones) on the base's: records
    // cannot be updated in place by databind, so the two JSON trees are merged, then bound again
    ObjectNode merged = TrainJson.mapper().valueToTree(base);
    merged.setAll((ObjectNode) TrainJson.mapper().valueToTree(changes));
    try {
      // the settings check themselves when they are built: a wrong combination fails here
      return TrainJson.mapper().convertValue(merged, TrainingSettings.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("training variant '" + name + "': " + settingProblem(e), e);
    }
  }

  /** The settings' own message (naming the setting), under Jackson's wrapping of it. */
  private static String settingProblem(IllegalArgumentException converting) {
    for (Throwable t = converting.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException own) {
        return own.getMessage();
      }
    }
    return converting.getMessage();
  }
}

package io.github.metart.eval.experiment;

import io.github.metart.data.files.JsonFiles;
import io.github.metart.train.config.TrainingSettings;
import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.metart.data.dataset.Task;
import io.github.metart.models.predict.TestTimeAugmentation;
import io.github.metart.models.spec.ModelRecipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A declared experiment: a base model, how every run is trained, and sweeps around the base. Read
 * from JSON:
 *
 * <pre>{@code
 * {
 *   "title": "Dropout and hidden units on culture",
 *   "task": "culture",
 *   "base": {"architecture": "alexnet", "inputSize": 224, "hiddenUnits": 4096, "dropout": 0.5},
 *   "training": {"epochs": 30, "optimizer": "sgd", "learningRate": 0.01, "batchSize": 64,
 *                "augmentation": "trivial", "mixup": 0.2},
 *   "testTimeAugmentation": "flip",
 *   "sweeps": [
 *     {"name": "dropout", "dropout": [0, 0.2, 0.4, 0.6, 0.8]},
 *     {"name": "hidden units", "hiddenUnits": [256, 512, 1024, 2048, 4096]},
 *     {"name": "input size", "input": ["224", "448+stem"]}
 *   ]
 * }
 * }</pre>
 *
 * @param title the comparison report's title
 * @param description one paragraph on what is compared (may be empty)
 * @param task {@code culture} or {@code year} when the spec is meant for one task (checked against
 *     the data), or {@code null}
 * @param base the model every sweep starts from
 * @param training how every run is trained
 * @param sweeps the sweeps; none trains the base alone
 * @param testTimeAugmentation how every run is evaluated: {@code none} (when absent), {@code flip}
 *     or {@code flip-crops} (see {@link TestTimeAugmentation})
 */
public record ExperimentSpec(
    String title,
    String description,
    String task,
    ModelRecipe base,
    TrainingSettings training,
    List<Sweep> sweeps,
    @JsonInclude(JsonInclude.Include.NON_NULL) String testTimeAugmentation) {

  private static final ObjectMapper JSON = JsonFiles.mapper();

  /** Validates the spec and fills in defaults (title from the base, default training). */
  public ExperimentSpec {
    checkArgument(base != null, "the base model is missing, e.g. \"base\": {\"architecture\": \"resnet18\", \"inputSize\": 224}");
    title = title == null || title.isBlank() ? "Experiment on " + base.describe() : title.strip();
    description = Objects.requireNonNullElse(description, "").strip();
    if (task != null) {
      task = task.strip().toLowerCase(Locale.ROOT);
      Task.fromId(task);
    }
    training = Objects.requireNonNullElseGet(training, TrainingSettings::defaults);
    sweeps = sweeps == null ? List.of() : List.copyOf(sweeps);
    ExperimentPlan.of(base, sweeps);
    if (testTimeAugmentation != null) {
      testTimeAugmentation = TestTimeAugmentation.parse(testTimeAugmentation).key();
    }
  }

  /** A spec whose runs are evaluated without test-time augmentation. */
  public ExperimentSpec(
      String title,
      String description,
      String task,
      ModelRecipe base,
      TrainingSettings training,
      List<Sweep> sweeps) {
    this(title, description, task, base, training, sweeps, null);
  }

  /** The test-time augmentation every run is evaluated with ({@code NONE} when not given). */
  @JsonIgnore
  public TestTimeAugmentation evaluationViews() {
    return testTimeAugmentation == null
        ? TestTimeAugmentation.NONE
        : TestTimeAugmentation.parse(testTimeAugmentation);
  }

  /** The runs this spec expands to. */
  public ExperimentPlan plan() {
    return ExperimentPlan.of(this);
  }

  /**
   * This experiment with every run starting from other pretrained weights (the base's {@code
   * pretrained}: {@code imagenet}, a weights file, or {@code null} for from scratch).
   */
  public ExperimentSpec withPretrained(String source) {
    return new ExperimentSpec(title, description, task, base.withPretrained(source), training, sweeps, testTimeAugmentation);
  }

  /**
   * Fetches the pretrained weights of every run before any trains ({@link
   * ModelRecipe#fetchPretrained}), so that a missing file or a download that is not allowed stops
   * the experiment at once rather than at the run that needs it.
   *
   * @return the distinct weight files, in run order
   */
  public List<Path> fetchPretrained(io.github.metart.models.pretrained.WeightCache cache) {
    java.util.Set<Path> files = new java.util.LinkedHashSet<>();
    for (PlannedRun run : plan().runs()) {
      run.recipe().fetchPretrained(cache).ifPresent(files::add);
    }
    return List.copyOf(files);
  }

  /** The spec as indented JSON (what {@link #read} reads back). */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the experiment spec as JSON: " + e.getMessage(), e);
    }
  }

  /** Parses a spec from JSON text; {@code source} names it in error messages. */
  public static ExperimentSpec parse(String json, String source) throws IOException {
    try {
      return JSON.readValue(json, ExperimentSpec.class);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      if (e instanceof UnrecognizedPropertyException unknown) {
        // records are read whole before unknown fields are reported: find the field's own line
        line = lineOfKey(json, unknown.getPropertyName(), line);
      }
      String location = line < 1 ? "" : ":" + line;
      String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
      throw new IOException(source + location + ": " + message, e);
    }
  }

  private static int lineOfKey(String json, String key, int fallback) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:").matcher(json);
    if (!m.find()) {
      return fallback;
    }
    return (int) json.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
  }

  /**
   * Reads a spec file.
   *
   * @throws IOException naming the file (and line) when it is missing, not JSON, or not a valid
   *     spec
   */
  public static ExperimentSpec read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": no such file (expected an experiment spec in JSON)", e);
    }
    return parse(text, file.toString());
  }
}

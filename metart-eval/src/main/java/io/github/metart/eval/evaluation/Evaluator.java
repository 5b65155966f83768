package io.github.metart.eval.evaluation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.SequenceSampler;
import ai.djl.translate.TranslateException;
import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.loading.CachedImageDataset;
import io.github.metart.data.dates.YearRange;
import io.github.metart.eval.metrics.YearBaseline;
import io.github.metart.eval.outcomes.ClassOutcome;
import io.github.metart.eval.outcomes.ClassOutcomes;
import io.github.metart.eval.outcomes.ObjectMetadata;
import io.github.metart.eval.outcomes.YearOutcome;
import io.github.metart.eval.outcomes.YearOutcomes;
import io.github.metart.models.MetModel;
import io.github.metart.models.heads.ClassPrediction;
import io.github.metart.models.heads.ClassifierHead;
import io.github.metart.models.heads.CultureYearHead;
import io.github.metart.models.heads.CultureYearPrediction;
import io.github.metart.models.heads.Prediction;
import io.github.metart.models.heads.YearHead;
import io.github.metart.models.heads.YearPrediction;
import io.github.metart.models.predict.TestTimeAugmentation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a model over a dataset split and measures it: the bridge from a trained {@link MetModel}
 * to an {@link EvaluationReport}.
 *
 * <p>The dataset is read in order, in batches; each batch's arrays live in the batch's own {@code
 * NDManager}, closed after the batch. Predictions are joined to the split's {@link LabeledObject}s
 * by Met Object ID, which carry the metadata (department, classification, object name, title) and,
 * for years, the target year and the object's date interval.
 *
 * <pre>{@code
 * EvaluationReport report = Evaluator.builder()
 *     .split("test")
 *     .baselineFromTraining(splits.train())
 *     .build()
 *     .evaluate(model, testDataset, splits.test());
 * }</pre>
 */
public final class Evaluator {

  private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

  /** The default number of images per batch. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  private final TestTimeAugmentation testTimeAugmentation;
  private final int batchSize;
  private final String split;
  private final Optional<String> modelName;
  private final Optional<YearBaseline> baseline;

  private Evaluator(Builder builder) {
    this.testTimeAugmentation = builder.testTimeAugmentation;
    this.batchSize = builder.batchSize;
    this.split = builder.split;
    this.modelName = Optional.ofNullable(builder.modelName);
    this.baseline = Optional.ofNullable(builder.baseline);
  }

  /** An evaluator with the defaults: batches of {@value #DEFAULT_BATCH_SIZE}, split {@code test}. */
  public static Evaluator defaults() {
    return builder().build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Evaluates a model on one split of the prepared cache.
   *
   * @param model the model; a classifier or a year model
   * @param dataset the split's dataset, without augmentation (read in order whatever its sampling)
   * @param objects the split's labeled objects, e.g. {@code DatasetSplits.get(Split.TEST)}
   * @return the report
   * @throws IllegalArgumentException when the dataset augments its images, or naming the object or
   *     index when the dataset and the objects do not match
   */
  public EvaluationReport evaluate(
      MetModel model, CachedImageDataset dataset, Collection<LabeledObject> objects) {
    requireNonNull(dataset, "dataset");
    checkArgument(
        !dataset.augmentation().isEnabled(),
        "evaluation needs the images as they are, but the dataset augments them (%s): build it"
            + " without augmentation",
        dataset.augmentation());
    return evaluate(model, dataset, dataset::objectIdAt, objects);
  }

  /**
   * Evaluates a model on one split of any DJL dataset.
   *
   * @param model the model; a classifier or a year model
   * @param dataset the split's DJL dataset: records of one preprocessed image ({@code data}) and
   *     its target ({@code labels}, {@code [1]}: class index or normalized year)
   * @param objectIdAt the Met Object ID of the record at each dataset index
   * @param objects the split's labeled objects (at least every object of the dataset)
   * @return the report, named after the model's spec unless a name was set
   * @throws IllegalArgumentException naming the object or index when the dataset and the objects
   *     do not match
   */
  public EvaluationReport evaluate(
      MetModel model,
      RandomAccessDataset dataset,
      LongUnaryOperator objectIdAt,
      Collection<LabeledObject> objects) {
    requireNonNull(model, "model");
    String name = modelName.orElse(model.spec().name());
    checkArgument(
        !(model.head() instanceof CultureYearHead),
        "%s predicts culture and year: evaluate it with evaluateEach, which reports both",
        name);
    if (model.head() instanceof ClassifierHead) {
      return EvaluationReport.classification(name, split, predictClasses(model, dataset, objectIdAt, objects))
          .withTestTimeAugmentation(testTimeAugmentation);
    }
    return yearReport(name, predictYears(model, dataset, objectIdAt, objects));
  }

  /**
   * Evaluates every task of a model on one split of the prepared cache in one pass over the
   * images: one report for a classifier or a year model ({@link #evaluate(MetModel,
   * CachedImageDataset, Collection)}), two for a culture+year model — the culture report, then the
   * year report (against the baseline, as for a year model).
   *
   * @throws IllegalArgumentException as {@link #evaluate(MetModel, CachedImageDataset, Collection)}
   */
  public List<EvaluationReport> evaluateEach(
      MetModel model, CachedImageDataset dataset, Collection<LabeledObject> objects) {
    requireNonNull(model, "model");
    if (!(model.head() instanceof CultureYearHead head)) {
      return List.of(evaluate(model, dataset, objects));
    }
    requireNonNull(dataset, "dataset");
    checkArgument(
        !dataset.augmentation().isEnabled(),
        "evaluation needs the images as they are, but the dataset augments them (%s): build it"
            + " without augmentation",
        dataset.augmentation());
    String name = modelName.orElse(model.spec().name());
    List<String> labels = head.culture().spec().names();
    ClassOutcomes.Builder cultures = ClassOutcomes.builder(labels);
    YearOutcomes.Builder years = YearOutcomes.builder();
    run(
        model,
        dataset,
        dataset::objectIdAt,
        objects,
        (object, label, prediction) -> {
          CultureYearPrediction both = (CultureYearPrediction) prediction;
          cultures.add(
              ClassOutcome.of(ObjectMetadata.of(object), checkedClass(object, label, labels), both.culture()));
          years.add(yearOutcome(object, both.year()));
        });
    return List.of(
        EvaluationReport.classification(name, split, cultures.build()), yearReport(name, years.build()));
  }

  private EvaluationReport yearReport(String name, YearOutcomes years) {
    YearBaseline guess =
        baseline.orElseGet(
            () -> {
              if (years.isEmpty()) {
                return new YearBaseline(0, "none: the split is empty");
              }
              YearBaseline fallback = YearBaseline.meanOfEvaluatedSplit(years.actualYears(), split);
              LOG.warn("baseline of {} on {}: {}", name, split, fallback.describe());
              return fallback;
            });
    return EvaluationReport.year(name, split, years, guess).withTestTimeAugmentation(testTimeAugmentation);
  }

  /**
   * A classifier's predictions over a dataset, joined to the objects' metadata.
   *
   * @throws IllegalArgumentException when the model is not a classifier, or naming the object whose
   *     dataset label does not match its labeled class
   */
  public ClassOutcomes predictClasses(
      MetModel model,
      RandomAccessDataset dataset,
      LongUnaryOperator objectIdAt,
      Collection<LabeledObject> objects) {
    checkArgument(
        model.head() instanceof ClassifierHead,
        "%s is not a classifier: its head is %s",
        model.spec().name(),
        model.spec().head().describe());
    ClassifierHead head = (ClassifierHead) model.head();
    List<String> labels = head.spec().names();
    List<String> checked = head.spec().labels().isEmpty() ? null : labels;
    ClassOutcomes.Builder builder = ClassOutcomes.builder(labels);
    run(
        model,
        dataset,
        objectIdAt,
        objects,
        (object, label, prediction) -> {
          int actual =
              checked == null ? classIndex(object, label, labels.size()) : checkedClass(object, label, checked);
          builder.add(
              ClassOutcome.of(ObjectMetadata.of(object), actual, (ClassPrediction) prediction));
        });
    return builder.build();
  }

  /** The class index of an object's dataset label, checked against its labeled class name. */
  private static int checkedClass(LabeledObject object, float label, List<String> labels) {
    int actual = classIndex(object, label, labels.size());
    checkArgument(
        labels.get(actual).equals(object.label()),
        "object %s: its dataset label is class %s ('%s') of the model, but the object is"
            + " labeled '%s': the model and the dataset use different label lists",
        object.objectId(),
        actual,
        labels.get(actual),
        object.label());
    return actual;
  }

  private static YearOutcome yearOutcome(LabeledObject object, YearPrediction prediction) {
    YearRange years =
        object
            .years()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "object " + object.objectId() + " has no year interval to evaluate against"));
    return new YearOutcome(
        ObjectMetadata.of(object), object.requireYear(), prediction.year(), years.begin(), years.end());
  }

  /**
   * A year model's predictions over a dataset, joined to the objects' years, intervals and
   * metadata.
   *
   * @throws IllegalArgumentException when the model is not a year model, or naming an object
   *     without a year
   */
  public YearOutcomes predictYears(
      MetModel model,
      RandomAccessDataset dataset,
      LongUnaryOperator objectIdAt,
      Collection<LabeledObject> objects) {
    checkArgument(
        model.head() instanceof YearHead,
        "%s is not a year model: its head is %s",
        model.spec().name(),
        model.spec().head().describe());
    YearOutcomes.Builder builder = YearOutcomes.builder();
    run(
        model,
        dataset,
        objectIdAt,
        objects,
        (object, label, prediction) -> builder.add(yearOutcome(object, (YearPrediction) prediction)));
    return builder.build();
  }

  /** What to do with one object's prediction. */
  @FunctionalInterface
  private interface PredictionSink {
    void accept(LabeledObject object, float label, Prediction prediction);
  }

  private void run(
      MetModel model,
      RandomAccessDataset dataset,
      LongUnaryOperator objectIdAt,
      Collection<LabeledObject> objects,
      PredictionSink sink) {
    requireNonNull(dataset, "dataset");
    requireNonNull(objectIdAt, "objectIdAt");
    requireNonNull(objects, "objects");
    Map<Long, LabeledObject> byId = new HashMap<>();
    for (LabeledObject object : objects) {
      checkArgument(
          byId.put(object.objectId(), object) == null,
          "object %s occurs twice among the labeled objects",
          object.objectId());
    }
    long started = System.nanoTime();
    int seen = 0;
    try (NDManager manager = model.djlModel().getNDManager().newSubManager()) {
      Iterable<Batch> batches =
          dataset.getData(manager, new BatchSampler(new SequenceSampler(), batchSize, false));
      for (Batch batch : batches) {
        try (batch) {
          NDArray images = batch.getData().head();
          NDArray labelArray = batch.getLabels().head();
          if (labelArray.getShape().dimension() == 2 && labelArray.getShape().get(1) > 1) {
            labelArray = labelArray.get(":, 0"); // the class index or the year label comes first
          }
          float[] labels = labelArray.toFloatArray();
          List<? extends Prediction> predictions = testTimeAugmentation.predict(model, images);
          List<?> indices = batch.getIndices();
          checkArgument(
              predictions.size() == labels.length && indices.size() == labels.length,
              "a batch of %s images gave %s labels and %s indices",
              predictions.size(),
              labels.length,
              indices.size());
          for (int i = 0; i < labels.length; i++) {
            long index = ((Number) indices.get(i)).longValue();
            long objectId = objectIdAt.applyAsLong(index);
            LabeledObject object = byId.get(objectId);
            if (object == null) {
              throw new IllegalArgumentException(
                  "dataset index " + index + " holds object " + objectId
                      + ", which is not among the " + byId.size() + " labeled objects given");
            }
            sink.accept(object, labels[i], predictions.get(i));
          }
          seen += labels.length;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dataset: " + e.getMessage(), e);
    } catch (TranslateException e) {
      throw new IllegalStateException("cannot batch the dataset: " + e.getMessage(), e);
    }
    LOG.info(
        "evaluated {} on {} objects of the {} split in {} ms",
        model.spec().name(),
        seen,
        split,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static int classIndex(LabeledObject object, float label, int classes) {
    int index = Math.round(label);
    checkArgument(
        index == label && index >= 0 && index < classes,
        "object %s: dataset label %s is not a class index of the model's %s classes",
        object.objectId(),
        label,
        classes);
    return index;
  }

  /** Options of an {@link Evaluator}. */
  public static final class Builder {
    private TestTimeAugmentation testTimeAugmentation = TestTimeAugmentation.NONE;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private String split = "test";
    private String modelName;
    private YearBaseline baseline;

    private Builder() {}

    /**
     * Test-time augmentation (default none): each prediction averaged over views of the dataset's
     * image; views other than the centre crop and its mirror need a dataset loaded at the stored
     * size (larger than the model input), see {@link TestTimeAugmentation}.
     */
    public Builder testTimeAugmentation(TestTimeAugmentation augmentation) {
      this.testTimeAugmentation = requireNonNull(augmentation, "augmentation");
      return this;
    }

    /** Images per batch, 1 to 4096; default {@value #DEFAULT_BATCH_SIZE}. */
    public Builder batchSize(int batchSize) {
      checkArgument(
          batchSize >= 1 && batchSize <= 4096, "batch size must be 1 to 4096, got %s", batchSize);
      this.batchSize = batchSize;
      return this;
    }

    /** The evaluated split's name, e.g. {@code validation}; default {@code test}. */
    public Builder split(String split) {
      requireNonNull(split, "split");
      checkArgument(!split.isBlank(), "name the split");
      this.split = split;
      return this;
    }

    /** The model's name in the report; default the spec's name, e.g. {@code resnet18}. */
    public Builder modelName(String modelName) {
      requireNonNull(modelName, "modelName");
      checkArgument(!modelName.isBlank(), "name the model");
      this.modelName = modelName;
      return this;
    }

    /**
     * The constant guess year models are compared with, usually {@link
     * YearBaseline#meanTrainingYear}; without it the mean year of the evaluated split is used as a
     * {@linkplain YearBaseline#fallback() fallback}, which every output of the report states (and a
     * warning is logged).
     */
    public Builder baseline(YearBaseline baseline) {
      this.baseline = requireNonNull(baseline, "baseline");
      return this;
    }

    /** The baseline as the mean year of the training objects (those with a year). */
    public Builder baselineFromTraining(Collection<LabeledObject> train) {
      requireNonNull(train, "train");
      List<Integer> years = new ArrayList<>();
      for (LabeledObject object : train) {
        object.year().ifPresent(years::add);
      }
      return baseline(YearBaseline.meanOf(years, "mean training year"));
    }

    /** The evaluator. */
    public Evaluator build() {
      return new Evaluator(this);
    }
  }
}

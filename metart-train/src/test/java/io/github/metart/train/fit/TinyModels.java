package io.github.metart.train.fit;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.evaluator.Evaluator;
import io.github.metart.train.metrics.MeanYearError;
import io.github.metart.models.heads.RegressionHead;
import io.github.metart.models.spec.HeadSpec;
import java.util.Random;
import io.github.metart.models.engine.MetEngine;

/** Tiny networks, tasks and synthetic datasets for fast training tests. */
final class TinyModels {

  static final int SIZE = 16;

  private TinyModels() {}

  /** A model over a DJL {@link Model}, closed with it. */
  record TestModel(Model djl, Shape inputShape, TrainingTask task, String specJson)
      implements TrainableModel, AutoCloseable {
    @Override
    public Block block() {
      return djl.getBlock();
    }

    @Override
    public NDManager manager() {
      return djl.getNDManager();
    }

    @Override
    public void save(java.nio.file.Path folder) {
      try {
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.writeString(folder.resolve("spec.json"), specJson);
        try (java.io.OutputStream out =
            java.nio.file.Files.newOutputStream(folder.resolve("weights.params"))) {
          WeightsIo.save(block(), out);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      djl.close();
    }
  }

  /** conv-bn-relu-pool, conv-relu-pool, dropout, linear: about 3,000 parameters. */
  static TestModel classifier(int classes, long seed) {
    SequentialBlock net =
        new SequentialBlock()
            .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8).build())
            .add(BatchNorm.builder().build())
            .add(Activation::relu)
            .add(Pool.maxPool2dBlock(new Shape(2, 2)))
            .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8).build())
            .add(Activation::relu)
            .add(Pool.globalAvgPool2dBlock())
            .add(Dropout.builder().optRate(0.2f).build())
            .add(Linear.builder().setUnits(classes).build());
    return model(net, new ClassTask(), "{\"test\":\"classifier\",\"classes\":" + classes + "}", seed);
  }

  /**
   * conv-relu, global pooling, batch norm over the pooled features, linear: like a ResNet's last
   * block on small inputs, its batch norm sees one value per channel and image.
   */
  static TestModel pooledBatchNormClassifier(int classes, long seed) {
    SequentialBlock net =
        new SequentialBlock()
            .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8).build())
            .add(Activation::relu)
            .add(Pool.globalAvgPool2dBlock())
            .add(Blocks.batchFlattenBlock())
            .add(BatchNorm.builder().build())
            .add(Linear.builder().setUnits(classes).build());
    return model(net, new ClassTask(), "{\"test\":\"pooled-bn\",\"classes\":" + classes + "}", seed);
  }

  /** conv-relu-pool twice, linear to one output: the normalized year. */
  static TestModel regression(int minYear, int maxYear, long seed) {
    SequentialBlock net =
        new SequentialBlock()
            .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8).build())
            .add(Activation::relu)
            .add(Pool.maxPool2dBlock(new Shape(2, 2)))
            .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8).build())
            .add(Activation::relu)
            .add(Pool.globalAvgPool2dBlock())
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(1).build());
    return model(
        net,
        new YearTask(minYear, maxYear),
        "{\"test\":\"regression\",\"range\":[" + minYear + "," + maxYear + "]}",
        seed);
  }

  private static TestModel model(Block net, TrainingTask task, String spec, long seed) {
    MetEngine.engine().setRandomSeed((int) seed);
    Model djl = MetEngine.newModel("tiny", null);
    djl.setBlock(net);
    Shape input = new Shape(1, 3, SIZE, SIZE);
    net.initialize(djl.getNDManager(), DataType.FLOAT32, input);
    return new TestModel(djl, input, task, spec);
  }

  /**
   * Images of {@code classes} classes: noise, plus a bright channel that depends on the class.
   * Labels are class indices, float32 {@code [n, 1]}.
   */
  static RandomAccessDataset classes(NDManager manager, int n, int classes, long seed) {
    Random random = new Random(seed);
    float[] images = new float[n * 3 * SIZE * SIZE];
    float[] labels = new float[n];
    int plane = SIZE * SIZE;
    for (int i = 0; i < n; i++) {
      int label = random.nextInt(classes);
      labels[i] = label;
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < plane; p++) {
          float signal = c == label % 3 ? (label < 3 ? 1f : -1f) : 0f;
          images[(i * 3 + c) * plane + p] = signal + (float) random.nextGaussian() * 0.8f;
        }
      }
    }
    return dataset(manager, images, labels, n);
  }

  /** Images whose brightness encodes a normalized year in 0..1 (plus noise); labels the year. */
  static RandomAccessDataset years(NDManager manager, int n, long seed) {
    return years(manager, n, seed, SIZE);
  }

  /** {@link #years(NDManager, int, long)} at another image size. */
  static RandomAccessDataset years(NDManager manager, int n, long seed, int size) {
    Random random = new Random(seed);
    float[] images = new float[n * 3 * size * size];
    float[] labels = new float[n];
    int plane = size * size;
    for (int i = 0; i < n; i++) {
      float year = random.nextFloat();
      labels[i] = year;
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < plane; p++) {
          images[(i * 3 + c) * plane + p] = year * 2 - 1 + (float) random.nextGaussian() * 0.3f;
        }
      }
    }
    return dataset(manager, images, labels, n, size);
  }

  private static RandomAccessDataset dataset(
      NDManager manager, float[] images, float[] labels, int n) {
    return dataset(manager, images, labels, n, SIZE);
  }

  private static RandomAccessDataset dataset(
      NDManager manager, float[] images, float[] labels, int n, int size) {
    NDArray x = manager.create(images, new Shape(n, 3, size, size));
    NDArray y = manager.create(labels, new Shape(n, 1));
    return new ArrayDataset.Builder().setData(x).optLabels(y).setSampling(1, false).build();
  }

  /** Classification: cross-entropy on the label, DJL's accuracy. */
  static final class ClassTask implements TrainingTask {
    @Override
    public boolean classification() {
      return true;
    }

    @Override
    public NDArray trainingTargets(NDArray labels) {
      return labels;
    }

    @Override
    public Evaluator newMetric() {
      return new Accuracy();
    }

    @Override
    public String metricName() {
      return "accuracy";
    }

    @Override
    public boolean higherIsBetter() {
      return true;
    }

    @Override
    public NDList metricPredictions(NDList outputs) {
      return outputs;
    }
  }

  /**
   * Year regression: the normalized year, measured by metart-eval's mean year error through a
   * metart-models regression head over the same range.
   */
  static final class YearTask implements TrainingTask {
    private final RegressionHead head;

    YearTask(int minYear, int maxYear) {
      this.head = new RegressionHead(HeadSpec.regression(minYear, maxYear));
    }

    @Override
    public boolean classification() {
      return false;
    }

    @Override
    public NDArray trainingTargets(NDArray labels) {
      return labels;
    }

    @Override
    public Evaluator newMetric() {
      return new MeanYearError(head);
    }

    @Override
    public String metricName() {
      return "mean_year_error";
    }

    @Override
    public boolean higherIsBetter() {
      return false;
    }

    @Override
    public NDList metricPredictions(NDList outputs) {
      return outputs;
    }
  }
}

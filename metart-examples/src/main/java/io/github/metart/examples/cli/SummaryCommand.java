package io.github.metart.examples.cli;

import io.github.metart.models.MetModel;
import io.github.metart.models.MetModels;
import io.github.metart.models.pretrained.WeightCache;
import java.nio.file.Path;
import io.github.metart.models.ModelBuilder;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import io.github.metart.models.summary.ModelSummary;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metart summary ARCH [--classes N | --regression MIN MAX | --binned-year MIN MAX BINS]
 * [--size S]}: prints the layers of a model with their output shapes and parameters, and a last
 * line {@code parameters: N} (trainable parameters; batch-norm running statistics excluded).
 * Nothing is trained or allocated, unless {@code --pretrained} names weights: then the model is
 * built with them (fetched when {@code --allow-downloads} allows) and the file is named. A bad architecture or option is a usage error (exit code 2).
 */
@Command(
    name = "summary",
    header = "Print the layers and the trainable parameters of a model.",
    mixinStandardHelpOptions = true,
    description = {
      "Print the layers of a model (output shape and parameters of each) and a last line",
      "'parameters: N' with the number of trainable parameters. Default head: 1000 classes."
    })
final class SummaryCommand implements Runnable {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "ARCH",
      description = "Architecture, as 'metart models' lists it (e.g. resnet50, vgg16_bn).")
  String architecture;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  HeadOptions head;

  /** The mutually exclusive head options. */
  static final class HeadOptions {
    @Option(names = "--classes", paramLabel = "N", description = "A classifier over N classes.")
    Integer classes;

    @Option(
        names = "--regression",
        arity = "2",
        paramLabel = "YEAR",
        description = "A year regression over MIN MAX (B.C. negative).")
    int[] regression;

    @Option(
        names = "--binned-year",
        arity = "3",
        paramLabel = "N",
        description = "A binned-year head: MIN MAX BINS.")
    int[] binnedYear;
  }

  @Option(names = "--size", paramLabel = "S", description = "Input side in pixels (default 224).")
  Integer size;

  @Option(names = "--hidden-units", paramLabel = "N", description = "Units of the hidden FC layers.")
  Integer hiddenUnits;

  @Option(names = "--dropout", paramLabel = "P", description = "Dropout of the FC layers, 0 to 0.9.")
  Double dropout;

  @Option(
      names = "--stem",
      paramLabel = "LAYERS",
      description = "Extra strided 3x3 convolutions in front (each halves the input).")
  Integer stem;

  @Option(names = "--input-channels", paramLabel = "C", description = "Input channels (default 3).")
  Integer inputChannels;

  @Mixin PretrainedOptions pretrained;

  @Override
  public void run() {
    ModelSpec model;
    ModelBuilder builder;
    try {
      builder = builder();
      model = builder.spec(headSpec());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (pretrained.source == null) {
      out.print(ModelSummary.of(model).render());
      out.flush();
      return;
    }
    // with weights the model is built: the weights are fetched (when allowed) and loaded strictly
    WeightCache cache = pretrained.cache();
    Path weights;
    try {
      weights = cache.resolve(model, pretrained.source);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--pretrained: " + e.getMessage());
    }
    try (MetModel built = builder.weightCache(cache).pretrained(pretrained.source).build(headSpec())) {
      out.print(built.summary().render());
      out.println("pretrained: " + weights + " (backbone loaded, head freshly initialized)");
      out.flush();
    }
  }

  private ModelBuilder builder() {
    ModelBuilder builder = MetModels.named(architecture);
    if (size != null) {
      builder.inputSize(size);
    }
    if (hiddenUnits != null) {
      builder.hiddenUnits(hiddenUnits);
    }
    if (dropout != null) {
      builder.dropout(dropout);
    }
    if (stem != null) {
      builder.extraStem(stem);
    }
    if (inputChannels != null) {
      builder.inputChannels(inputChannels);
    }
    return builder;
  }

  private HeadSpec headSpec() {
    if (head == null || head.classes != null) {
      return HeadSpec.classifier(head == null ? 1000 : head.classes);
    }
    if (head.regression != null) {
      return HeadSpec.regression(head.regression[0], head.regression[1]);
    }
    return HeadSpec.binnedYear(head.binnedYear[0], head.binnedYear[1], head.binnedYear[2]);
  }
}

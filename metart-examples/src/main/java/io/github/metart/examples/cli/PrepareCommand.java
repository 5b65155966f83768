package io.github.metart.examples.cli;

import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.DuplicateFinder;
import io.github.metart.data.csv.MetCsvFormat;
import io.github.metart.data.culture.AmbiguityPolicy;
import io.github.metart.data.culture.CultureRules;
import io.github.metart.data.dataset.CultureDatasetBuilder;
import io.github.metart.data.dataset.CultureSource;
import io.github.metart.data.dataset.DatasetBuilder;
import io.github.metart.data.dataset.MetDataset;
import io.github.metart.data.dataset.SplitRatio;
import io.github.metart.data.dataset.Task;
import io.github.metart.data.dataset.YearDatasetBuilder;
import io.github.metart.data.dataset.YearLabeling;
import io.github.metart.data.dates.YearPolicy;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.prepare.DatasetPreparation;
import io.github.metart.data.prepare.PreparedDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metart prepare --csv FILE --task culture|year [recipe options] [--images DIR] --out DIR}:
 * builds a labeled, balanced, split dataset and writes the prepared folder ({@code manifest.json},
 * {@code splits/{train,validation,test}.csv}, {@code report.txt}, {@code report.json}); with {@code
 * --images}, only objects that have an image file are labeled, balanced and split, their images are
 * prepared into {@code cache/<recipe>/} (named in the manifest's {@code images} section) and
 * near-duplicates are kept in one split. When the new splits differ from those of the folder it
 * replaces, the caches the new manifest does not name are removed (they were prepared for other
 * objects); with the same splits, caches of other image sizes are kept.
 */
@Command(
    name = "prepare",
    header = "Labeled, balanced splits, a manifest and (with --images) the image cache.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Build a labeled dataset from a MetObjects.csv-format file and write DIR/manifest.json,"
          + " DIR/splits/{train,validation,test}.csv and DIR/report.txt.",
      "Example: metart prepare --csv MetObjects.csv --task culture --min-per-label 1000"
          + " --exclude european --balance 1000 --out prepared/culture",
      "With --images DIR, only objects with an image in DIR are labeled, balanced and split; their"
          + " images are prepared into OUT/cache/<recipe>/ (resumable, named in manifest.json) and"
          + " near-duplicate images are moved into one split.",
      "Preparing into an earlier prepared folder replaces it: when the splits change, image caches"
          + " the new manifest does not name are removed; with the same splits, caches of other"
          + " image sizes are kept."
    })
final class PrepareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The MetObjects.csv-format file.")
  Path csv;

  @Option(names = "--task", required = true, paramLabel = "TASK", converter = TaskConverter.class,
      description = "culture, year, or culture+year (objects with a culture label and a year in"
          + " --min-year..--max-year, for one model with both heads).")
  Task task;

  /** {@code culture}, {@code year} or {@code culture+year} ({@link Task#fromId}). */
  static final class TaskConverter implements picocli.CommandLine.ITypeConverter<Task> {
    @Override
    public Task convert(String value) {
      return Task.fromId(value);
    }
  }

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write (created; an earlier prepared folder is replaced).")
  Path out;

  // ---- common
  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--split", paramLabel = "T:V:T", defaultValue = "800:100:100",
      description = "train:validation:test proportions per label or bin (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--public-domain", description = "Only objects with Is Public Domain = True.")
  boolean publicDomain;

  @Option(names = "--department", paramLabel = "NAME", description = "Only this Department (repeatable).")
  List<String> departments = new ArrayList<>();

  @Option(names = "--classification", paramLabel = "NAME", description = "Only this Classification (repeatable).")
  List<String> classifications = new ArrayList<>();

  @Option(names = "--year-policy", paramLabel = "POLICY", defaultValue = "prefer-columns",
      description = "prefer-columns (default), prefer-object-date, columns-only or object-date-only.")
  String yearPolicy;

  @Option(names = "--no-period", description = "Do not fall back on the Period's interval.")
  boolean noPeriod;

  @Option(names = "--strict", description = "Fail at the first unusable CSV row instead of skipping it.")
  boolean strict;

  // ---- culture
  @Option(names = "--min-per-label", paramLabel = "N", description = "culture: labels with fewer objects are left out (default 1).")
  Integer minPerLabel;

  @Option(names = "--balance", paramLabel = "N", description = "culture: at most N objects per label (default: all).")
  Integer balance;

  @Option(names = "--exclude", paramLabel = "LABEL", split = ",", description = "culture: leave this label out (repeatable or comma-separated), e.g. european.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--exclude-broad", description = "culture: leave out every broad label (european, islamic, ...).")
  boolean excludeBroad;

  @Option(names = "--ambiguity", paramLabel = "POLICY", description = "culture: no-label (default) or first.")
  String ambiguity;

  @Option(names = "--drop-unknown", description = "culture: no label for cultures no rule knows.")
  boolean dropUnknown;

  @Option(names = "--rules", paramLabel = "FILE", description = "culture: extend the built-in culture rules with FILE.")
  Path rules;

  @Option(names = "--replace-rules", description = "culture: use --rules FILE instead of the built-in rules.")
  boolean replaceRules;

  @Option(names = "--culture-source", paramLabel = "SOURCE",
      description = "culture: culture (default) or culture-or-artist-nationality.")
  String cultureSource;

  // ---- year
  @Option(names = "--min-year", paramLabel = "YEAR", description = "year: first year of the range (default 1500).")
  Integer minYear;

  @Option(names = "--max-year", paramLabel = "YEAR", description = "year: last year of the range (default 1900).")
  Integer maxYear;

  @Option(names = "--bin-width", paramLabel = "YEARS", description = "year: bin width for balancing and splitting (default 50).")
  Integer binWidth;

  @Option(names = "--per-bin", paramLabel = "N", description = "year: at most N objects per bin (default: all).")
  Integer perBin;

  @Option(names = "--min-per-bin", paramLabel = "N", description = "year: bins with fewer objects are left out (default 1).")
  Integer minPerBin;

  @Option(names = "--max-span", paramLabel = "YEARS", description = "year: leave out intervals wider than this (default: no limit).")
  Integer maxSpan;

  @Option(names = "--labeling", paramLabel = "HOW", description = "year: uniform (default; seeded draw in the interval) or midpoint.")
  String labeling;

  // ---- images
  @Option(names = "--images", paramLabel = "DIR",
      description = "A folder of images named <objectId>.<ext> (e.g. from metart download): only objects with"
          + " an image here are used; prepares them into OUT/cache/<recipe>/ and keeps near-duplicates"
          + " within one split.")
  Path images;

  @Option(names = "--image-size", paramLabel = "PX",
      description = "images: the model input size; the cache stores squares of PX * 256 / 224 (default 224).")
  Integer imageSize;

  @Option(names = "--image-threads", paramLabel = "N", description = "images: decoding threads (default: every processor).")
  Integer imageThreads;

  @Option(names = "--duplicate-distance", paramLabel = "BITS",
      description = "images: perceptual-hash distance that makes two images near-duplicates, 0..16 (default 4).")
  Integer duplicateDistance;

  @Override
  public Integer call() throws IOException {
    checkTaskOptions();
    CachePreparer.Builder imageCache = imageOptions();
    DatasetPreparation.Builder preparation = DatasetPreparation.builder(builder(), out);
    ImageProgressLine progress = null;
    if (imageCache != null) {
      ImageProgressLine line = new ImageProgressLine(spec.commandLine().getErr(), ImageProgressLine.terminal(), "images");
      imageCache.listener(
          p -> line.update(p.done(), p.total(), p.imagesPerSecond(), p.eta(), p.skipped() == 0 ? "" : "skipped " + p.skipped()));
      preparation.images(images, imageCache);
      progress = line;
    }
    PreparedDataset prepared = preparation.build().run();
    if (progress != null) {
      progress.finish();
    }
    PrintWriter w = spec.commandLine().getOut();
    prepared.summary().forEach(w::println);
    w.flush();
    return 0;
  }

  /** The image cache settings, or null without --images; image options alone are a usage error. */
  private CachePreparer.Builder imageOptions() throws IOException {
    if (images == null) {
      List<String> stray = new ArrayList<>();
      addIf(stray, imageSize != null, "--image-size");
      addIf(stray, imageThreads != null, "--image-threads");
      addIf(stray, duplicateDistance != null, "--duplicate-distance");
      if (!stray.isEmpty()) {
        throw new ParameterException(spec.commandLine(), String.join(", ", stray) + " need --images DIR");
      }
      return null;
    }
    int size = CliOptions.size(spec, "--image-size", imageSize == null ? 224 : imageSize);
    ImageRecipe recipe;
    try {
      recipe = ImageRecipe.forInput(size);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--image-size: " + e.getMessage());
    }
    CachePreparer.Builder cache = CachePreparer.builder(recipe);
    if (imageThreads != null) {
      CliOptions.requirePositive(spec, "--image-threads", imageThreads);
      cache.threads(imageThreads);
    }
    if (duplicateDistance != null) {
      if (duplicateDistance < 0 || duplicateDistance > DuplicateFinder.MAX_DISTANCE) {
        throw new ParameterException(spec.commandLine(),
            "--duplicate-distance must be between 0 and " + DuplicateFinder.MAX_DISTANCE + ", got " + duplicateDistance);
      }
      cache.duplicateDistance(duplicateDistance);
    }
    return cache;
  }

  /** The recipe as a builder; the images command line adds to it. */
  DatasetBuilder<?> builder() throws IOException {
    MetDataset source = MetDataset.fromCsv(CliOptions.existingFile(csv));
    DatasetBuilder<?> builder;
    if (task.hasCultures()) {
      CultureDatasetBuilder b = source.culture();
      if (task == Task.CULTURE_YEAR) {
        int[] range = yearRange();
        b.withYears(range[0], range[1]);
        if (maxSpan != null) {
          CliOptions.requireAtLeast(spec, "--max-span", maxSpan, 0);
          b.maxSpan(maxSpan);
        }
        if (labeling != null) {
          b.yearLabeling(CliOptions.parse(spec, "--labeling", YearLabeling.class, labeling));
        }
      }
      if (minPerLabel != null) {
        CliOptions.requirePositive(spec, "--min-per-label", minPerLabel);
        b.minPerLabel(minPerLabel);
      }
      if (balance != null) {
        CliOptions.requirePositive(spec, "--balance", balance);
        b.balance(balance);
      }
      b.exclude(exclude.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
      if (excludeBroad) {
        b.excludeBroad();
      }
      if (ambiguity != null) {
        b.ambiguity(CliOptions.parse(spec, "--ambiguity", AmbiguityPolicy.class, ambiguity));
      }
      b.keepUnknown(!dropUnknown);
      if (cultureSource != null) {
        b.source(CliOptions.parse(spec, "--culture-source", CultureSource.class, cultureSource));
      }
      if (rules != null) {
        CultureRules mine = CultureRules.parse(CliOptions.existingFile(rules));
        b.rules(replaceRules ? mine : CultureRules.defaults().plus(mine));
      } else if (replaceRules) {
        throw new ParameterException(spec.commandLine(), "--replace-rules needs --rules FILE");
      }
      builder = b;
    } else {
      int[] range = yearRange();
      int min = range[0];
      int max = range[1];
      YearDatasetBuilder b = source.year(min, max);
      if (binWidth != null) {
        CliOptions.requirePositive(spec, "--bin-width", binWidth);
        if (binWidth > max - min) {
          throw new ParameterException(spec.commandLine(), "--bin-width " + binWidth + " is wider than the range " + min + ".." + max);
        }
        b.binWidth(binWidth);
      }
      if (perBin != null) {
        CliOptions.requirePositive(spec, "--per-bin", perBin);
        b.perBin(perBin);
      }
      if (minPerBin != null) {
        CliOptions.requirePositive(spec, "--min-per-bin", minPerBin);
        b.minPerBin(minPerBin);
      }
      if (maxSpan != null) {
        CliOptions.requireAtLeast(spec, "--max-span", maxSpan, 0);
        b.maxSpan(maxSpan);
      }
      if (labeling != null) {
        b.labeling(CliOptions.parse(spec, "--labeling", YearLabeling.class, labeling));
      }
      builder = b;
    }
    builder.seed(seed).split(splitRatio());
    if (publicDomain) {
      builder.publicDomainOnly();
    }
    builder.departments(departments).classifications(classifications);
    builder.yearPolicy(CliOptions.parse(spec, "--year-policy", YearPolicy.class, yearPolicy)).usePeriod(!noPeriod);
    builder.format(MetCsvFormat.DEFAULT.withStrict(strict));
    return builder;
  }

  /** {@code --min-year} and {@code --max-year} (default 1500..1900), checked. */
  private int[] yearRange() {
    int min = minYear == null ? 1500 : minYear;
    int max = maxYear == null ? 1900 : maxYear;
    if (min >= max) {
      throw new ParameterException(spec.commandLine(), "--min-year (" + min + ") must be before --max-year (" + max + ")");
    }
    return new int[] {min, max};
  }

  private SplitRatio splitRatio() {
    String[] parts = split.split(":");
    if (parts.length != 3) {
      throw new ParameterException(spec.commandLine(), "--split must be TRAIN:VALIDATION:TEST, e.g. 800:100:100, got '" + split + "'");
    }
    try {
      return new SplitRatio(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()), Integer.parseInt(parts[2].strip()));
    } catch (NumberFormatException e) {
      throw new ParameterException(spec.commandLine(), "--split must hold three integers, got '" + split + "'");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--split: " + e.getMessage());
    }
  }

  /** Options of the other task are a usage error, not silently ignored. */
  private void checkTaskOptions() {
    List<String> wrong = new ArrayList<>();
    if (task == Task.CULTURE_YEAR) {
      // culture+year balances and splits per culture label: the year bins' options do not apply
      addIf(wrong, binWidth != null, "--bin-width");
      addIf(wrong, perBin != null, "--per-bin");
      addIf(wrong, minPerBin != null, "--min-per-bin");
    } else if (task == Task.CULTURE) {
      addIf(wrong, minYear != null, "--min-year");
      addIf(wrong, maxYear != null, "--max-year");
      addIf(wrong, binWidth != null, "--bin-width");
      addIf(wrong, perBin != null, "--per-bin");
      addIf(wrong, minPerBin != null, "--min-per-bin");
      addIf(wrong, maxSpan != null, "--max-span");
      addIf(wrong, labeling != null, "--labeling");
    } else {
      addIf(wrong, minPerLabel != null, "--min-per-label");
      addIf(wrong, balance != null, "--balance");
      addIf(wrong, !exclude.isEmpty(), "--exclude");
      addIf(wrong, excludeBroad, "--exclude-broad");
      addIf(wrong, ambiguity != null, "--ambiguity");
      addIf(wrong, dropUnknown, "--drop-unknown");
      addIf(wrong, rules != null, "--rules");
      addIf(wrong, replaceRules, "--replace-rules");
      addIf(wrong, cultureSource != null, "--culture-source");
    }
    if (!wrong.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          String.join(", ", wrong) + (wrong.size() == 1 ? " applies" : " apply") + " to --task "
              + (task == Task.YEAR ? "culture" : "year") + " only");
    }
  }

  private static void addIf(List<String> list, boolean condition, String option) {
    if (condition) {
      list.add(option);
    }
  }
}

package io.github.metart.eval.evaluation;

import io.github.metart.eval.metrics.YearBaseline;
import io.github.metart.eval.outcomes.ClassOutcome;
import io.github.metart.eval.outcomes.ClassOutcomes;
import io.github.metart.eval.outcomes.ObjectMetadata;
import io.github.metart.eval.outcomes.YearOutcomes;
import java.util.List;
import java.util.Random;

/** Small, deterministic evaluations with Met-like metadata, including text that needs escaping. */
public final class SampleReports {

  public static final List<String> LABELS = List.of("etruscan", "greek", "roman", "egyptian");

  private static final String[][] METADATA = {
    {"Greek and Roman Art", "Vases", "Amphora", "Terracotta amphora (jar)"},
    {"Greek and Roman Art", "Bronzes", "Statuette", "Bronze statuette of a \"youth\", <archaic>"},
    {"Egyptian Art", "Stone-Sculpture", "Relief", "Relief | fragment, with a line\nbreak"},
    {"Medieval Art", "", "Fibula", "Bow fibula"},
  };

  private SampleReports() {}

  /** Object {@code i}'s metadata; Object IDs start at 250000. */
  public static ObjectMetadata object(int i) {
    String[] m = METADATA[i % METADATA.length];
    return new ObjectMetadata(250_000L + i, m[0], m[1], m[2], m[3]);
  }

  /** 60 objects; about two thirds right; romans are often taken for etruscans. */
  public static ClassOutcomes classPredictions() {
    Random random = new Random(7);
    ClassOutcomes.Builder b = ClassOutcomes.builder(LABELS);
    for (int i = 0; i < 60; i++) {
      int actual = i % LABELS.size();
      float[] p = new float[LABELS.size()];
      for (int c = 0; c < p.length; c++) {
        p[c] = random.nextFloat() * 0.2f;
      }
      int guess = random.nextInt(3) > 0 ? actual : (actual == 2 ? 0 : random.nextInt(LABELS.size()));
      p[guess] += 0.8f;
      b.add(ClassOutcome.fromProbabilities(object(i), actual, p));
    }
    return b.build();
  }

  /** 40 objects between 700 B.C. and 1900 with errors of up to about 150 years. */
  public static YearOutcomes yearPredictions() {
    Random random = new Random(11);
    YearOutcomes.Builder b = YearOutcomes.builder();
    for (int i = 0; i < 40; i++) {
      int begin = -700 + i * 65;
      int end = begin + 25;
      double actual = (begin + end) / 2.0;
      b.add(object(i), actual, actual + random.nextGaussian() * 60, begin, end);
    }
    return b.build();
  }

  public static EvaluationReport classification() {
    return EvaluationReport.classification("resnet18", "test", classPredictions());
  }

  public static EvaluationReport year() {
    return EvaluationReport.year(
        "vgg11-year", "test", yearPredictions(), YearBaseline.meanTrainingYear(900));
  }
}

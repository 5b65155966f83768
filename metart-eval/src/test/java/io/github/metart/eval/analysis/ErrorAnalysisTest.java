package io.github.metart.eval.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.metart.eval.outcomes.ClassOutcome;
import io.github.metart.eval.outcomes.ClassOutcomes;
import io.github.metart.eval.outcomes.ObjectMetadata;
import io.github.metart.eval.outcomes.YearOutcomes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorAnalysisTest {

  private static ObjectMetadata vase(long id) {
    return new ObjectMetadata(id, "Greek and Roman Art", "Vases", "Amphora", "Amphora " + id);
  }

  private static ObjectMetadata painting(long id) {
    return new ObjectMetadata(id, "European Paintings", "Paintings", "Painting", "");
  }

  private static ClassOutcomes predictions() {
    List<String> labels = List.of("greek", "roman", "french");
    return ClassOutcomes.builder(labels)
        .add(ClassOutcome.fromProbabilities(vase(10), 0, new float[] {.9f, .1f, 0}))
        .add(ClassOutcome.fromProbabilities(vase(11), 0, new float[] {.3f, .7f, 0}))
        .add(ClassOutcome.fromProbabilities(vase(12), 1, new float[] {.45f, .4f, .15f}))
        .add(ClassOutcome.fromProbabilities(painting(20), 2, new float[] {0, 0, 1}))
        .add(ClassOutcome.fromProbabilities(ObjectMetadata.ofId(30), 2, new float[] {0, .6f, .4f}))
        .build();
  }

  @Test
  void accuracyByDepartmentLargestGroupFirst() {
    Breakdown b = Breakdown.accuracyBy(predictions(), MetadataField.DEPARTMENT);

    assertThat(b.measure()).isEqualTo(Measure.ACCURACY);
    assertThat(b.groups())
        .containsExactly(
            new GroupScore("Greek and Roman Art", 3, 1.0 / 3),
            new GroupScore("(unknown)", 1, 0.0),
            new GroupScore("European Paintings", 1, 1.0));
    assertThat(b.group("European Paintings").value()).isEqualTo(1.0);
    assertThat(b.largest(1)).hasSize(1);
  }

  @Test
  void everyFieldIsBrokenDown() {
    List<Breakdown> all = Breakdown.accuracyByEveryField(predictions());

    assertThat(all)
        .extracting(Breakdown::field)
        .containsExactly(
            MetadataField.DEPARTMENT, MetadataField.CLASSIFICATION, MetadataField.OBJECT_NAME);
    assertThat(all.get(2).group("Amphora").count()).isEqualTo(3);
    assertThat(all.get(1).group("Paintings").value()).isEqualTo(1.0);
  }

  @Test
  void misclassifiedObjectsMostConfidentFirstWithTheirMetLinks() {
    List<Misclassified> wrong = Misclassified.of(predictions());

    assertThat(wrong).extracting(Misclassified::objectId).containsExactly(11L, 30L, 12L);
    Misclassified first = wrong.get(0);
    assertThat(first.actual()).isEqualTo("greek");
    assertThat(first.predicted()).isEqualTo("roman");
    assertThat(first.confidence()).isCloseTo(0.7, within(1e-6));
    assertThat(first.metUrl()).hasToString("https://www.metmuseum.org/art/collection/search/11");
    assertThat(first.object().title()).isEqualTo("Amphora 11");
  }

  @Test
  void misclassifiedWithoutProbabilitiesAreOrderedById() {
    ClassOutcomes p =
        ClassOutcomes.of(List.of("a", "b"), new int[] {0, 1, 0, 1}, new int[] {1, 1, 1, 0});

    assertThat(Misclassified.of(p)).extracting(Misclassified::objectId).containsExactly(1L, 3L, 4L);
    assertThat(Misclassified.of(p).get(0).confidence()).isNaN();
  }

  @Test
  void yearErrorByClassificationAndTheLargestMisses() {
    YearOutcomes p =
        YearOutcomes.builder()
            .add(vase(1), -500, -480, -525, -475)
            .add(vase(2), -400, -300, -425, -375)
            .add(painting(3), 1650, 1660, 1640, 1660)
            .build();

    Breakdown b = Breakdown.yearErrorBy(p, MetadataField.CLASSIFICATION);
    assertThat(b.measure()).isEqualTo(Measure.MEAN_YEAR_ERROR);
    assertThat(b.groups())
        .containsExactly(new GroupScore("Vases", 2, 60), new GroupScore("Paintings", 1, 10));

    List<LargeYearError> largest = LargeYearError.largest(p, 2);
    assertThat(largest).extracting(LargeYearError::objectId).containsExactly(2L, 1L);
    assertThat(largest.get(0).absoluteError()).isEqualTo(100);
    assertThat(LargeYearError.largest(p, 10)).hasSize(3);
  }
}

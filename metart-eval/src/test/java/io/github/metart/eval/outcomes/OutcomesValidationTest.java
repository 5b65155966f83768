package io.github.metart.eval.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesValidationTest {

  private static final List<String> LABELS = List.of("greek", "roman");

  @Test
  void metUrlPointsAtTheCollectionPage() {
    assertThat(ObjectMetadata.ofId(436535).metUrl())
        .hasToString("https://www.metmuseum.org/art/collection/search/436535");
    assertThatThrownBy(() -> ObjectMetadata.ofId(0))
        .hasMessage("Met Object ID must be positive, got 0");
  }

  @Test
  void missingMetadataTextBecomesEmpty() {
    ObjectMetadata m = new ObjectMetadata(5, null, " Vases ", null, null);

    assertThat(m.department()).isEmpty();
    assertThat(m.classification()).isEqualTo("Vases");
  }

  @Test
  void outOfRangeClassNamesTheObject() {
    assertThatThrownBy(
            () -> ClassOutcomes.builder(LABELS).add(ObjectMetadata.ofId(77), 2, 0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("object 77: actual class 2 is out of range, 2 labels (0..1)");
    assertThatThrownBy(
            () -> ClassOutcomes.builder(LABELS).add(ObjectMetadata.ofId(78), 0, -1).build())
        .hasMessage("object 78: predicted class index must be 0 or more, got -1");
  }

  @Test
  void duplicateObjectsAreRejected() {
    assertThatThrownBy(
            () ->
                ClassOutcomes.builder(LABELS)
                    .add(ObjectMetadata.ofId(9), 0, 0)
                    .add(ObjectMetadata.ofId(9), 1, 1)
                    .build())
        .hasMessage("object 9 occurs twice among the predictions");
    assertThatThrownBy(
            () ->
                YearOutcomes.builder()
                    .add(ObjectMetadata.ofId(9), 1800, 1800, 1800, 1800)
                    .add(ObjectMetadata.ofId(9), 1800, 1800, 1800, 1800)
                    .build())
        .hasMessage("object 9 occurs twice among the predictions");
  }

  @Test
  void labelsMustBeDistinctAndPresent() {
    assertThatThrownBy(() -> ClassOutcomes.builder(List.of()).build())
        .hasMessage("at least one label is needed");
    assertThatThrownBy(() -> ClassOutcomes.builder(List.of("a", "a")).build())
        .hasMessage("label 'a' occurs twice in [a, a]");
  }

  @Test
  void probabilitiesMustMatchTheLabelsAndThePrediction() {
    assertThatThrownBy(
            () ->
                ClassOutcomes.builder(LABELS)
                    .add(
                        ClassOutcome.fromProbabilities(
                            ObjectMetadata.ofId(3), 0, new float[] {.2f, .3f, .5f}))
                    .build())
        .hasMessage("object 3: predicted class 2 is out of range, 2 labels (0..1)");
    assertThatThrownBy(
            () -> new ClassOutcome(ObjectMetadata.ofId(4), 0, 0, List.of(0.2, 0.8)))
        .hasMessage("object 4: predicted class 0 (0.2) is less probable than class 1 (0.8)");
  }

  @Test
  void yearIntervalsMustBeOrdered() {
    assertThatThrownBy(() -> new YearOutcome(ObjectMetadata.ofId(12), 1800, 1800, 1850, 1800))
        .hasMessage("object 12: date interval begins (1850) after it ends (1800)");
    assertThatThrownBy(
            () -> new YearOutcome(ObjectMetadata.ofId(12), 1800, Double.NaN, 1800, 1800))
        .hasMessage("object 12: predicted year must be finite, got NaN");
  }
}

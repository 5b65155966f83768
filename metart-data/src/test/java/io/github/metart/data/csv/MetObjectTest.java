package io.github.metart.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.metart.data.dates.YearRange;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MetObjectTest {

  @Test
  void builderFillsAbsentTextWithEmptyStrings() {
    MetObject object = MetObject.builder(42).culture("Japan").build();

    assertThat(object.objectId()).isEqualTo(42);
    assertThat(object.culture()).isEqualTo("Japan");
    assertThat(object.title()).isEmpty();
    assertThat(object.objectBeginDate()).isEmpty();
    assertThat(object.metYears()).isEmpty();
  }

  @Test
  void rejectsANonPositiveId() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MetObject.builder(0).build())
        .withMessageContaining("Object ID must be positive");
  }

  @Test
  void metYearsTreatsZeroZeroAsUnknown() {
    assertThat(MetObject.builder(1).metYears(0, 0).build().metYears()).isEmpty();
    assertThat(MetObject.builder(1).metYears(-50, 0).build().metYears())
        .contains(YearRange.of(-50, 0));
    assertThat(MetObject.builder(1).metYears(1780, 1790).build().metYears())
        .contains(YearRange.of(1780, 1790));
    assertThat(MetObject.builder(1).metYears(1790, 1780).build().metYears()).isEmpty();
    assertThat(
            MetObject.builder(1)
                .metYears(OptionalInt.of(1780), OptionalInt.empty())
                .build()
                .metYears())
        .isEmpty();
  }

  @Test
  void toBuilderCopiesEveryValue() {
    MetObject object =
        MetObject.builder(7)
            .objectNumber("17.190.13–15")
            .highlight(true)
            .publicDomain(true)
            .department("Medieval Art")
            .objectName("Plaque")
            .title("The Nativity")
            .culture("Byzantine")
            .period("Middle Byzantine")
            .dynasty("d")
            .reign("r")
            .artistDisplayName("a|b")
            .artistNationality("x|y")
            .objectDate("ca. 1000")
            .metYears(975, 1025)
            .medium("Ivory")
            .country("Turkey")
            .region("Anatolia")
            .classification("Ivories")
            .linkResource("http://www.metmuseum.org/art/collection/search/7")
            .build();

    assertThat(object.toBuilder().build()).isEqualTo(object);
  }
}

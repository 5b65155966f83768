package io.github.metart.data.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodNormalizerTest {

  private final PeriodNormalizer periods = PeriodNormalizer.defaults();

  @ParameterizedTest(name = "{0} -> {1} {2}..{3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Edo period (1615–1868)                        | edo                  | 1615  | 1868
          Joseon dynasty (1392–1910)                    | joseon               | 1392  | 1910
          Qing dynasty (1644-1911)                      | qing                 | 1644  | 1911
          Qing dynasty (1644–1911), Qianlong period (1736–95) | qianlong       | 1736  | 1795
          Three Kingdoms period (57 B.C.–A.D. 676)      | three kingdoms       | -57   | 676
          Edo (1615–1868)–Meiji (1868–1912) period      | edo-meiji            | 1615  | 1912
          Ming (1368–1644) or Qing (1644–1911) dynasty  | ming or qing         | 1368  | 1911
          Ming dynasty (?) (1368–1644)                  | ming                 | 1368  | 1644
          Yuan dynasty (1271–1368) or earlier           | yuan                 | 1271  | 1368
          Archaic                                       | archaic              | -700  | -480
          Classical                                     | classical            | -480  | -323
          Hellenistic period                            | hellenistic          | -323  | -31
          New Kingdom                                   | new kingdom          | -1550 | -1070
          Middle Kingdom                                | middle kingdom       | -2030 | -1640
          Late Period                                   | late period          | -664  | -332
          Roman Period                                  | roman period         | -30   | 364
          Neolithic                                     | neolithic            | -7000 | -1700
          Late Neolithic period                         | neolithic            | -3466 | -1700
          Neolithic period, late Dawenkou culture       | neolithic            | -7000 | -1700
          Late Archaic                                  | archaic              | -553  | -480
          Tokugawa                                      | edo                  | 1615  | 1868
          Ming Dynasty                                  | ming                 | 1368  | 1644
          Early Imperial, Julio-Claudian                | julio-claudian       | -27   | 68
          Iron Age II, Hasanlu Period IV                | iron age ii          | -1100 | -586
          Late Classical or Hellenistic                 | late classical or hellenistic | -400 | -31
          Middle Minoan III–Late Minoan I               | middle minoan iii-late minoan i | -1700 | -1450
          Middle Minoan II–III                          | middle minoan ii-middle minoan iii | -1800 | -1600
          Late Minoan IIIA-B                            | late minoan iiia-late minoan iiib | -1400 | -1200
          Early–Middle Bronze Age                       | early bronze age-middle bronze age | -3300 | -1550
          Early to Mid Imperial                         | early imperial-mid imperial | -27 | 235
          Early or Mid Imperial                         | early imperial or mid imperial | -27 | 235
          Sasanian–early Islamic                        | sasanian-early islamic | 224 | 900
          Neo-Assyrian / Neo-Babylonian                 | neo-assyrian or neo-babylonian | -911 | -539
          Dynasty 15-17, 2nd Intermediate Period, Hyksos | second intermediate period | -1640 | -1550
          Late postclassic (Aztec) period  (Pre-Columbian) | late postclassic  | 1250  | 1521
          late classic Maya (Pre-Columbian)             | late classic         | 600   | 900
          Early Imperial, perhaps Flavian               | flavian              | 69    | 96
          Late Minoan IV                                | late minoan          | -1600 | -1100
          """)
  void normalizesPeriods(String raw, String label, int begin, int end) {
    Period period = periods.normalize(raw).orElseThrow(() -> new AssertionError("empty for " + raw));

    assertThat(period.label()).isEqualTo(label);
    assertThat(period.years()).isEqualTo(YearRange.of(begin, end));
    assertThat(period.rule()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "Pre-Columbian", "Rajput: Kota", "ancient?", "Native American", "Transitional",
        "Period VI", "Kizil kingdom", "Archaic or Something Unknown"})
  void unknownPeriodsGiveNothing(String raw) {
    assertThat(periods.normalize(raw)).as("'%s'", raw).isEmpty();
  }

  @Test
  void explainsTheRule() {
    assertThat(periods.normalize("Tokugawa").orElseThrow().rule())
        .contains("'tokugawa' (alias of edo)")
        .contains("period-timeline.tsv:");
    assertThat(periods.normalize("Late Archaic").orElseThrow().rule())
        .startsWith("late: the last third of archaic");
  }

  @Test
  void aUserTimelineExtendsOrReplacesTheBuiltIn() throws IOException {
    PeriodTimeline mine =
        PeriodTimeline.parse(
            new StringReader("# mine\nkizil\t500\t700\tkizil kingdom\n archaic\t-800\t-480\n"),
            "mine.tsv");
    PeriodNormalizer extended = PeriodNormalizer.of(PeriodTimeline.defaults().plus(mine));

    assertThat(extended.normalize("Kizil kingdom").orElseThrow().years()).isEqualTo(YearRange.of(500, 700));
    assertThat(extended.normalize("Archaic").orElseThrow().years()).isEqualTo(YearRange.of(-800, -480));
    assertThat(extended.normalize("Edo period (1615–1868)")).isPresent();
    assertThat(PeriodNormalizer.of(mine).normalize("Hellenistic")).isEmpty();
  }

  @Test
  void aBrokenTimelineLineIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PeriodTimeline.parse(new StringReader("a\t1\n"), "bad.tsv"))
        .withMessageContaining("bad.tsv:1: expected label<TAB>begin<TAB>end");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PeriodTimeline.parse(new StringReader("\n\na\tx\t2\n"), "bad.tsv"))
        .withMessageContaining("bad.tsv:3: begin and end must be integer years");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PeriodTimeline.parse(new StringReader("a\t5\t2\n"), "bad.tsv"))
        .withMessageContaining("bad.tsv:1: begin 5 is after end 2");
  }

  @Test
  void theBuiltInTimelineIsWellFormed() {
    assertThat(PeriodTimeline.defaults().entries()).hasSizeGreaterThan(150);
    for (PeriodTimeline.Entry entry : PeriodTimeline.defaults().entries()) {
      assertThat(entry.label()).isEqualTo(entry.label().strip().toLowerCase(java.util.Locale.ROOT));
      assertThat(PeriodTimeline.defaults().lookup(entry.label())).isPresent();
    }
  }
}

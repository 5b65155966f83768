package io.github.metart.data.culture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.metart.data.culture.CultureDecision.Outcome;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CultureNormalizerTest {

  private final CultureNormalizer normalizer = CultureNormalizer.defaults();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Japan                                              | japanese
          japan                                              | japanese
          Japanese                                           | japanese
          JAPANESE                                           | japanese
          '  Japanese  '                                     | japanese
          Northern Germany                                   | german
          German                                             | german
          Germany                                            | german
          South German                                       | german
          German, probably Dresden                           | german
          German (Bavarian)                                  | german
          Upper Rhenish                                      | german
          Lower Rhenish or Saxon                             | german
          crossbow, German, probably Dresden; winder, possibly German | german
          British (American market)                          | british
          British, London                                    | british
          English                                            | british
          Scottish, Edinburgh and Glasgow                    | british
          Italian (Cremona)                                  | italian
          Central Italian                                    | italian
          Italian (Ancient Roman)                            | italian
          Chinese, for export market                         | chinese
          Chinese, probably for Swedish market               | chinese
          Chinese, made for export                           | chinese
          China (Xinjiang Uyghur Autonomous Region)          | chinese
          Greek, Attic                                       | greek
          Greek, South Italian, Apulian                      | greek
          Greek, Eastern Mediterranean or Italian            | greek
          East Greek                                         | greek
          Roman                                              | roman
          Late Roman                                         | roman
          Roman, probably Egyptian                           | roman
          Etruscan                                           | etruscan
          Cypriot_x000D_                                     | cypriot
          Assyrian                                           | assyrian
          Sasanian                                           | sasanian
          Iran                                               | iranian
          Iranian (Persian)                                  | iranian
          Persia, Iran, Middle East                          | iranian
          Qajar                                              | iranian
          Turkish, probably Istanbul                         | turkish
          Ottoman                                            | turkish
          Byzantine                                          | byzantine
          French, Paris                                      | french
          French, Paris and Sèvres                           | french
          probably French                                    | french
          France (?)                                         | french
          Spanish, Granada                                   | spanish
          Catalan                                            | spanish
          American, probably Baltimore                       | american
          United States                                      | american
          Colonial American                                  | american
          North American, Massachusetts                      | american
          Dutch, Delft                                       | dutch
          Flemish, Brussels                                  | flemish
          South Netherlandish                                | netherlandish
          Austrian, Vienna                                   | austrian
          Swiss, Zürich                                      | swiss
          Russian (Siberia)                                  | russian
          Ukranian                                           | ukrainian
          Mexico                                             | mexican
          New Spain (present-day Mexico)                     | mexican
          Peru; north coast (?)                              | peruvian
          Peru; north or central coast (?)                   | peruvian
          So. America, Peru                                  | peruvian
          Moche                                              | moche
          Mayan                                              | maya
          Aztec                                              | aztec
          Chimú (?)                                          | chimu
          Taíno                                              | taino
          Coptic                                             | coptic
          Tibet                                              | tibetan
          Eastern Tibet, Kham, Riwoche monastery             | tibetan
          Nepal (Kathmandu Valley)                           | nepalese
          Thailand                                           | thai
          Indonesia (Java, Nganjuk)                          | indonesian
          Javanese                                           | javanese
          India (Rajasthan, Mewar)                           | indian
          Western India, Rajasthan, Udaipur                  | indian
          Edo peoples                                        | edo
          Edo people, court of Benin                         | edo
          Yoruba peoples, Owo group                          | yoruba
          Ghanian, Ashanti (Asante)                          | ghanaian
          Fang peoples, Okak group                           | fang
          Native American (Hopi)                             | hopi
          Native American (Sioux or Dakota)                  | sioux
          Native American (Cheyenne, Sioux or Dakota)        | native american
          Native American (Chippewa: Ojibwa)                 | ojibwe
          Kwakwaka’wakw (Kwakiutl)                           | kwakwaka'wakw
          Maori people, Te Arawa                             | maori
          Hawai'i                                            | hawaiian
          Papua New Guinean (New Ireland)                    | papua new guinean
          European                                           | european
          Western Europe                                     | european
          Continental                                        | european
          Northern European                                  | european
          Islamic                                            | islamic
          West African                                       | african
          Central Asia                                       | central asian
          Spanish Colonial                                   | latin american
          Kwoma,  Amachi-Kalaba clan                         | kwoma
          Bamum kingdom                                      | bamum
          Kyivan Rus’                                        | kyivan rus
          Northern Italian - Padua or Ravenna                | italian
          African; created in United Kingdom                 | african
          """)
  void labels(String raw, String label) {
    assertThat(normalizer.normalize(raw)).as(raw).contains(label);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "French or Italian",
        "Sasanian or Islamic",
        "British and French",
        "hilt, German, Dresden; blade, Spanish, Toledo",
        "Chinese porcelain with German, Augsburg mounts",
        "Byzantine (ivory); Spanish (setting)",
        "French (cartoon)/South Netherlandish (woven)",
        "Greek or Roman",
        "Dutch or Flemish",
        "Chimú or Chancay",
        "Western Europe, possibly German or Austrian",
        "Chinese with European sticks",
        "Venetian or façon de Venise, or French",
        "possibly German; probably French or German"
      })
  void ambiguousValuesGetNoLabelByDefault(String raw) {
    CultureDecision decision = normalizer.explain(raw);

    assertThat(decision.label()).as(raw).isEmpty();
    assertThat(decision.outcome()).as(raw).isEqualTo(Outcome.AMBIGUOUS);
  }

  @Test
  void theFirstCultureCanBeTaken() {
    CultureNormalizer first = CultureNormalizer.builder().ambiguity(AmbiguityPolicy.FIRST).build();

    assertThat(first.normalize("French or Italian")).contains("french");
    assertThat(first.normalize("Sasanian or Islamic")).contains("sasanian");
    assertThat(first.normalize("hilt, German, Dresden; blade, Spanish, Toledo")).contains("german");
    assertThat(first.explain("Greek or Roman").cultures()).containsExactly("greek", "roman");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "Unknown", "Colonial (?)", "Façon de Venise", "Initial Style", "North Coast (?)"})
  void valuesThatNameNoCultureGetNoLabel(String raw) {
    assertThat(normalizer.normalize(raw)).as("'%s'", raw).isEmpty();
  }

  @Test
  void unknownCulturesAreKeptByDefaultOrDropped() {
    assertThat(normalizer.explain("Sawos people").outcome()).isEqualTo(Outcome.KEPT_UNKNOWN);
    assertThat(normalizer.normalize("Sawos people")).contains("sawos");
    assertThat(normalizer.normalize("Vili or Yombe people")).isEmpty();

    CultureNormalizer strict = CultureNormalizer.builder().keepUnknown(false).build();
    assertThat(strict.normalize("Sawos people")).isEmpty();
    assertThat(strict.explain("Sawos people").outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(strict.normalize("Japan")).contains("japanese");
  }

  @Test
  void explainSaysWhichRuleFired() {
    CultureDecision decision = normalizer.explain("German, probably Dresden");

    assertThat(decision.outcome()).isEqualTo(Outcome.LABELED);
    assertThat(decision.rule())
        .contains("part 1 of 2 ('german')")
        .contains("name 'german' -> german (culture-rules.txt:");
    assertThat(normalizer.explain("Northern Germany").rule()).contains("region word 'northern' dropped");
    assertThat(normalizer.explain("French or Italian").rule()).contains("different cultures [french, italian]");
    assertThat(normalizer.explain("Native American (Hopi)").rule())
        .contains("broad 'native american' refined by '(hopi)'");
    assertThat(normalizer.explain("Japan").toString()).startsWith("'Japan' -> japanese [labeled]");
  }

  @Test
  void broadLabelsAreMarked() {
    assertThat(normalizer.isBroad("european")).isTrue();
    assertThat(normalizer.isBroad("islamic")).isTrue();
    assertThat(normalizer.isBroad("french")).isFalse();
    assertThat(CultureRules.defaults().broadLabels()).contains("african", "native american");
  }

  @Test
  void rulesCanBeExtendedFromAUserFile() throws IOException {
    CultureRules mine =
        CultureRules.parse(
            new StringReader(
                """
                # my rules
                label bohemian = bohemian, czech   # Czech is Bohemian for my project
                label senegambian = senegambia
                none = sawos
                pattern ^x-.*$ = xenian
                """),
            "mine.txt");
    CultureNormalizer extended =
        CultureNormalizer.builder().rules(CultureRules.defaults().plus(mine)).build();

    assertThat(extended.normalize("Czech")).contains("bohemian");
    // the first part a rule knows wins, so a known region after an unknown people takes over
    assertThat(extended.normalize("Mandinka people, Senegambia")).contains("senegambian");
    assertThat(extended.normalize("Senegambia")).contains("senegambian");
    assertThat(extended.normalize("Sawos people")).isEmpty();
    assertThat(extended.normalize("x-files")).contains("xenian");
    assertThat(extended.normalize("Japan")).contains("japanese");
    assertThat(extended.rules().description()).startsWith("culture-rules.txt (sha256 ").contains(" + mine.txt (sha256 ");

    CultureNormalizer replaced = CultureNormalizer.builder().rules(mine).keepUnknown(false).build();
    assertThat(replaced.normalize("Japan")).isEmpty();
    assertThat(replaced.normalize("Czech")).contains("bohemian");
  }

  @Test
  void brokenRulesAreNamedByLine() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CultureRules.parse(new StringReader("label a = x\nlabel b = x\n"), "r.txt"))
        .withMessage("r.txt:2: the name 'x' is given the label 'b' but has the label 'a' earlier in this file");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CultureRules.parse(new StringReader("\nfoo bar\n"), "r.txt"))
        .withMessageContaining("r.txt:2: expected a directive");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CultureRules.parse(new StringReader("colour = x\n"), "r.txt"))
        .withMessageContaining("r.txt:1: unknown directive 'colour'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CultureRules.parse(new StringReader("pattern ([a = b\n"), "r.txt"))
        .withMessageContaining("r.txt:1: invalid regular expression");
  }

  @Test
  void theBuiltInRulesAreConsistent() {
    CultureRules rules = CultureRules.defaults();

    assertThat(rules.labels()).hasSizeGreaterThan(200);
    for (String label : rules.labels()) {
      assertThat(label).isEqualTo(CultureRules.key(label));
      assertThat(normalizer.normalize(label)).as(label).contains(label);
    }
    assertThat(rules.description()).matches("culture-rules\\.txt \\(sha256 [0-9a-f]{16}\\)");
  }
}

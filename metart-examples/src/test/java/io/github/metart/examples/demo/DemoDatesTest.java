package io.github.metart.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoDatesTest {

  private static List<DatedText> commonEraSamples() {
    Random random = new Random(7);
    List<DatedText> samples = new ArrayList<>();
    for (int year = 1500; year <= 1900; year++) {
      for (int k = 0; k < 5; k++) {
        DatedText dated = DemoDates.commonEra(year, random);
        assertThat(dated.contains(year)).as("%s contains %s", dated, year).isTrue();
        samples.add(dated);
      }
    }
    return samples;
  }

  @Test
  void everyCommonEraStringContainsItsYearAndEveryStyleOccurs() {
    List<String> texts = commonEraSamples().stream().map(DatedText::text).toList();

    assertThat(texts).anyMatch(t -> t.matches("\\d{4}"));
    assertThat(texts).anyMatch(t -> t.matches("ca\\. \\d{4}"));
    assertThat(texts).anyMatch(t -> t.matches("ca\\.\\d{4}"));
    assertThat(texts).anyMatch(t -> t.matches("\\d{4}\u2013\\d"));
    assertThat(texts).anyMatch(t -> t.matches("\\d{4}\u2013\\d{2}"));
    assertThat(texts).anyMatch(t -> t.matches("\\d{4}\u2013\\d{4}"));
    assertThat(texts).anyMatch(t -> t.matches("ca\\. \\d{4}\u2013\\d+"));
    assertThat(texts).anyMatch(t -> t.matches("\\d{3}0s"));
    assertThat(texts).anyMatch(t -> t.matches("dated \\d{4}"));
    assertThat(texts).anyMatch(t -> t.matches("dated  \\d{4}"));
    assertThat(texts).anyMatch(t -> t.matches("(early|late) \\d+th century"));
    assertThat(texts).anyMatch(t -> t.matches("mid-\\d+th century"));
    assertThat(texts).anyMatch(t -> t.matches("(first|second) half of the \\d+th century"));
    assertThat(texts).anyMatch(t -> t.matches("(first|second|third|fourth) quarter of the \\d+th century"));
    assertThat(texts).anyMatch(t -> t.matches("(first|second|third|fourth) quarter \\d+th century"));
    assertThat(texts).anyMatch(t -> t.matches("\\d+th century"));
    assertThat(texts).anyMatch(t -> t.matches("\\d{4}/\\d{2}"));
    assertThat(texts).noneMatch(t -> t.contains("-") && !t.startsWith("mid-"));
  }

  @Test
  void intervalsFollowTheMetsReading() {
    Pattern decade = Pattern.compile("(\\d{4})s");
    Pattern late = Pattern.compile("late (\\d+)th century");
    Pattern firstHalf = Pattern.compile("first half of the (\\d+)th century");
    Pattern dated = Pattern.compile("dated +(\\d{4})");
    Pattern range = Pattern.compile("(\\d{4})\u2013(\\d{1,4})");
    int checked = 0;
    for (DatedText d : commonEraSamples()) {
      Matcher m;
      if ((m = decade.matcher(d.text())).matches()) {
        int start = Integer.parseInt(m.group(1));
        assertThat(d).isEqualTo(new DatedText(d.text(), start, start + 9));
        checked++;
      } else if ((m = late.matcher(d.text())).matches()) {
        int start = (Integer.parseInt(m.group(1)) - 1) * 100;
        assertThat(d).isEqualTo(new DatedText(d.text(), start + 67, start + 99));
        checked++;
      } else if ((m = firstHalf.matcher(d.text())).matches()) {
        int start = (Integer.parseInt(m.group(1)) - 1) * 100;
        assertThat(d).isEqualTo(new DatedText(d.text(), start, start + 49));
        checked++;
      } else if ((m = dated.matcher(d.text())).matches()) {
        int year = Integer.parseInt(m.group(1));
        assertThat(d).isEqualTo(new DatedText(d.text(), year, year));
        checked++;
      } else if ((m = range.matcher(d.text())).matches()) {
        int begin = Integer.parseInt(m.group(1));
        String tail = m.group(2);
        int unit = (int) Math.pow(10, tail.length());
        int end = begin - begin % unit + Integer.parseInt(tail);
        assertThat(d.begin()).isEqualTo(begin);
        assertThat(d.end()).isEqualTo(end < begin ? end + unit : end);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void rangesAbbreviateLikeTheMet() {
    Random random = new Random(1);
    assertThat(DemoDates.rangeText(1909, 1927, random)).isEqualTo("1909\u201327");
    assertThat(DemoDates.rangeText(1760, 1770, random)).isEqualTo("1760\u201370");
    assertThat(DemoDates.rangeText(1795, 1805, random)).isEqualTo("1795\u20131805");
    assertThat(DemoDates.rangeText(1704, 1709, random)).isIn("1704\u20139", "1704\u201309");
  }

  @Test
  void ordinals() {
    assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 18, 21, 22, 101, 111))
        .extracting(DemoDates::ordinal)
        .containsExactly(
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "18th", "21st", "22nd", "101st", "111th");
  }

  @Test
  void beforeCommonEraIsNegativeAndContainsTheYear() {
    Random random = new Random(3);
    List<String> texts = new ArrayList<>();
    for (int year = -2050; year <= -100; year += 7) {
      DatedText dated = DemoDates.beforeCommonEra(year, random);
      assertThat(dated.contains(year)).as("%s contains %s", dated, year).isTrue();
      assertThat(dated.end()).isNegative();
      assertThat(dated.text()).matches(".*(B\\.C\\.|BCE)");
      texts.add(dated.text());
    }
    assertThat(texts).anyMatch(t -> t.matches("ca\\. \\d+ (B\\.C\\.|BCE)"));
    assertThat(texts).anyMatch(t -> t.matches("ca\\. \\d+\u2013\\d+ (B\\.C\\.|BCE)"));
    assertThat(texts).anyMatch(t -> t.matches("(early|mid-|late ?)\\d+(st|nd|rd|th) century (B\\.C\\.|BCE)"));
    assertThat(texts).anyMatch(t -> t.matches("\\d+(st|nd|rd|th) century (B\\.C\\.|BCE)"));
  }

  @Test
  void aBcRangeRunsFromTheLargerNumber() {
    Random random = new Random(11);
    for (int i = 0; i < 200; i++) {
      DatedText dated = DemoDates.beforeCommonEra(-455, random);
      Matcher m = Pattern.compile("ca\\. (\\d+)\u2013(\\d+) .*").matcher(dated.text());
      if (m.matches()) {
        assertThat(dated.begin()).isEqualTo(-Integer.parseInt(m.group(1)));
        assertThat(dated.end()).isEqualTo(-Integer.parseInt(m.group(2)));
      }
      if (dated.text().startsWith("late 5th century")) {
        assertThat(dated).isEqualTo(new DatedText(dated.text(), -433, -401));
      }
    }
  }

  @Test
  void aPositiveYearIsNotBeforeCommonEra() {
    assertThatThrownBy(() -> DemoDates.beforeCommonEra(5, new Random()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5");
  }
}

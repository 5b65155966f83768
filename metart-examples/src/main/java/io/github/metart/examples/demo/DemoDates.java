package io.github.metart.examples.demo;

import java.util.Random;

/**
 * The demo's Object Date writer (the reverse of {@link io.github.metart.data.dates.ObjectDates},
 * which parses them): Object Date strings in the Met's styles for a known year: "ca. 1785", "1909–27", "1850s",
 * "late 18th century", "first half of the 19th century", "dated 1750", "ca. 460–450 B.C." and so
 * on. Every string comes with the interval it means, and that interval always contains the year, so
 * the image (which encodes the year) and the label (drawn from the interval) agree.
 *
 * <p>Conventions are the Met's: an en dash (U+2013) between years, the second year abbreviated
 * within a century, B.C. years negative in the begin/end columns.
 */
final class DemoDates {

  static final char EN_DASH = '\u2013';

  private DemoDates() {}

  /** A date string for a year of the Common Era (roughly 1000–2000). */
  static DatedText commonEra(int year, Random random) {
    int roll = random.nextInt(100);
    if (roll < 14) {
      return new DatedText(Integer.toString(year), year, year);
    }
    if (roll < 38) {
      return circa(year, random);
    }
    if (roll < 52) {
      return range(year, random, "");
    }
    if (roll < 58) {
      return range(year, random, "ca. ");
    }
    if (roll < 65) {
      int decade = year - Math.floorMod(year, 10);
      return new DatedText(decade + "s", decade, decade + 9);
    }
    if (roll < 70) {
      String text = random.nextInt(8) == 0 ? "dated  " + year : "dated " + year;
      return new DatedText(text, year, year);
    }
    if (roll < 79) {
      return partOfCentury(year);
    }
    if (roll < 84) {
      return halfOfCentury(year);
    }
    if (roll < 88) {
      return quarterOfCentury(year, random);
    }
    if (roll < 91) {
      int start = centuryStart(year);
      return new DatedText(ordinal(centuryOf(year)) + " century", start, start + 99);
    }
    if (roll < 95) {
      int next = year + 1;
      String second = next / 100 == year / 100 ? twoDigits(next) : Integer.toString(next);
      return new DatedText(year + "/" + second, year, next);
    }
    // a plain year with a bit of typing noise, as in the Met's own data
    return new DatedText("ca." + year, year - 5, year + 5);
  }

  /** A date string for a year before the Common Era ({@code year} negative). */
  static DatedText beforeCommonEra(int year, Random random) {
    if (year >= 0) {
      throw new IllegalArgumentException("not a B.C. year: " + year);
    }
    String era = random.nextInt(4) == 0 ? " BCE" : " B.C.";
    int bc = -year;
    int roll = random.nextInt(100);
    if (roll < 35) {
      if (random.nextBoolean()) {
        return new DatedText("ca. " + bc + era, year, year);
      }
      return new DatedText("ca. " + bc + era, year - 10, year + 10);
    }
    if (roll < 60) {
      int width = 5 + random.nextInt(26);
      int begin = year - random.nextInt(width + 1);
      int end = begin + width;
      return new DatedText("ca. " + -begin + EN_DASH + -end + era, begin, end);
    }
    int century = (bc + 99) / 100; // 530 B.C. is in the 6th century B.C.
    int first = -century * 100; // -600
    int last = first + 99; // -501
    if (roll < 80) {
      int offset = year - first;
      if (offset < 33) {
        return new DatedText("early " + ordinal(century) + " century" + era, first, first + 32);
      }
      if (offset < 67) {
        return new DatedText(
            "mid-" + ordinal(century) + " century" + era, first + 33, first + 66);
      }
      return new DatedText("late " + ordinal(century) + " century" + era, first + 67, last);
    }
    if (roll < 90) {
      boolean firstHalf = year - first < 50;
      return firstHalf
          ? new DatedText("first half of the " + ordinal(century) + " century" + era, first, first + 49)
          : new DatedText(
              "second half of the " + ordinal(century) + " century" + era, first + 50, last);
    }
    return new DatedText(ordinal(century) + " century" + era, first, last);
  }

  private static DatedText circa(int year, Random random) {
    int roll = random.nextInt(10);
    if (roll < 5) {
      return new DatedText("ca. " + year, year - 5, year + 5);
    }
    if (roll < 8) {
      return new DatedText("ca. " + year, year - 10, year + 10);
    }
    return new DatedText("ca. " + year, year, year);
  }

  private static DatedText range(int year, Random random, String prefix) {
    int width = 1 + random.nextInt(prefix.isEmpty() ? 15 : 25);
    int begin = year - random.nextInt(width + 1);
    int end = begin + width;
    return new DatedText(prefix + rangeText(begin, end, random), begin, end);
  }

  /** "1760–70", "1909–27", "1704–9", "1795–1805": the Met abbreviates within a century. */
  static String rangeText(int begin, int end, Random random) {
    String second;
    if (begin / 100 != end / 100) {
      second = Integer.toString(end);
    } else if (begin / 10 == end / 10 && random.nextBoolean()) {
      second = Integer.toString(end % 10);
    } else {
      second = twoDigits(end);
    }
    return begin + String.valueOf(EN_DASH) + second;
  }

  private static DatedText partOfCentury(int year) {
    int start = centuryStart(year);
    int offset = year - start;
    String century = ordinal(centuryOf(year)) + " century";
    if (offset < 34) {
      return new DatedText("early " + century, start, start + 33);
    }
    if (offset < 67) {
      return new DatedText("mid-" + century, start + 34, start + 66);
    }
    return new DatedText("late " + century, start + 67, start + 99);
  }

  private static DatedText halfOfCentury(int year) {
    int start = centuryStart(year);
    String century = ordinal(centuryOf(year)) + " century";
    return year - start < 50
        ? new DatedText("first half of the " + century, start, start + 49)
        : new DatedText("second half of the " + century, start + 50, start + 99);
  }

  private static DatedText quarterOfCentury(int year, Random random) {
    int start = centuryStart(year);
    int quarter = (year - start) / 25;
    String[] names = {"first", "second", "third", "fourth"};
    String century = ordinal(centuryOf(year)) + " century";
    String text =
        random.nextBoolean()
            ? names[quarter] + " quarter of the " + century
            : names[quarter] + " quarter " + century;
    return new DatedText(text, start + 25 * quarter, start + 25 * quarter + 24);
  }

  /** The first year of the year's century: 1700 for 1785 (the 18th century is 1700–1799). */
  private static int centuryStart(int year) {
    return year - Math.floorMod(year, 100);
  }

  private static int centuryOf(int year) {
    return year / 100 + 1;
  }

  static String ordinal(int n) {
    int lastTwo = n % 100;
    String suffix;
    if (lastTwo >= 11 && lastTwo <= 13) {
      suffix = "th";
    } else {
      suffix =
          switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
          };
    }
    return n + suffix;
  }

  private static String twoDigits(int year) {
    int rest = Math.floorMod(year, 100);
    return rest < 10 ? "0" + rest : Integer.toString(rest);
  }
}

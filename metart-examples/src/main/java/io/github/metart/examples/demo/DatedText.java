package io.github.metart.examples.demo;

/**
 * An Object Date string and the year interval it stands for (B.C. negative), as the Met would fill
 * its Object Begin Date and Object End Date columns.
 */
record DatedText(String text, int begin, int end) {

  DatedText {
    if (begin > end) {
      throw new IllegalArgumentException(
          "begin " + begin + " is after end " + end + " for '" + text + "'");
    }
  }

  boolean contains(int year) {
    return begin <= year && year <= end;
  }
}

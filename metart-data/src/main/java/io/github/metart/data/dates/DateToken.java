package io.github.metart.data.dates;

/**
 * One token of an Object Date: a number ({@code 1850}, with {@code s} for {@code 1850s}), an
 * ordinal ({@code 18th}), a word (lowercase, dots removed: {@code ca}, {@code bce}), a dash or a
 * slash.
 */
record DateToken(Kind kind, String word, int value, int digits, boolean plural) {

  enum Kind {
    NUMBER,
    ORDINAL,
    WORD,
    DASH,
    SLASH
  }

  static DateToken number(int value, int digits, boolean plural) {
    return new DateToken(Kind.NUMBER, "", value, digits, plural);
  }

  static DateToken ordinal(int value) {
    return new DateToken(Kind.ORDINAL, "", value, 0, false);
  }

  static DateToken word(String word) {
    return new DateToken(Kind.WORD, word, 0, 0, false);
  }

  static final DateToken DASH = new DateToken(Kind.DASH, "-", 0, 0, false);
  static final DateToken SLASH = new DateToken(Kind.SLASH, "/", 0, 0, false);

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isWord(String w) {
    return kind == Kind.WORD && word.equals(w);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NUMBER -> value + (plural ? "s" : "");
      case ORDINAL -> value + "th";
      case WORD -> word;
      case DASH -> "-";
      case SLASH -> "/";
    };
  }
}

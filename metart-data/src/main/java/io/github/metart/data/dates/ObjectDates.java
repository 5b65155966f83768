package io.github.metart.data.dates;

import io.github.metart.data.dates.DateToken.Kind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Met's free-text Object Date into a {@link YearRange} (B.C./BCE negative), or empty when
 * the text cannot be read with confidence: this parser never guesses.
 *
 * <p>Forms it reads (hyphen, en dash, minus or figure dash alike; any case; extra spaces):
 *
 * <ul>
 *   <li>years and ranges: {@code 1785}, {@code 1909–27}, {@code 1860–70}, {@code 1501–2}, {@code
 *       ca. 2000–1500 B.C.}, {@code A.D. 100–200}, {@code 100 BC–200 AD}, {@code 27 BCE–68 CE},
 *       {@code 1757/58}, {@code 1473 or 1483}, {@code 1852, 1857, or 1863};
 *   <li>decades and centuries written as years: {@code 1850s} (1850–1859), {@code 1700s} (a year
 *       ending in 00 with an s is the century, 1700–1799), {@code early 1480s};
 *   <li>centuries and millennia: {@code 18th century} (1700–1799), {@code 1st century BCE} (-99..-1),
 *       {@code 3rd–2nd millennium BCE}, {@code 18th–19th century}, {@code 15th or 16th century};
 *   <li>parts of them: {@code early}, {@code mid}, {@code late} (thirds of a century, quarters of a millennium), {@code first half},
 *       {@code third quarter}, {@code first third}, {@code last decade of}, {@code beginning of},
 *       {@code end of}, combined ({@code early to mid}, {@code mid-late}, {@code late 18th–early
 *       19th century}, {@code 13th century, second half});
 *   <li>qualifiers that keep the interval: {@code ca.} (a single year widens by {@value
 *       #CIRCA_YEARS} years), {@code probably}, {@code possibly}, {@code ?}, {@code (?)}, {@code
 *       dated}, {@code datable to}, {@code hallmarked for}, months and seasons ({@code June 1889},
 *       {@code spring/summer 2016}), qualified too ({@code mid-June 1889}, {@code early March and
 *       end of April 1803});
 *   <li>open ends: {@code before 1800}, {@code by 1853} (1775–1800), {@code after 1790} (1790–1815),
 *       {@code ca. 1720 or later}: {@value #OPEN_END_YEARS} years ({@value #SHORTLY_YEARS} for
 *       {@code shortly before/after}); {@code or later} reaches by the interval's own length
 *       when it is longer ({@code 17th century or later} is 1600–1799);
 *       {@code (before 1405)} bounds the interval;
 *   <li>Hijri dates: the Common Era year when given ({@code A.H. 1204/1789 CE} is 1789), the Hijri
 *       year converted otherwise ({@code A.H. 1204} is 1789–1790);
 *   <li>compound dates ({@code ;} or {@code ,} between parts, role words such as {@code recto:},
 *       {@code modeled}, {@code cast}, {@code hilt}): the union of the parts. Parts about something
 *       other than the object's making are left out: restorations, later additions, modern
 *       parts, styles imitated ({@code 19th century (12th century style)}). A copy dated beside
 *       its original takes the original's date, as the Met's columns do ({@code A.D. 1922;
 *       original ca. 1295–1213 B.C.} is 1295–1213 B.C.).
 * </ul>
 *
 * <p>Empty: blank text, "n.d.", "unknown", alternatives that are far apart ({@code mid-16th or
 * mid-19th century}, more than {@value #MAX_ALTERNATIVE_GAP} years between them), alternatives
 * that do not both parse ({@code ca. 1520 or modern}), a range that runs backwards, a year after
 * {@value #MAX_YEAR}, and any text with unknown words between the date words.
 *
 * <p>Conventions follow the Met's own Object Begin/End Date columns: centuries run 00–99 (1700–1799;
 * the first century CE 1–99), B.C. centuries {@code -(n*100-1)..-(n-1)*100} (3rd century BCE is
 * -299..-200), millennia B.C. {@code -n*1000..-(n-1)*1000}.
 */
public final class ObjectDates {

  /** Years a single {@code ca.} year widens by on each side. */
  public static final int CIRCA_YEARS = 5;

  /** Years an open end ({@code before}, {@code after}, {@code or later}) reaches. */
  public static final int OPEN_END_YEARS = 25;

  /** Years a {@code shortly before/after} reaches. */
  public static final int SHORTLY_YEARS = 10;

  /** The widest gap between alternatives ({@code or}) that still gives their union. */
  public static final int MAX_ALTERNATIVE_GAP = 50;

  /** The latest year accepted (later ones are typing errors). */
  public static final int MAX_YEAR = 2100;

  private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]");
  private static final Pattern THOUSANDS = Pattern.compile("(?<![\\d,])(\\d{1,3}),(\\d{3})(?![\\d])");
  private static final Pattern PAREN = Pattern.compile("\\(([^()]*)\\)|\\[([^\\[\\]]*)\\]");
  private static final Pattern ROLE_LABEL = Pattern.compile("^[\\p{L} ]{1,40}:\\s*");
  private static final Pattern DIGIT_PAREN = Pattern.compile("\\d[(\\[]\\d");
  private static final Pattern SPACED_ERA = Pattern.compile("\\b([ab])\\. ?([cdh])\\.( ?e\\.)?");
  private static final Pattern SPELLED_ORDINAL =
      Pattern.compile(
          "\\b(?:(first|second|third|fourth)(?= (?:century|centuries|millennium))|(fifth|sixth|"
              + "seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
              + "sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))\\b");
  private static final Pattern INTERVENTION_TAIL = Pattern.compile("\\s+with\\s+.*$");
  private static final Pattern CLAMP =
      Pattern.compile("^\\s*(before|after|by)\\s+(ca\\.?\\s*)?(\\d{3,4})\\s*$");
  private static final Pattern NO_DATE =
      Pattern.compile(
          "^(n\\.? ?d\\.?( ?a\\.?)?|no date|undated|unknown|date unknown|not dated|various|"
              + "uncertain|\\?+|-+)$");

  /** Words that make a part about something other than the object's own making. */
  private static final Pattern NOT_THE_MAKING =
      Pattern.compile(
          "\\b(original|restor\\w*|rework\\w*|repair\\w*|alter(ed|ations?)|additions?|added|"
              + "replace\\w*|replacements?|modern|remodel\\w*|recut|regilt|refurbish\\w*|copy|"
              + "copied|style|imitation|manner|after an? (model|original|design)|in the style)\\b");
  private static final Pattern LATER_INTERVENTION =
      Pattern.compile("\\b(?<!or |and |slightly |or slightly )later\\b(?! than)");

  private static final Set<String> CIRCA = Set.of("ca", "c", "circa", "about", "approximately", "approx", "around");
  private static final Set<String> BEFORE = Set.of("before", "by", "until", "ante");
  private static final Set<String> AFTER = Set.of("after", "post", "since");
  private static final Set<String> BCE = Set.of("bc", "bce");
  private static final Set<String> CE = Set.of("ad", "ce");
  private static final Set<String> RANGE_WORDS = Set.of("to", "through", "till", "thru");
  private static final Set<String> FILLER =
      Set.of(
          "the", "of", "probably", "possibly", "perhaps", "likely", "presumably", "reportedly",
          "dated", "datable", "dateable", "date", "hallmarked", "marked", "inscribed", "in", "for",
          "on", "from", "between", "year", "years", "slightly", "sometime", "some", "time",
          "season", "a");
  /** Months and seasons: within the year, so they keep its interval. */
  private static final Set<String> MONTHS =
      Set.of(
          "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june",
          "jun", "july", "jul", "august", "aug", "september", "sept", "sep", "october", "oct",
          "november", "nov", "december", "dec", "spring", "summer", "autumn", "fall", "winter");
  private static final Set<String> QUALIFIERS =
      Set.of("early", "mid", "middle", "late", "beginning", "end", "start");
  private static final Set<String> FRACTION_WORDS =
      Set.of("first", "second", "third", "fourth", "last");
  private static final Set<String> FRACTION_UNITS = Set.of("half", "quarter", "third", "decade");
  private static final Set<String> KNOWN_WORDS = knownWords();

  private ObjectDates() {}

  /**
   * The year interval an Object Date text states, or empty when it states none that can be read
   * with confidence (see the class documentation for the forms and conventions).
   */
  public static Optional<YearRange> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(parseText(text));
    } catch (Unreadable e) {
      return Optional.empty();
    }
  }

  // ------------------------------------------------------------------ whole text

  private static YearRange parseText(String raw) {
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    text = DASHES.matcher(text).replaceAll("-");
    text = text.replace('\u00A0', ' ').replace("_x000D_", " ").toLowerCase(Locale.ROOT);
    text = text.replaceAll("\\s+", " ").strip();
    if (text.isEmpty() || NO_DATE.matcher(text).matches()) {
      return null;
    }
    text = SPACED_ERA.matcher(text).replaceAll("$1$2$3").replace(" e.", "e.");
    text = text.replace("by inscription", " ").replace("ealry", "early");
    text = spelledOrdinals(text);
    if (DIGIT_PAREN.matcher(text).find()) {
      throw new Unreadable(); // 177(3?): a digit hidden in brackets
    }
    text = THOUSANDS.matcher(text).replaceAll("$1$2");
    // parentheses: bounds such as (before 1405) apply to the whole; the rest is commentary
    YearRange clamp = null;
    Matcher paren = PAREN.matcher(text);
    StringBuilder stripped = new StringBuilder();
    while (paren.find()) {
      String inside = paren.group(1) != null ? paren.group(1) : paren.group(2);
      Matcher bound = CLAMP.matcher(inside);
      if (bound.matches()) {
        int year = Integer.parseInt(bound.group(3));
        YearRange limit =
            bound.group(1).equals("after")
                ? new YearRange(year, MAX_YEAR)
                : new YearRange(-1_000_000, year);
        clamp = clamp == null ? limit : clamp.intersection(limit).orElseThrow(Unreadable::new);
      }
      paren.appendReplacement(stripped, " ");
    }
    paren.appendTail(stripped);
    text = stripped.toString().replace("(", " ").replace(")", " ").replaceAll("\\s+", " ").strip();

    // a copy, cast or reproduction dated beside its original ("A.D. 1922; original ca. 1295-1213
    // b.c."): the Met dates the object by its original, so that part alone gives the interval
    for (String part : text.split(";")) {
      String trimmed = part.strip();
      if (trimmed.startsWith("original ")) {
        text = trimmed.substring("original ".length());
        break;
      }
    }
    YearRange result = null;
    for (String part : text.split("[;,]")) {
      Part parsed = parsePart(part);
      if (parsed == null) {
        continue;
      }
      if (parsed.range == null) {
        // a bare qualifier ("13th century, second half") narrows what came before it
        if (result == null) {
          throw new Unreadable();
        }
        result = parsed.qualifier.apply(result);
        continue;
      }
      if (parsed.alternative && result != null) {
        result = alternatives(result, parsed.range);
      } else {
        result = result == null ? parsed.range : result.union(parsed.range);
      }
    }
    if (result != null && clamp != null) {
      result = result.intersection(clamp).orElse(result);
    }
    if (result != null && (result.end() > MAX_YEAR || result.begin() < -1_000_000)) {
      return null;
    }
    return result;
  }

  private static String spelledOrdinals(String text) {
    Matcher m = SPELLED_ORDINAL.matcher(text);
    StringBuilder out = new StringBuilder();
    List<String> words =
        List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first");
    while (m.find()) {
      String word = m.group(1) != null ? m.group(1) : m.group(2);
      m.appendReplacement(out, (words.indexOf(word) + 1) + "th");
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One comma- or semicolon-separated part: a range, or a bare qualifier, or nothing. */
  private record Part(YearRange range, Qualifier qualifier, boolean alternative) {}

  private static Part parsePart(String rawPart) {
    String part = ROLE_LABEL.matcher(rawPart.strip()).replaceFirst("");
    if (part.isBlank()) {
      return null;
    }
    String cut = cutCopyMarker(part);
    if (cut == null) {
      return null;
    }
    part = cut;
    Matcher with = INTERVENTION_TAIL.matcher(part);
    if (with.find()) {
      String tail = part.substring(with.start());
      if (NOT_THE_MAKING.matcher(tail).find() || tail.contains("later")) {
        part = part.substring(0, with.start()); // "15th century with modern restorations"
      }
    }
    if (NOT_THE_MAKING.matcher(part).find() || LATER_INTERVENTION.matcher(part).find()) {
      return null; // about a restoration, an addition, an original or a style: not the making
    }
    List<DateToken> tokens = tokenize(part);
    boolean alternative = false;
    if (!tokens.isEmpty() && (tokens.get(0).isWord("or"))) {
      alternative = true;
      tokens.remove(0);
    } else if (!tokens.isEmpty() && tokens.get(0).isWord("and")) {
      tokens.remove(0);
    }
    if (tokens.stream().noneMatch(t -> t.is(Kind.NUMBER) || t.is(Kind.ORDINAL)
        || FRACTION_WORDS.contains(t.word()) || QUALIFIERS.contains(t.word()))) {
      return null; // no date in it: "hilt", "partly", "cast date unknown"
    }
    tokens = trimUnknownWords(tokens);
    if (tokens.stream().noneMatch(t -> t.is(Kind.NUMBER) || t.is(Kind.ORDINAL))) {
      Qualifier qualifier = new Parser(tokens).bareQualifier();
      return qualifier == null ? null : new Part(null, qualifier, false);
    }
    return new Part(new Parser(tokens).parse(), null, alternative);
  }

  /** Cuts "copy after ...", "in imitation of ..." and "after a model ..." off a part. */
  private static String cutCopyMarker(String part) {
    Matcher m =
        Pattern.compile("\\b(copy after|in imitation of|after an? (model|original|design)|"
            + "in the style of)\\b").matcher(part);
    if (m.find()) {
      String before = part.substring(0, m.start()).strip();
      return before.isEmpty() ? null : before;
    }
    return part;
  }

  private static YearRange alternatives(YearRange a, YearRange b) {
    if (a.gapTo(b) > MAX_ALTERNATIVE_GAP) {
      throw new Unreadable();
    }
    return a.union(b);
  }

  // ------------------------------------------------------------------ tokens

  static List<DateToken> tokenize(String text) {
    List<DateToken> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isDigit(c)) {
        int start = i;
        while (i < n && Character.isDigit(text.charAt(i))) {
          i++;
        }
        String digits = text.substring(start, i);
        if (digits.length() > 7) {
          throw new Unreadable();
        }
        int value = Integer.parseInt(digits);
        int letters = i;
        while (letters < n && Character.isLetter(text.charAt(letters))) {
          letters++;
        }
        String suffix = text.substring(i, letters);
        if (suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th")) {
          tokens.add(DateToken.ordinal(value));
          i = letters;
        } else if (suffix.equals("s")) {
          tokens.add(DateToken.number(value, digits.length(), true));
          i = letters;
        } else if (suffix.equals("s'") || text.startsWith("'s", i)) {
          tokens.add(DateToken.number(value, digits.length(), true));
          i = letters + 2;
        } else {
          tokens.add(DateToken.number(value, digits.length(), false));
        }
      } else if (Character.isLetter(c)) {
        int start = i;
        while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '.'
            || text.charAt(i) == '\'')) {
          i++;
        }
        String word = text.substring(start, i).replace(".", "").replace("'", "");
        addWord(tokens, word, text.substring(start, i));
      } else if (c == '-') {
        tokens.add(DateToken.DASH);
        i++;
      } else if (c == '/') {
        tokens.add(DateToken.SLASH);
        i++;
      } else if (c == '&' || c == '+') {
        tokens.add(DateToken.word("and"));
        i++;
      } else {
        i++; // spaces, '?', '.', quotes: no meaning for the interval
      }
    }
    return tokens;
  }

  /** Splits run-together abbreviations such as {@code a.d}, and {@code c.} after an ordinal. */
  private static void addWord(List<DateToken> tokens, String word, String original) {
    if (word.isEmpty()) {
      return;
    }
    boolean afterOrdinal = !tokens.isEmpty() && tokens.get(tokens.size() - 1).is(Kind.ORDINAL);
    if (afterOrdinal && (word.equals("c") || word.equals("cent") || word.matches("cen\\w*r\\w*")
        || word.equals("centuries"))) {
      tokens.add(DateToken.word("century"));
      return;
    }
    if (word.matches("cen[a-z]*r[a-z]*y|centuries")) {
      tokens.add(DateToken.word("century"));
      return;
    }
    if (word.equals("millennia") || word.equals("millenium") || word.equals("millenia")) {
      tokens.add(DateToken.word("millennium"));
      return;
    }
    if (word.equals("middle")) {
      tokens.add(DateToken.word("mid"));
      return;
    }
    if (word.equals("bce") || word.equals("bc") || word.equals("ad") || word.equals("ce")
        || word.equals("ah")) {
      tokens.add(DateToken.word(word));
      return;
    }
    tokens.add(DateToken.word(word));
  }

  /** Drops filler words and strips unknown words (object parts, role verbs) at the ends. */
  private static List<DateToken> trimUnknownWords(List<DateToken> tokens) {
    List<DateToken> words = new ArrayList<>();
    for (DateToken t : tokens) {
      if (t.is(Kind.WORD) && FILLER.contains(t.word())) {
        continue;
      }
      words.add(t);
    }
    // a month or season keeps the year's interval, and so does a qualifier of it: "early March
    // and end of April 1803" is 1803, "mid-June 1889" 1889
    List<DateToken> kept = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      DateToken t = words.get(i);
      if (isMonth(t)) {
        continue;
      }
      if (t.is(Kind.WORD) && QUALIFIERS.contains(t.word())) {
        int next = i + 1 < words.size() && words.get(i + 1).is(Kind.DASH) ? i + 2 : i + 1;
        if (next < words.size() && isMonth(words.get(next))) {
          i = next;
          continue;
        }
      }
      kept.add(t);
    }
    int from = 0;
    int to = kept.size();
    while (from < to && isStrippable(kept.get(from))) {
      from++;
    }
    while (to > from && isStrippable(kept.get(to - 1))) {
      to--;
    }
    List<DateToken> core = new ArrayList<>(kept.subList(from, to));
    for (DateToken t : core) {
      if (t.is(Kind.WORD) && !KNOWN_WORDS.contains(t.word())) {
        throw new Unreadable(); // an unknown word between date words
      }
    }
    return core;
  }

  private static boolean isMonth(DateToken t) {
    return t.is(Kind.WORD) && MONTHS.contains(t.word());
  }

  private static boolean isStrippable(DateToken t) {
    return (t.is(Kind.WORD) && !KNOWN_WORDS.contains(t.word()))
        || t.is(Kind.DASH)
        || t.is(Kind.SLASH)
        || t.isWord("and")
        || t.isWord("or")
        || t.isWord("to");
  }

  private static Set<String> knownWords() {
    java.util.HashSet<String> words = new java.util.HashSet<>();
    words.addAll(CIRCA);
    words.addAll(BEFORE);
    words.addAll(AFTER);
    words.addAll(BCE);
    words.addAll(CE);
    words.addAll(RANGE_WORDS);
    words.addAll(QUALIFIERS);
    words.addAll(FRACTION_WORDS);
    words.addAll(FRACTION_UNITS);
    words.addAll(Set.of("century", "millennium", "or", "and", "ah", "shortly", "later", "earlier",
        "mid", "s"));
    return Set.copyOf(words);
  }

  /** Text that cannot be read with confidence. */
  private static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable() {
      super(null, null, false, false);
    }
  }

  // ------------------------------------------------------------------ qualifiers

  /**
   * A part of an interval, as fractions of it: early = [0, 1/3], second half = [1/2, 1]. Of a millennium
   * (an interval of 1,000 years or more), early, mid and late are quarters instead of thirds, as the
   * Met's own Begin/End Dates take them ({@code early 1st millennium BCE} is -1000..-750).
   */
  private record Fraction(double from, double to, int lastYears, boolean loose) {

    static Fraction of(double from, double to) {
      return new Fraction(from, to, 0, false);
    }

    /** Early, mid or late: a third of a century, a quarter of a millennium. */
    static Fraction loose(double from, double to) {
      return new Fraction(from, to, 0, true);
    }

    YearRange apply(YearRange r) {
      int length = r.length();
      if (loose && length >= 1000) {
        Fraction quarter = from == 0 ? of(0, 0.25) : to == 1 ? of(0.75, 1) : of(0.375, 0.625);
        return quarter.apply(r);
      }
      if (lastYears > 0) {
        return new YearRange(Math.max(r.begin(), r.end() - lastYears + 1), r.end());
      }
      if (lastYears < 0) {
        return new YearRange(r.begin(), Math.min(r.end(), r.begin() - lastYears - 1));
      }
      int begin = r.begin() + (int) Math.round(length * from);
      int end = r.begin() + (int) Math.round(length * to) - 1;
      return new YearRange(begin, Math.max(begin, end));
    }
  }

  /** Alternatives of fractions ("early to mid" = early or mid); their union is taken. */
  private record Qualifier(List<Fraction> fractions) {
    YearRange apply(YearRange r) {
      YearRange out = null;
      for (Fraction f : fractions) {
        YearRange part = f.apply(r);
        out = out == null ? part : out.union(part);
      }
      return out == null ? r : out;
    }
  }

  // ------------------------------------------------------------------ grammar

  /** One date point: qualifiers, a core (year, decade, ordinal century/millennium), an era. */
  private static final class Point {
    final List<Fraction> fractions = new ArrayList<>();
    boolean circa;
    int openEnd; // -1 before, +1 after
    boolean shortly;
    boolean hasCore;
    int value;
    int digits;
    boolean ordinal;
    boolean plural;
    String unit; // century, millennium, or null
    String era; // bce, ce, or null
    boolean hijri;

    boolean hasYearCore() {
      return hasCore && !ordinal;
    }
  }

  /** The points of one alternative: one point, or a range of two. */
  private record Segment(List<Point> points, boolean orBefore, int extension) {}

  /** Parses the tokens of one part. */
  private static final class Parser {
    private final List<DateToken> tokens;
    private int pos;

    Parser(List<DateToken> tokens) {
      this.tokens = tokens;
    }

    private DateToken peek() {
      return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private DateToken peek(int ahead) {
      return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : null;
    }

    private boolean atWord(String w) {
      DateToken t = peek();
      return t != null && t.isWord(w);
    }

    Qualifier bareQualifier() {
      Point p = new Point();
      while (peek() != null) {
        if (!qualifier(p)) {
          return null;
        }
      }
      return p.fractions.isEmpty() ? null : new Qualifier(p.fractions);
    }

    YearRange parse() {
      List<Segment> segments = new ArrayList<>();
      boolean orBefore = false;
      while (peek() != null) {
        List<Point> points = new ArrayList<>();
        Point first = point();
        points.add(first);
        if (first.hasCore && peek() != null && isRangeConnector()) {
          pos++;
          points.add(point());
          if (!points.get(1).hasCore) {
            throw new Unreadable();
          }
        }
        int extension = 0;
        if (atWord("later") || atWord("earlier")) {
          extension = atWord("later") ? 1 : -1;
          pos++;
        }
        segments.add(new Segment(points, orBefore, extension));
        if (peek() == null) {
          break;
        }
        DateToken t = peek();
        if (t.isWord("or") || t.isWord("and")) {
          orBefore = t.isWord("or");
          pos++;
          // "ca. 1720 or later", "ca. 1683 and later"
          if (atWord("later") || atWord("earlier")) {
            int ext = atWord("later") ? 1 : -1;
            pos++;
            Segment last = segments.remove(segments.size() - 1);
            segments.add(new Segment(last.points, last.orBefore, ext));
          }
          continue;
        }
        throw new Unreadable();
      }
      return evaluate(segments);
    }

    private boolean isRangeConnector() {
      DateToken t = peek();
      if (t.is(Kind.DASH)) {
        return true;
      }
      if (t.is(Kind.WORD) && RANGE_WORDS.contains(t.word())) {
        return true;
      }
      // 1757/58: a slash between two years
      return t.is(Kind.SLASH) && peek(1) != null && peek(1).is(Kind.NUMBER);
    }

    /** A point; may lack a core (a qualifier-only alternative such as "early" in "early or mid"). */
    private Point point() {
      Point p = new Point();
      while (peek() != null) {
        DateToken t = peek();
        if (t.is(Kind.WORD)) {
          String w = t.word();
          if (CIRCA.contains(w)) {
            p.circa = true;
            pos++;
          } else if (w.equals("shortly")) {
            p.shortly = true;
            pos++;
          } else if (BEFORE.contains(w) && !p.hasCore) {
            p.openEnd = -1;
            pos++;
          } else if (AFTER.contains(w) && !p.hasCore) {
            p.openEnd = 1;
            pos++;
          } else if (BCE.contains(w) || CE.contains(w)) {
            if (p.era != null && !p.era.equals(BCE.contains(w) ? "bce" : "ce")) {
              throw new Unreadable();
            }
            p.era = BCE.contains(w) ? "bce" : "ce";
            pos++;
          } else if (w.equals("ah") && !p.hasCore) {
            p.hijri = true;
            pos++;
          } else if (w.equals("century") || w.equals("millennium")) {
            if (!p.hasCore || !p.ordinal || p.unit != null) {
              throw new Unreadable();
            }
            p.unit = w;
            pos++;
          } else if (!p.hasCore && qualifier(p)) {
            // consumed
          } else if (w.equals("to") && !p.hasCore && !p.fractions.isEmpty()
              && peek(1) != null && isQualifierStart(peek(1))) {
            pos++; // "early to mid"
          } else {
            break;
          }
        } else if (t.is(Kind.ORDINAL) && !p.hasCore && qualifier(p)) {
          // "2nd half of", "3rd quarter"
        } else if (t.is(Kind.NUMBER) || t.is(Kind.ORDINAL)) {
          if (p.hasCore) {
            break;
          }
          p.hasCore = true;
          p.value = t.value();
          p.digits = t.digits();
          p.ordinal = t.is(Kind.ORDINAL);
          p.plural = t.plural();
          pos++;
          if (p.hijri && peek() != null && peek().is(Kind.SLASH)) {
            // A.H. 1204/1789 CE: the Common Era date that follows is the one to use
            pos++;
            Point ce = point();
            if (!ce.hasCore) {
              throw new Unreadable();
            }
            return ce;
          }
        } else if (t.is(Kind.DASH) && !p.hasCore && !p.fractions.isEmpty()) {
          pos++; // "mid-18th": a hyphen after a qualifier
        } else {
          break;
        }
      }
      return p;
    }

    private boolean isQualifierStart(DateToken t) {
      return t.is(Kind.WORD) && (QUALIFIERS.contains(t.word()) || FRACTION_WORDS.contains(t.word()))
          || t.is(Kind.ORDINAL);
    }

    /** Reads one qualifier into the point; false when the next tokens are none. */
    private boolean qualifier(Point p) {
      DateToken t = peek();
      if (t == null) {
        return false;
      }
      if (t.is(Kind.WORD) && QUALIFIERS.contains(t.word())) {
        pos++;
        switch (t.word()) {
          case "early", "beginning", "start" -> p.fractions.add(Fraction.loose(0, 1 / 3.0));
          case "mid" -> p.fractions.add(Fraction.loose(1 / 3.0, 2 / 3.0));
          case "late", "end" -> p.fractions.add(Fraction.loose(2 / 3.0, 1));
          default -> throw new Unreadable();
        }
        if (peek() != null && peek().is(Kind.DASH) && peek(1) != null
            && (isQualifierStart(peek(1)) || peek(1).isWord("to"))) {
          pos++; // "mid-late", "mid-to late"
        }
        if (atWord("or") && peek(1) != null && isQualifierStart(peek(1))) {
          pos++; // "early or mid-1630s"
        }
        return true;
      }
      int ordinal;
      if (t.is(Kind.WORD) && FRACTION_WORDS.contains(t.word())) {
        ordinal = switch (t.word()) {
          case "first" -> 1;
          case "second" -> 2;
          case "third" -> 3;
          case "fourth" -> 4;
          default -> -1; // last
        };
      } else if (t.is(Kind.ORDINAL) && t.value() >= 1 && t.value() <= 4) {
        ordinal = t.value();
      } else {
        return false;
      }
      DateToken unit = peek(1);
      if (unit == null || !unit.is(Kind.WORD) || !FRACTION_UNITS.contains(unit.word())) {
        return false;
      }
      pos += 2;
      switch (unit.word()) {
        case "half" -> p.fractions.add(part(ordinal, 2));
        case "quarter" -> p.fractions.add(part(ordinal, 4));
        case "third" -> p.fractions.add(part(ordinal, 3));
        case "decade" -> p.fractions.add(
            ordinal == -1 ? new Fraction(0, 1, 10, false) : ordinal == 1 ? new Fraction(0, 1, -10, false)
                : Fraction.of((ordinal - 1) / 10.0, ordinal / 10.0));
        default -> throw new Unreadable();
      }
      if (atWord("or") && peek(1) != null && isQualifierStart(peek(1))) {
        pos++;
      }
      return true;
    }

    private static Fraction part(int ordinal, int of) {
      int k = ordinal == -1 ? of : ordinal;
      if (k < 1 || k > of) {
        throw new Unreadable();
      }
      return Fraction.of((k - 1) / (double) of, k / (double) of);
    }

    // -------------------------------------------------------------- evaluation

    private YearRange evaluate(List<Segment> segments) {
      // a qualifier-only alternative takes the core of the next one: "early or mid-1630s"
      List<Point> all = new ArrayList<>();
      for (int s = 0; s < segments.size(); s++) {
        for (Point p : segments.get(s).points) {
          if (!p.hasCore) {
            Point donor = nextCore(segments, s);
            if (donor == null || p.fractions.isEmpty()) {
              throw new Unreadable();
            }
            copyCore(donor, p);
          }
          all.add(p);
        }
      }
      // units and eras come from the following points ("11th-12th century", "ca. 2000-1500 B.C.")
      for (int i = 0; i < all.size(); i++) {
        Point p = all.get(i);
        if (p.ordinal && p.unit == null) {
          for (int j = i + 1; j < all.size() && p.unit == null; j++) {
            if (all.get(j).ordinal && all.get(j).unit != null) {
              p.unit = all.get(j).unit;
            }
          }
          if (p.unit == null) {
            throw new Unreadable();
          }
        }
      }
      for (int i = 0; i < all.size(); i++) {
        Point p = all.get(i);
        if (p.era == null) {
          for (int j = i + 1; j < all.size() && p.era == null; j++) {
            p.era = all.get(j).era;
          }
          for (int j = i - 1; j >= 0 && p.era == null; j--) {
            p.era = all.get(j).era;
          }
        }
      }
      YearRange result = null;
      for (Segment segment : segments) {
        YearRange range = evaluate(segment);
        if (result == null) {
          result = range;
        } else if (segment.orBefore) {
          result = alternatives(result, range);
        } else {
          result = result.union(range);
        }
      }
      return result;
    }

    private static Point nextCore(List<Segment> segments, int from) {
      for (int s = from; s < segments.size(); s++) {
        for (Point p : segments.get(s).points) {
          if (p.hasCore) {
            return p;
          }
        }
      }
      return null;
    }

    private static void copyCore(Point from, Point to) {
      to.hasCore = true;
      to.value = from.value;
      to.digits = from.digits;
      to.ordinal = from.ordinal;
      to.plural = from.plural;
      to.unit = from.unit;
      to.era = to.era == null ? from.era : to.era;
      to.hijri = from.hijri;
    }

    private static YearRange evaluate(Segment segment) {
      List<Point> points = segment.points;
      YearRange range;
      if (points.size() == 1) {
        Point p = points.get(0);
        range = interval(p);
        if (p.circa && p.hasYearCore() && !p.plural && p.fractions.isEmpty() && !p.hijri) {
          range = range.widen(CIRCA_YEARS);
        }
        int open = p.shortly ? SHORTLY_YEARS : OPEN_END_YEARS;
        if (p.openEnd != 0 && (p.ordinal || p.plural)) {
          throw new Unreadable(); // "before 16th century": how long before is anyone's guess
        }
        if (p.openEnd < 0) {
          range = new YearRange(range.begin() - open, range.begin());
        } else if (p.openEnd > 0) {
          range = new YearRange(range.end(), range.end() + open);
        }
      } else {
        Point left = points.get(0);
        Point right = points.get(1);
        expandAbbreviation(left, right);
        YearRange a = interval(left);
        YearRange b = interval(right);
        if (b.end() < a.begin()) {
          throw new Unreadable(); // runs backwards
        }
        // a range runs from the beginning of its first end to the end of its second: "mid
        // 19th–19th century" is 1833..1899, not the whole century
        range = new YearRange(a.begin(), Math.max(a.begin(), b.end()));
      }
      // "or later" reaches on by the interval's own length, at least OPEN_END_YEARS: "17th
      // century or later" is 1600..1799, "ca. 1720 or later" 1715..1750 (the Met's columns for
      // "or earlier" reach back barely if at all: "19th century or earlier" is 1800..1900)
      if (segment.extension > 0) {
        range = new YearRange(range.begin(), range.end() + Math.max(OPEN_END_YEARS, range.length()));
      } else if (segment.extension < 0) {
        range = new YearRange(range.begin() - OPEN_END_YEARS, range.end());
      }
      return range;
    }

    /** 1909-27 is 1909-1927; 1895-05 is 1895-1905; ca. 1479-58 B.C. is 1479-1458 B.C. */
    private static void expandAbbreviation(Point left, Point right) {
      if (!left.hasYearCore() || !right.hasYearCore() || left.plural || right.plural) {
        return;
      }
      if (right.digits >= left.digits || right.digits == 0) {
        return;
      }
      if (!java.util.Objects.equals(left.era, right.era) || "bce".equals(left.era)) {
        return; // B.C. ranges run downwards: "ca. 330-70 BCE" is 330 to 70 B.C.
      }
      int power = (int) Math.pow(10, right.digits);
      int expanded = left.value - left.value % power + right.value;
      boolean bce = "bce".equals(left.era);
      if (!bce && expanded < left.value) {
        expanded += power;
      } else if (bce && expanded > left.value) {
        expanded -= power;
      }
      right.value = expanded;
      right.digits = left.digits;
    }

    /** The interval of one point, qualifiers applied. */
    private static YearRange interval(Point p) {
      if (!p.hasCore) {
        throw new Unreadable();
      }
      boolean bce = "bce".equals(p.era);
      YearRange base;
      if (p.hijri) {
        if (p.ordinal || p.plural) {
          throw new Unreadable();
        }
        base = hijri(p.value);
      } else if (p.ordinal) {
        int n = p.value;
        if (n < 1 || n > (p.unit.equals("century") ? 21 : 12)) {
          throw new Unreadable();
        }
        if (p.unit.equals("century")) {
          base = bce
              ? new YearRange(-(n * 100 - 1), n == 1 ? -1 : -(n - 1) * 100)
              : new YearRange(n == 1 ? 1 : (n - 1) * 100, n * 100 - 1);
        } else {
          base = bce
              ? new YearRange(-n * 1000, n == 1 ? -1 : -(n - 1) * 1000)
              : new YearRange(n == 1 ? 1 : (n - 1) * 1000, n * 1000 - 1);
        }
      } else if (p.plural) {
        int y = p.value;
        if (bce || y % 10 != 0) {
          throw new Unreadable();
        }
        base = y % 100 == 0 && y > 0 ? new YearRange(y, y + 99) : new YearRange(y, y + 9);
      } else {
        if (p.value > MAX_YEAR && !bce) {
          throw new Unreadable();
        }
        base = YearRange.of(bce ? -p.value : p.value);
      }
      if (p.fractions.isEmpty()) {
        return base;
      }
      if (base.length() == 1) {
        throw new Unreadable(); // "early 1785"
      }
      return new Qualifier(p.fractions).apply(base);
    }

    /** The Common Era years Hijri year {@code ah} overlaps (a Hijri year is 354 or 355 days). */
    private static YearRange hijri(int ah) {
      if (ah < 1) {
        throw new Unreadable();
      }
      double start = 622.54 + (ah - 1) * 0.970224;
      double end = 622.54 + ah * 0.970224;
      return new YearRange((int) Math.floor(start), (int) Math.floor(end));
    }
  }
}

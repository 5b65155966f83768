package io.github.metart.data.dates;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Met's free-text Period into a {@link Period}: a label and an interval.
 *
 * <ul>
 *   <li>Years given in parentheses are used as they are: {@code Edo period (1615–1868)} is edo,
 *       1615–1868; {@code Qing dynasty (1644–1911), Qianlong period (1736–95)} takes the narrower,
 *       Qianlong; {@code Edo (1615–1868)–Meiji (1868–1912) period} the span of both.
 *   <li>Otherwise the name is looked up in a {@link PeriodTimeline} (built-in: Archaic,
 *       Classical, Hellenistic, New Kingdom, Late Minoan I, Neo-Assyrian, Tang, Joseon, ...),
 *       after dropping {@code period}, {@code dynasty}, {@code culture}, {@code kingdom}, {@code
 *       phase} and uncertainty ({@code ?}, {@code probably}).
 *   <li>{@code Early}, {@code Middle}/{@code Mid}, {@code Late}/{@code Final} before a known period
 *       without an entry of its own take its first, middle or last third and keep its label
 *       ({@code Late Neolithic period} is neolithic, the last third of it); a numbered sub-phase
 *       without an entry falls back to its parent ({@code Late Minoan IV} would be Late Minoan).
 *   <li>A comma adds detail: the narrowest known part wins and unknown parts are ignored
 *       ({@code Neolithic period, late Dawenkou culture} is neolithic; {@code Early Imperial,
 *       Julio-Claudian} is Julio-Claudian).
 *   <li>Alternatives ({@code or}, {@code /}) and spans ({@code –}, {@code to}) give the union, and
 *       only when every side is known ({@code Late Classical or Hellenistic}, {@code Middle Minoan
 *       III–Late Minoan I}, {@code Middle Minoan II–III}).
 * </ul>
 *
 * <p>Anything else (a style such as {@code Rajput}, {@code Pre-Columbian}, {@code ancient}) gives
 * empty: no interval is better than a wrong one.
 */
public final class PeriodNormalizer {

  private static final PeriodNormalizer DEFAULT = new PeriodNormalizer(PeriodTimeline.defaults());

  private static final Pattern PAREN = Pattern.compile("\\(([^()]*)\\)");
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "^(early|middle|mid|late|final|terminal)"
              + "(?: |-(?!(?:early|middle|mid|late|final|terminal)\\b))(.+)$");
  private static final Pattern SUBPHASE = Pattern.compile("^(.+?) (i{1,3}|iv|v|vi)[abc]?$");
  private static final Pattern ROMAN_FRAGMENT = Pattern.compile("^(i{1,3}|iv|v|vi)[abc]?$");
  private static final Set<String> QUALIFIER_WORDS =
      Set.of("early", "middle", "mid", "late", "final", "terminal");
  private static final Set<String> GENERIC =
      Set.of("period", "dynasty", "culture", "kingdom", "phase", "style", "era", "the");
  private static final Set<String> UNCERTAIN =
      Set.of("probably", "possibly", "perhaps", "likely", "ca.", "ca");

  private final PeriodTimeline timeline;

  private PeriodNormalizer(PeriodTimeline timeline) {
    this.timeline = timeline;
  }

  /** The normalizer with the built-in timeline. */
  public static PeriodNormalizer defaults() {
    return DEFAULT;
  }

  /** A normalizer using {@code timeline}, e.g. {@code PeriodTimeline.defaults().plus(mine)}. */
  public static PeriodNormalizer of(PeriodTimeline timeline) {
    return new PeriodNormalizer(requireNonNull(timeline, "timeline"));
  }

  /** The timeline in use. */
  public PeriodTimeline timeline() {
    return timeline;
  }

  /** The period a Period text names, or empty when it names none this normalizer knows. */
  public Optional<Period> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String text = PeriodTimeline.key(raw.replace("_x000D_", " "));
    text = text.replace("(?)", " ").replace("?", " ");
    text = text.replaceAll("\\s+or (earlier|later)$", "").replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(alternatives(text));
  }

  /** "A or B", "A / B": both must be known; the union. */
  private Period alternatives(String text) {
    List<String> parts = splitOutsideParens(text, " or |/");
    if (parts.size() == 1) {
      return span(text);
    }
    List<Period> periods = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i).strip();
      if (QUALIFIER_WORDS.contains(part) && i + 1 < parts.size()) {
        part = part + " " + withoutQualifier(parts.get(i + 1).strip()); // "early or mid imperial"
      }
      Period p = span(part);
      if (p == null) {
        return null;
      }
      periods.add(p);
    }
    return union(periods, " or ", "any of");
  }

  /** "A–B", "A to B": both known; the union. Tried as a whole first (neo-assyrian has a hyphen). */
  private Period span(String text) {
    Period whole = details(text);
    if (whole != null) {
      return whole;
    }
    List<Integer> cuts = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && (c == '-' || text.startsWith(" to ", i))) {
        cuts.add(i);
      }
    }
    for (int cut : cuts) {
      boolean to = text.startsWith(" to ", cut);
      String left = text.substring(0, cut).strip();
      String right = text.substring(cut + (to ? 4 : 1)).strip();
      if (left.isEmpty() || right.isEmpty()) {
        continue;
      }
      if (QUALIFIER_WORDS.contains(left)) {
        left = left + " " + withoutQualifier(right); // "early-middle bronze age"
      }
      Matcher fragment = ROMAN_FRAGMENT.matcher(right);
      if (fragment.matches()) {
        Matcher sub = SUBPHASE.matcher(left);
        if (sub.matches()) {
          right = sub.group(1) + " " + right; // "middle minoan ii-iii"
        }
      } else if (right.matches("[abc]") && left.matches(".* (i{1,3}|iv|v|vi)[abc]")) {
        right = left.substring(0, left.length() - 1) + right; // "late minoan iiia-b"
      }
      Period a = details(left);
      Period b = a == null ? null : details(right);
      if (a != null && b != null) {
        return union(List.of(a, b), "-", "span of");
      }
    }
    return null;
  }

  /** "A, B" or "A: B": the narrowest known part; unknown parts are detail and ignored. */
  private Period details(String text) {
    List<String> parts = splitOutsideParens(text, "[,:;]");
    if (parts.size() == 1) {
      return named(text.strip());
    }
    Period best = null;
    List<String> known = new ArrayList<>();
    for (String part : parts) {
      Period p = named(part.strip());
      if (p == null) {
        continue;
      }
      known.add(p.label());
      if (best == null || p.years().length() < best.years().length() && overlaps(p, best)) {
        best = p;
      }
    }
    if (best == null) {
      return null;
    }
    return known.size() == 1
        ? best
        : new Period(best.label(), best.years(), "narrowest of " + known + ": " + best.rule());
  }

  private static boolean overlaps(Period a, Period b) {
    return a.years().overlaps(b.years());
  }

  /** One name, with or without years in parentheses. */
  private Period named(String text) {
    Matcher paren = PAREN.matcher(text);
    YearRange years = null;
    int yearParens = 0;
    StringBuilder name = new StringBuilder();
    while (paren.find()) {
      Optional<YearRange> inside = ObjectDates.parse(paren.group(1));
      if (inside.isPresent()) {
        years = years == null ? inside.get() : years.union(inside.get());
        yearParens++;
      }
      paren.appendReplacement(name, " ");
    }
    paren.appendTail(name);
    String full = name.toString().replaceAll("\\s*-\\s*", "-").replaceAll("\\s+", " ").strip();
    String clean = clean(full);
    if (years != null) {
      Optional<PeriodTimeline.Entry> entry = clean.isEmpty() ? Optional.empty() : timeline.lookup(clean);
      String label = entry.map(PeriodTimeline.Entry::label).orElse(clean.isEmpty() ? "dated" : clean);
      return new Period(label, years,
          yearParens > 1 ? "the span of the years in parentheses" : "years in parentheses");
    }
    Period exact = full.isEmpty() ? null : lookup(full);
    return exact != null ? exact : lookup(clean);
  }

  private Period lookup(String name) {
    if (name.isEmpty()) {
      return null;
    }
    Optional<PeriodTimeline.Entry> entry = timeline.lookup(name);
    if (entry.isEmpty() && !clean(name).equals(name)) {
      entry = timeline.lookup(clean(name));
    }
    if (entry.isPresent()) {
      PeriodTimeline.Entry e = entry.get();
      String how = e.label().equals(name) ? "'" + name + "'" : "'" + name + "' (alias of " + e.label() + ")";
      return new Period(e.label(), e.years(), "timeline " + how + " at " + e.source());
    }
    Matcher qualified = QUALIFIED.matcher(name);
    if (qualified.matches()) {
      Period base = lookup(qualified.group(2));
      if (base != null) {
        String q = qualified.group(1);
        int third = switch (q) {
          case "early" -> 0;
          case "middle", "mid" -> 1;
          default -> 2;
        };
        YearRange r = base.years();
        int length = r.length();
        int begin = r.begin() + (int) Math.round(length * third / 3.0);
        int end = r.begin() + (int) Math.round(length * (third + 1) / 3.0) - 1;
        String label = base.label();
        return new Period(label, new YearRange(begin, Math.max(begin, end)),
            q + ": the " + (third == 0 ? "first" : third == 1 ? "middle" : "last") + " third of "
                + base.label()
                + " (" + base.rule() + ")");
      }
    }
    Matcher sub = SUBPHASE.matcher(name);
    if (sub.matches()) {
      Period parent = lookup(sub.group(1));
      if (parent != null) {
        return new Period(parent.label(), parent.years(),
            "sub-phase '" + name + "' within " + parent.label() + " (" + parent.rule() + ")");
      }
    }
    return null;
  }

  /** Drops generic words (period, dynasty, ...) and uncertainty. */
  private static String clean(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.strip().split("\\s+")) {
      if (!word.isEmpty() && !UNCERTAIN.contains(word)) {
        words.add(word);
      }
    }
    while (!words.isEmpty() && GENERIC.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    while (!words.isEmpty() && GENERIC.contains(words.get(0))) {
      words.remove(0);
    }
    return String.join(" ", words);
  }

  private static String withoutQualifier(String text) {
    Matcher m = QUALIFIED.matcher(text);
    return m.matches() ? m.group(2) : text;
  }

  private static Period union(List<Period> periods, String joiner, String how) {
    YearRange years = periods.get(0).years();
    List<String> labels = new ArrayList<>();
    for (Period p : periods) {
      years = years.union(p.years());
      if (!labels.contains(p.label())) {
        labels.add(p.label());
      }
    }
    return new Period(String.join(joiner, labels), years, how + " " + labels);
  }

  private static List<String> splitOutsideParens(String text, String separatorRegex) {
    Pattern separator = Pattern.compile(separatorRegex);
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        Matcher m = separator.matcher(text).region(i, text.length());
        if (m.lookingAt()) {
          parts.add(text.substring(start, i));
          start = m.end();
          i = m.end() - 1;
        }
      }
    }
    parts.add(text.substring(start));
    parts.removeIf(String::isBlank);
    return parts;
  }
}

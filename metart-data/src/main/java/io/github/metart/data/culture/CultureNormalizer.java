package io.github.metart.data.culture;

import static java.util.Objects.requireNonNull;

import io.github.metart.data.culture.CultureDecision.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Met's free-text Culture (or Artist Nationality) into one lowercase label, following
 * {@link CultureRules} (built-in: {@code culture-rules.txt}).
 *
 * <ol>
 *   <li>Case, spacing, accents and apostrophes are normalized; {@code (?)}, {@code ?} and
 *       uncertainty words ({@code probably}, {@code possibly}) are dropped; so are markets ({@code
 *       for export market}, {@code (American market)}) and other parentheses ({@code Italian
 *       (Cremona)}) — except that a specific culture in parentheses refines a broad one ({@code
 *       Native American (Hopi)} is hopi).
 *   <li>A value may name several cultures for one object: parts joined by {@code ;}, {@code with},
 *       {@code and}, {@code /} or {@code |} ({@code hilt, German; blade, Spanish}, {@code Chinese
 *       porcelain with German mounts}). Parts that name no culture (a place such as {@code north
 *       coast}, a city) are ignored; if the others agree that is the label, else the value is
 *       ambiguous.
 *   <li>Within a part, a comma or colon adds places and detail ({@code German, probably Dresden},
 *       {@code Greek, Attic}): the first culture named wins, a specific one over a broad one
 *       ({@code So. America, Peru} is peruvian).
 *   <li>Alternatives ({@code or}) must all name the same culture ({@code Lower Rhenish or Saxon} is
 *       german); otherwise ({@code French or Italian}, {@code Sasanian or Islamic}) the value is
 *       ambiguous.
 *   <li>A name is looked up as is, without its trailing {@code peoples}/{@code culture}/..., without
 *       leading region words ({@code South German}, {@code Northern Germany}, {@code Western
 *       India}), by pattern, and by its leading words ({@code Chinese porcelain}).
 * </ol>
 *
 * <p>Ambiguous values get no label by default ({@link AmbiguityPolicy#NO_LABEL}); {@link
 * AmbiguityPolicy#FIRST} takes the first culture named. A culture no rule knows ({@code Kwoma},
 * {@code Nasca} when not listed) becomes its own label by default, so the rules need not list the
 * Met's every people; {@link Builder#keepUnknown(boolean) keepUnknown(false)} drops them instead.
 * Labels are never merged beyond what the rules say: {@code european} stays apart from {@code
 * french}, {@code roman} from {@code italian}.
 *
 * <p>Every decision can be explained ({@link #explain(String)}). Instances are immutable and
 * thread-safe; decisions are cached per raw value.
 */
public final class CultureNormalizer {

  private static final CultureNormalizer DEFAULT = builder().build();
  private static final int CACHE_LIMIT = 100_000;
  private static final Pattern PARENS = Pattern.compile("\\(([^()]*)\\)|\\[([^\\[\\]]*)\\]");
  private static final Pattern COMPONENT_SEPARATORS =
      Pattern.compile(";| with | and | & |/|\\||\\+| as well as ");
  private static final Pattern PART_SEPARATORS = Pattern.compile("[,:]| - ");
  private static final Pattern IDENTITY = Pattern.compile("[a-z][a-z' -]*[a-z]");

  private final CultureRules rules;
  private final AmbiguityPolicy ambiguity;
  private final boolean keepUnknown;
  private final Map<String, CultureDecision> cache = new ConcurrentHashMap<>();

  private CultureNormalizer(CultureRules rules, AmbiguityPolicy ambiguity, boolean keepUnknown) {
    this.rules = rules;
    this.ambiguity = ambiguity;
    this.keepUnknown = keepUnknown;
  }

  /** The built-in rules, no label for ambiguous values, unknown cultures kept as their own label. */
  public static CultureNormalizer defaults() {
    return DEFAULT;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The rules in use. */
  public CultureRules rules() {
    return rules;
  }

  /** What happens to ambiguous values. */
  public AmbiguityPolicy ambiguity() {
    return ambiguity;
  }

  /** Whether a label is broad (european, islamic, ...): see {@link CultureRules#isBroad(String)}. */
  public boolean isBroad(String label) {
    return rules.isBroad(label);
  }

  /** The label of a raw Culture value, or empty (ambiguous, no culture, blank). */
  public Optional<String> normalize(String raw) {
    return explain(raw).label();
  }

  /** The decision for a raw Culture value, with the rule that fired. */
  public CultureDecision explain(String raw) {
    String value = raw == null ? "" : raw;
    CultureDecision hit = cache.get(value);
    if (hit != null) {
      return hit;
    }
    CultureDecision decision = decide(value);
    if (cache.size() < CACHE_LIMIT) {
      cache.put(value, decision);
    }
    return decision;
  }

  // ------------------------------------------------------------------ decision

  private enum Kind {
    LABEL,
    AMBIGUOUS,
    NONE,
    UNKNOWN,
    EMPTY
  }

  /** An intermediate result: a kind, the labels named, the words of an unknown name, the rule. */
  private record Res(Kind kind, List<String> labels, String unknown, String rule) {
    static Res label(String label, String rule) {
      return new Res(Kind.LABEL, List.of(label), "", rule);
    }

    static Res of(Kind kind, String rule) {
      return new Res(kind, List.of(), "", rule);
    }

    String first() {
      return labels.get(0);
    }
  }

  private CultureDecision decide(String raw) {
    String text = CultureRules.key(raw);
    if (text.isEmpty()) {
      return new CultureDecision(raw, Optional.empty(), Outcome.EMPTY, List.of(), "blank");
    }
    Res res = value(text);
    return switch (res.kind) {
      case LABEL -> new CultureDecision(raw, Optional.of(res.first()), Outcome.LABELED, res.labels, res.rule);
      case AMBIGUOUS -> {
        Optional<String> label =
            ambiguity == AmbiguityPolicy.FIRST && !res.labels.isEmpty()
                ? Optional.of(res.first())
                : Optional.empty();
        yield new CultureDecision(raw, label, Outcome.AMBIGUOUS, res.labels,
            res.rule + (label.isPresent() ? "; the first culture named is taken" : ""));
      }
      case NONE -> new CultureDecision(raw, Optional.empty(), Outcome.NO_CULTURE, List.of(), res.rule);
      case EMPTY -> new CultureDecision(raw, Optional.empty(), Outcome.EMPTY, List.of(), res.rule);
      case UNKNOWN -> unknown(raw, text, res);
    };
  }

  private CultureDecision unknown(String raw, String text, Res res) {
    String name = res.unknown;
    boolean simple =
        !COMPONENT_SEPARATORS.matcher(stripParens(text)).find() && !text.contains(" or ");
    boolean nameLike = IDENTITY.matcher(name).matches() && name.split(" ").length <= 4;
    if (keepUnknown && simple && nameLike && !isPlace(name)) {
      return new CultureDecision(raw, Optional.of(name), Outcome.KEPT_UNKNOWN, List.of(name),
          res.rule + "; no rule knows '" + name + "': kept as its own label");
    }
    return new CultureDecision(raw, Optional.empty(), Outcome.UNKNOWN, List.of(),
        res.rule + (name.isEmpty() ? "" : "; no rule knows '" + name + "'"));
  }

  /** A whole value: its components (several cultures for one object). */
  private Res value(String text) {
    Res whole = exact(text);
    if (whole != null) {
      return whole;
    }
    List<String> components = split(text, COMPONENT_SEPARATORS);
    if (components.size() == 1) {
      return component(components.get(0));
    }
    Set<String> labels = new LinkedHashSet<>();
    List<String> why = new ArrayList<>();
    boolean ambiguous = false;
    boolean none = false;
    Res firstUnknown = null;
    for (String c : components) {
      Res r = component(c);
      why.add("'" + c + "': " + r.rule);
      switch (r.kind) {
        case LABEL -> labels.addAll(r.labels);
        case AMBIGUOUS -> {
          ambiguous = true;
          labels.addAll(r.labels);
        }
        case NONE -> none = true;
        case UNKNOWN -> firstUnknown = firstUnknown == null ? r : firstUnknown;
        default -> { }
      }
    }
    String rule = "several parts: " + String.join(" | ", why);
    if (ambiguous || labels.size() > 1) {
      return new Res(Kind.AMBIGUOUS, List.copyOf(labels),
          "", rule + "; " + (labels.size() > 1 ? "different cultures " + labels : "an ambiguous part"));
    }
    if (labels.size() == 1) {
      return Res.label(labels.iterator().next(), rule);
    }
    if (none) {
      return Res.of(Kind.NONE, rule);
    }
    return firstUnknown == null ? Res.of(Kind.EMPTY, rule)
        : new Res(Kind.UNKNOWN, List.of(), "", rule);
  }

  /** One component: comma/colon parts, the first culture named wins (specific over broad). */
  private Res component(String text) {
    Res whole = exact(text);
    if (whole != null) {
      return whole;
    }
    List<String> raw = split(text, PART_SEPARATORS);
    List<String> parts = new ArrayList<>();
    for (String p : raw) {
      if (p.startsWith("or ") && !parts.isEmpty()) {
        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + p); // "A or B, or C"
      } else {
        parts.add(p);
      }
    }
    if (parts.size() == 1) {
      return alternatives(parts.get(0));
    }
    Res broad = null;
    Res firstUnknown = null;
    boolean none = false;
    for (int i = 0; i < parts.size(); i++) {
      Res r = alternatives(parts.get(i));
      String where = "part " + (i + 1) + " of " + parts.size() + " ('" + parts.get(i) + "')";
      switch (r.kind) {
        case LABEL -> {
          if (!rules.isBroad(r.first())) {
            return new Res(Kind.LABEL, r.labels, "", where + ": " + r.rule);
          }
          if (broad == null) {
            broad = new Res(Kind.LABEL, r.labels, "", where + ": " + r.rule);
          }
        }
        case AMBIGUOUS -> {
          return new Res(Kind.AMBIGUOUS, r.labels, "", where + ": " + r.rule);
        }
        case NONE -> none = true;
        case UNKNOWN -> {
          if (firstUnknown == null && i == 0) {
            firstUnknown = new Res(Kind.UNKNOWN, List.of(), r.unknown, where + ": " + r.rule);
          }
        }
        default -> { }
      }
    }
    if (broad != null) {
      return broad;
    }
    if (firstUnknown != null) {
      return firstUnknown;
    }
    return none ? Res.of(Kind.NONE, "no part names a culture") : Res.of(Kind.UNKNOWN, "no part names a culture");
  }

  /** "A or B": every alternative must name the same culture. */
  private Res alternatives(String text) {
    List<String> options = split(text, Pattern.compile(" or "));
    if (options.size() == 1) {
      return name(options.get(0));
    }
    Set<String> labels = new LinkedHashSet<>();
    boolean allLabeled = true;
    List<String> why = new ArrayList<>();
    for (String option : options) {
      Res r = name(option);
      why.add(r.rule);
      if (r.kind == Kind.LABEL || r.kind == Kind.AMBIGUOUS) {
        labels.addAll(r.labels);
      }
      if (r.kind != Kind.LABEL) {
        allLabeled = false;
      }
    }
    String rule = "alternatives: " + String.join(" | ", why);
    if (labels.isEmpty()) {
      return new Res(Kind.UNKNOWN, List.of(), "", rule + "; none names a known culture");
    }
    if (allLabeled && labels.size() == 1) {
      return Res.label(labels.iterator().next(), rule + "; they agree");
    }
    return new Res(Kind.AMBIGUOUS, List.copyOf(labels), "",
        rule + "; " + (allLabeled ? "different cultures " + labels : "not all alternatives are known"));
  }

  /** One name, with its parentheses. */
  private Res name(String text) {
    List<String> inside = new ArrayList<>();
    Matcher m = PARENS.matcher(text);
    while (m.find()) {
      inside.add((m.group(1) != null ? m.group(1) : m.group(2)).strip());
    }
    String base = clean(stripParens(text));
    if (base.isEmpty()) {
      return Res.of(Kind.EMPTY, "'" + text + "' is empty once cleaned");
    }
    Res r = lookup(base);
    if (r.kind == Kind.LABEL && rules.isBroad(r.first())) {
      for (String detail : inside) {
        if (detail.isEmpty()) {
          continue;
        }
        // "(Cheyenne, Sioux or Dakota)" lists alternatives: all of them must agree
        Res refined =
            detail.contains(" or ") ? alternatives(detail.replace(", ", " or ")) : component(detail);
        if (refined.kind == Kind.LABEL && !rules.isBroad(refined.first())) {
          return new Res(Kind.LABEL, refined.labels, "",
              "broad '" + r.first() + "' refined by '(" + detail + ")': " + refined.rule);
        }
      }
    }
    if (!base.equals(text) && r.kind != Kind.EMPTY) {
      return new Res(r.kind, r.labels, r.unknown, "'" + text + "' read as '" + base + "': " + r.rule);
    }
    return r;
  }

  /** Looks a cleaned name up: exactly, without suffix words, without region words, by pattern, by prefix. */
  private Res lookup(String name) {
    Res direct = exact(name);
    if (direct != null) {
      return direct;
    }
    String stem = stripSuffixes(name);
    if (!stem.equals(name) && !stem.isEmpty()) {
      Res r = exact(stem);
      if (r != null) {
        return new Res(r.kind, r.labels, "", "'" + name + "' without '" + name.substring(stem.length()).strip() + "': " + r.rule);
      }
    }
    String[] words = stem.split(" ");
    if (words.length > 1 && rules.regions().contains(words[0])) {
      String rest = stem.substring(words[0].length()).strip();
      Res r = lookup(rest);
      if (r.kind == Kind.LABEL) {
        return Res.label(r.first(), "region word '" + words[0] + "' dropped: " + r.rule);
      }
    }
    for (CultureRules.PatternRule p : rules.patterns()) {
      if (p.pattern().matcher(name).matches() || p.pattern().matcher(stem).matches()) {
        return Res.label(p.label(), "pattern /" + p.pattern().pattern() + "/ -> " + p.label() + " (" + p.source() + ")");
      }
    }
    for (int n = words.length - 1; n >= 1; n--) {
      String prefix = String.join(" ", java.util.Arrays.copyOfRange(words, 0, n));
      CultureRules.LabelRule rule = rules.names().get(prefix);
      if (rule != null) {
        return Res.label(rule.label(), "leading words '" + prefix + "' of '" + stem + "': name -> "
            + rule.label() + " (" + rule.source() + ")");
      }
    }
    return new Res(Kind.UNKNOWN, List.of(), stem, "'" + stem + "' matches no rule");
  }

  /** An exact name or no-culture value, or {@code null}. */
  private Res exact(String name) {
    CultureRules.LabelRule rule = rules.names().get(name);
    if (rule != null) {
      return Res.label(rule.label(), "name '" + name + "' -> " + rule.label()
          + (rule.broad() ? " (broad)" : "") + " (" + rule.source() + ")");
    }
    Optional<String> none = rules.noCulture(name);
    if (none.isPresent()) {
      return Res.of(Kind.NONE, "'" + name + "' names no culture (" + none.get() + ")");
    }
    return null;
  }

  /** Drops strip patterns, qualifiers, question marks and stray punctuation. */
  private String clean(String text) {
    String s = text;
    for (Pattern strip : rules.strips()) {
      s = strip.matcher(s).replaceAll(" ");
    }
    for (String q : rules.qualifiers()) {
      s = s.replaceAll("(^|\\s)" + Pattern.quote(q) + "(?=\\s|$)", " ");
    }
    s = s.replaceAll("\\s+", " ").strip();
    s = s.replaceAll("^[\\s.,;:'\"-]+|[\\s.,;:'\"-]+$", "");
    return s;
  }

  private String stripSuffixes(String name) {
    String s = name;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String suffix : rules.suffixes()) {
        if (s.endsWith(" " + suffix)) {
          s = s.substring(0, s.length() - suffix.length() - 1).strip();
          changed = true;
        }
      }
    }
    return s;
  }

  private boolean isPlace(String name) {
    for (String word : name.split(" ")) {
      if (!rules.places().contains(word) && !rules.regions().contains(word)) {
        return false;
      }
    }
    return true;
  }

  private static String stripParens(String text) {
    String s = text;
    String previous;
    do {
      previous = s;
      s = PARENS.matcher(s).replaceAll(" ");
    } while (!s.equals(previous));
    return s.replace("(", " ").replace(")", " ").replace("[", " ").replace("]", " ")
        .replaceAll("\\s+", " ").strip();
  }

  /** Splits at separators outside parentheses; drops blank pieces. */
  private static List<String> split(String text, Pattern separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    Matcher m = separator.matcher(text);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && m.region(i, text.length()).lookingAt()) {
        parts.add(text.substring(start, i).strip());
        start = m.end();
        i = m.end() - 1;
      }
    }
    parts.add(text.substring(start).strip());
    parts.removeIf(String::isEmpty);
    return parts.isEmpty() ? List.of(text) : parts;
  }

  @Override
  public String toString() {
    return "CultureNormalizer[" + rules.description() + ", ambiguous: " + ambiguity
        + ", unknown: " + (keepUnknown ? "kept" : "dropped") + "]";
  }

  /** Configures a {@link CultureNormalizer}. */
  public static final class Builder {
    private CultureRules rules = CultureRules.defaults();
    private AmbiguityPolicy ambiguity = AmbiguityPolicy.NO_LABEL;
    private boolean keepUnknown = true;

    private Builder() {}

    /** The rules (default: the built-in {@code culture-rules.txt}). */
    public Builder rules(CultureRules value) {
      this.rules = requireNonNull(value, "rules");
      return this;
    }

    /** What ambiguous values get (default {@link AmbiguityPolicy#NO_LABEL}). */
    public Builder ambiguity(AmbiguityPolicy value) {
      this.ambiguity = requireNonNull(value, "ambiguity");
      return this;
    }

    /** Whether a culture no rule knows becomes its own label (default true). */
    public Builder keepUnknown(boolean value) {
      this.keepUnknown = value;
      return this;
    }

    /** The normalizer. */
    public CultureNormalizer build() {
      return new CultureNormalizer(rules, ambiguity, keepUnknown);
    }
  }
}

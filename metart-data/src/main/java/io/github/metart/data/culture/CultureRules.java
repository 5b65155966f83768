package io.github.metart.data.culture;

import com.google.common.hash.Hashing;
import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The data {@link CultureNormalizer} works from: culture labels with their names (demonyms, country
 * names, sub-groups), broad labels, values that name no culture, and the words and patterns that
 * are dropped or matched. The built-in rules ({@link #defaults()}) are the resource {@code
 * culture-rules.txt}, whose header documents the format; {@link #parse(Path)} reads a user's file
 * and {@link #plus(CultureRules)} extends one set of rules with another (later definitions win).
 *
 * <p>Immutable. {@link #description()} names the sources and their SHA-256, so a dataset manifest
 * records exactly which rules labeled it.
 */
public final class CultureRules {

  /** The resource holding the built-in rules. */
  public static final String RESOURCE = "/io/github/metart/data/culture/culture-rules.txt";

  private static final CultureRules DEFAULTS = loadDefaults();

  /**
   * A label for a name.
   *
   * @param label the culture label, lowercase
   * @param broad whether the label is broad (a region, religion or era)
   * @param source where it was defined, e.g. {@code culture-rules.txt:57}
   */
  public record LabelRule(String label, boolean broad, String source) {}

  /**
   * A pattern that labels parts the names do not know.
   *
   * @param pattern the regular expression, matched against the whole normalized part
   * @param label the label it gives
   * @param broad whether that label is broad
   * @param source where it was defined
   */
  public record PatternRule(Pattern pattern, String label, boolean broad, String source) {}

  private final Map<String, LabelRule> names;
  private final Map<String, String> none;
  private final Set<String> broadLabels;
  private final List<String> qualifiers;
  private final Set<String> regions;
  private final Set<String> suffixes;
  private final Set<String> places;
  private final List<Pattern> strips;
  private final List<PatternRule> patterns;
  private final List<String> sources;

  private CultureRules(Builder b) {
    this.names = Collections.unmodifiableMap(new LinkedHashMap<>(b.names));
    this.none = Collections.unmodifiableMap(new LinkedHashMap<>(b.none));
    this.broadLabels = Set.copyOf(b.broadLabels);
    List<String> sortedQualifiers = new ArrayList<>(b.qualifiers);
    sortedQualifiers.sort((x, y) -> Integer.compare(y.length(), x.length())); // longest first
    this.qualifiers = List.copyOf(sortedQualifiers);
    this.regions = Set.copyOf(b.regions);
    this.suffixes = Set.copyOf(b.suffixes);
    this.places = Set.copyOf(b.places);
    this.strips = List.copyOf(b.strips);
    this.patterns = List.copyOf(b.patterns);
    this.sources = List.copyOf(b.sources);
  }

  /** The built-in rules. */
  public static CultureRules defaults() {
    return DEFAULTS;
  }

  /** Rules read from a file in the {@code culture-rules.txt} format. */
  public static CultureRules parse(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return parse(new StringReader(text), file.getFileName().toString(), sha256(text));
  }

  /**
   * Rules read from text in the {@code culture-rules.txt} format; throws {@link
   * IllegalArgumentException} naming the source and line of a malformed directive, an invalid
   * regular expression, or a name given two different labels.
   */
  public static CultureRules parse(Reader reader, String sourceName) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
      text.append(buffer, 0, n);
    }
    return parse(new StringReader(text.toString()), sourceName, sha256(text.toString()));
  }

  private static CultureRules parse(Reader reader, String sourceName, String sha) throws IOException {
    Builder b = new Builder();
    b.sources.add(sourceName + " (sha256 " + sha.substring(0, 16) + ")");
    Map<String, String> definedHere = new HashMap<>();
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String where = sourceName + ":" + number;
      int eq = trimmed.startsWith("pattern ") ? trimmed.lastIndexOf(" = ") + 1 : trimmed.indexOf('=');
      if (trimmed.startsWith("strip ") || trimmed.startsWith("strip=")) {
        b.strips.add(compile(value(trimmed, where), where));
        continue;
      }
      if (eq < 0) {
        throw new IllegalArgumentException(
            where + ": expected a directive such as 'label <label> = <name>, ...', found '"
                + trimmed + "'");
      }
      String head = trimmed.substring(0, eq).strip();
      String value = trimmed.substring(eq + 1).strip();
      if (!head.startsWith("pattern")) {
        value = value.replaceAll("\\s+#.*$", ""); // a comment after the names
      }
      String directive = head.split("\\s+", 2)[0];
      String argument = head.contains(" ") ? head.substring(directive.length()).strip() : "";
      switch (directive) {
        case "label", "broad" -> {
          String label = key(argument);
          if (label.isEmpty()) {
            throw new IllegalArgumentException(where + ": '" + directive + "' needs a label");
          }
          boolean broad = directive.equals("broad");
          if (broad) {
            b.broadLabels.add(label);
          } else {
            b.broadLabels.remove(label);
          }
          List<String> aliases = new ArrayList<>(list(value));
          aliases.add(0, label);
          for (String alias : aliases) {
            String previous = definedHere.put(alias, label);
            if (previous != null && !previous.equals(label)) {
              throw new IllegalArgumentException(
                  where + ": the name '" + alias + "' is given the label '" + label
                      + "' but has the label '" + previous + "' earlier in this file");
            }
            b.names.put(alias, new LabelRule(label, broad, where));
          }
        }
        case "none" -> list(value).forEach(n -> b.none.put(n, where));
        case "qualifier" -> b.qualifiers.addAll(list(value));
        case "region" -> b.regions.addAll(list(value));
        case "suffix" -> b.suffixes.addAll(list(value));
        case "place" -> b.places.addAll(list(value));
        case "pattern" -> {
          if (argument.isEmpty()) {
            throw new IllegalArgumentException(where + ": 'pattern' needs a regular expression");
          }
          String label = key(value);
          b.patterns.add(
              new PatternRule(compile(argument, where), label, b.broadLabels.contains(label), where));
        }
        default ->
            throw new IllegalArgumentException(
                where + ": unknown directive '" + directive
                    + "' (expected label, broad, none, qualifier, region, suffix, place, strip or"
                    + " pattern)");
      }
    }
    return new CultureRules(b);
  }

  /** These rules extended by {@code other}: its names, patterns and words are added; its definitions win. */
  public CultureRules plus(CultureRules other) {
    Builder b = new Builder();
    b.names.putAll(names);
    b.names.putAll(other.names);
    b.none.putAll(none);
    b.none.putAll(other.none);
    for (String n : other.names.keySet()) {
      b.none.remove(n);
    }
    b.broadLabels.addAll(broadLabels);
    for (LabelRule rule : other.names.values()) {
      if (rule.broad()) {
        b.broadLabels.add(rule.label());
      } else {
        b.broadLabels.remove(rule.label());
      }
    }
    b.qualifiers.addAll(qualifiers);
    b.qualifiers.addAll(other.qualifiers);
    b.regions.addAll(regions);
    b.regions.addAll(other.regions);
    b.suffixes.addAll(suffixes);
    b.suffixes.addAll(other.suffixes);
    b.places.addAll(places);
    b.places.addAll(other.places);
    b.strips.addAll(strips);
    b.strips.addAll(other.strips);
    b.patterns.addAll(other.patterns); // the extension's patterns are tried first
    b.patterns.addAll(patterns);
    b.sources.addAll(sources);
    b.sources.addAll(other.sources);
    return new CultureRules(b);
  }

  /** The label rule of an exact (normalized) name. */
  public Optional<LabelRule> lookup(String name) {
    return Optional.ofNullable(names.get(key(name)));
  }

  /** Where a value that names no culture is defined, when {@code name} is one. */
  public Optional<String> noCulture(String name) {
    return Optional.ofNullable(none.get(key(name)));
  }

  /** Whether a label is broad (a region, religion or era rather than one culture). */
  public boolean isBroad(String label) {
    return broadLabels.contains(label);
  }

  /** The broad labels. */
  public Set<String> broadLabels() {
    return broadLabels;
  }

  /** Every label these rules can give, sorted. */
  public Set<String> labels() {
    Set<String> labels = new java.util.TreeSet<>();
    names.values().forEach(r -> labels.add(r.label()));
    patterns.forEach(p -> labels.add(p.label()));
    return Collections.unmodifiableSet(labels);
  }

  /** The sources of these rules with their SHA-256, e.g. {@code culture-rules.txt (sha256 ...)}. */
  public String description() {
    return String.join(" + ", sources);
  }

  List<String> qualifiers() {
    return qualifiers;
  }

  Set<String> regions() {
    return regions;
  }

  Set<String> suffixes() {
    return suffixes;
  }

  Set<String> places() {
    return places;
  }

  List<Pattern> strips() {
    return strips;
  }

  List<PatternRule> patterns() {
    return patterns;
  }

  Map<String, LabelRule> names() {
    return names;
  }

  /**
   * The normalized form names are matched in: {@code _x000D_} removed, accents folded, lowercase,
   * curly apostrophes as {@code '}, dashes as {@code -}, single spaces.
   */
  public static String key(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("_x000D_", " ");
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    s = s.toLowerCase(Locale.ROOT)
        .replaceAll("[\\u2018\\u2019\\u02BC\\u00B4`]", "'")
        .replaceAll("[\\u2010-\\u2015\\u2212]", "-")
        .replaceAll("\\s+", " ");
    return s.strip();
  }

  @Override
  public String toString() {
    return "CultureRules[" + description() + ", " + names.size() + " names]";
  }

  private static List<String> list(String value) {
    List<String> out = new ArrayList<>();
    for (String item : value.split(",")) {
      String k = key(item);
      if (!k.isEmpty()) {
        out.add(k);
      }
    }
    return out;
  }

  private static String value(String line, String where) {
    int eq = line.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException(where + ": expected 'strip = <regex>'");
    }
    return line.substring(eq + 1).strip();
  }

  private static Pattern compile(String regex, String where) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          where + ": invalid regular expression '" + regex + "': " + e.getDescription(), e);
    }
  }

  private static String sha256(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
  }

  private static CultureRules loadDefaults() {
    try (InputStream in = CultureRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing from the jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse(new StringReader(text), "culture-rules.txt", sha256(text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static final class Builder {
    final Map<String, LabelRule> names = new LinkedHashMap<>();
    final Map<String, String> none = new LinkedHashMap<>();
    final Set<String> broadLabels = new LinkedHashSet<>();
    final List<String> qualifiers = new ArrayList<>();
    final Set<String> regions = new LinkedHashSet<>();
    final Set<String> suffixes = new LinkedHashSet<>();
    final Set<String> places = new LinkedHashSet<>();
    final List<Pattern> strips = new ArrayList<>();
    final List<PatternRule> patterns = new ArrayList<>();
    final List<String> sources = new ArrayList<>();

    Builder() {
      requireNonNull(names);
    }
  }
}

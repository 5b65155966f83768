package io.github.metart.data.dates;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A table of named periods and their intervals ("archaic": -700..-480, "new kingdom":
 * -1550..-1070, "late minoan i": -1600..-1450), looked up by label or alias. The built-in table
 * ({@link #defaults()}) is the resource {@code period-timeline.tsv}; {@link #parse(Path)} reads a
 * user's table in the same format and {@link #plus(PeriodTimeline)} extends one with another.
 */
public final class PeriodTimeline {

  /** The resource holding the built-in table. */
  public static final String RESOURCE = "/io/github/metart/data/dates/period-timeline.tsv";

  private static final PeriodTimeline DEFAULTS = loadDefaults();

  /**
   * One named period.
   *
   * @param label the period's canonical lowercase name
   * @param years its interval
   * @param aliases other names it goes by (normalized)
   * @param source where it was defined, e.g. {@code period-timeline.tsv:42}
   */
  public record Entry(String label, YearRange years, List<String> aliases, String source) {

    /** Copies the aliases. */
    public Entry {
      aliases = List.copyOf(aliases);
    }
  }

  private final Map<String, Entry> byName;
  private final List<Entry> entries;

  private PeriodTimeline(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    Map<String, Entry> map = new LinkedHashMap<>();
    for (Entry entry : entries) {
      map.put(key(entry.label()), entry);
      for (String alias : entry.aliases()) {
        map.put(key(alias), entry);
      }
    }
    this.byName = Collections.unmodifiableMap(map);
  }

  /** The built-in timeline. */
  public static PeriodTimeline defaults() {
    return DEFAULTS;
  }

  /** A timeline read from a file in the {@code period-timeline.tsv} format. */
  public static PeriodTimeline parse(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.getFileName().toString());
    }
  }

  /**
   * A timeline read from text: one period per line, tab-separated {@code label, begin, end[,
   * aliases[, note]]}; {@code #} starts a comment line. Throws {@link IllegalArgumentException}
   * naming the source and line of a malformed entry.
   */
  public static PeriodTimeline parse(Reader reader, String sourceName) throws IOException {
    List<Entry> entries = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      String where = sourceName + ":" + number;
      checkArgument(
          fields.length >= 3,
          "%s: expected label<TAB>begin<TAB>end[<TAB>aliases[<TAB>note]], found '%s'",
          where,
          line);
      int begin;
      int end;
      try {
        begin = Integer.parseInt(fields[1].strip());
        end = Integer.parseInt(fields[2].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + ": begin and end must be integer years", e);
      }
      checkArgument(begin <= end, "%s: begin %s is after end %s", where, begin, end);
      String label = key(fields[0]);
      checkArgument(!label.isEmpty(), "%s: empty label", where);
      List<String> aliases = new ArrayList<>();
      if (fields.length > 3) {
        for (String alias : fields[3].split(",")) {
          if (!alias.isBlank()) {
            aliases.add(key(alias));
          }
        }
      }
      entries.add(new Entry(label, new YearRange(begin, end), aliases, where));
    }
    return new PeriodTimeline(entries);
  }

  /** This timeline extended by {@code other}; where both name a period, {@code other} wins. */
  public PeriodTimeline plus(PeriodTimeline other) {
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(other.entries);
    return new PeriodTimeline(all);
  }

  /** The period with this label or alias (normalized as the table's keys are). */
  public Optional<Entry> lookup(String name) {
    return Optional.ofNullable(byName.get(key(name)));
  }

  /** All entries, in the order they were defined. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The normalized form names are matched in: lowercase, accents folded, dashes as {@code -},
   * single spaces.
   */
  static String key(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return folded
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\u2010-\\u2015\\u2212]", "-")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static PeriodTimeline loadDefaults() {
    try (InputStream in = PeriodTimeline.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing from the jar");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "period-timeline.tsv");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}

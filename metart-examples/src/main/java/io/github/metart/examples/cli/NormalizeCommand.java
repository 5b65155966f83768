package io.github.metart.examples.cli;

import io.github.metart.data.culture.AmbiguityPolicy;
import io.github.metart.data.culture.CultureDecision;
import io.github.metart.data.culture.CultureNormalizer;
import io.github.metart.data.culture.CultureRules;
import io.github.metart.data.dates.ObjectDates;
import io.github.metart.data.dates.Period;
import io.github.metart.data.dates.PeriodNormalizer;
import io.github.metart.data.dates.PeriodTimeline;
import io.github.metart.data.dates.YearRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code metart normalize culture|date|period}: reads raw values, one per line (stdin, or {@code
 * --in FILE}), and writes one line per input line, in order, the raw text echoed unchanged:
 * {@code raw<TAB>label} for cultures, {@code raw<TAB>begin<TAB>end} for dates and periods (years,
 * B.C. negative); the result fields are empty when there is none.
 */
@Command(
    name = "normalize",
    header = "Normalize raw Culture, Object Date or Period values from stdin.",
    mixinStandardHelpOptions = true,
    description = {
      "Normalize raw Met values read one per line from stdin (UTF-8).",
      "  culture: raw<TAB>label   (label empty when none: ambiguous, unknown, blank)",
      "  date:    raw<TAB>begin<TAB>end   (years, B.C. negative; both empty when unparseable)",
      "  period:  raw<TAB>begin<TAB>end   (both empty when unknown)",
      "The raw text is echoed unchanged, one output line per input line, in input order."
    })
final class NormalizeCommand implements Callable<Integer> {

  /** What to normalize. */
  enum Kind {
    culture,
    date,
    period
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "culture|date|period", description = "What the lines hold.")
  Kind kind;

  @Option(names = "--in", paramLabel = "FILE", description = "Read the values from FILE instead of stdin.")
  Path in;

  @Option(
      names = "--explain",
      description = "Add a last column saying which rule fired (or why there is no result).")
  boolean explain;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "culture: extend the built-in culture rules with FILE (culture-rules.txt format).")
  Path rules;

  @Option(names = "--replace-rules", description = "culture: use --rules FILE instead of the built-in rules.")
  boolean replaceRules;

  @Option(
      names = "--ambiguity",
      paramLabel = "POLICY",
      defaultValue = "no-label",
      description = "culture: no-label (default) or first: what values naming several cultures get.")
  String ambiguity;

  @Option(names = "--drop-unknown", description = "culture: no label for cultures no rule knows (default: kept as their own label).")
  boolean dropUnknown;

  @Option(
      names = "--timeline",
      paramLabel = "FILE",
      description = "period: extend the built-in period timeline with FILE (period-timeline.tsv format).")
  Path timeline;

  @Override
  public Integer call() throws IOException {
    if (kind != Kind.culture && (rules != null || replaceRules || dropUnknown)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--rules, --replace-rules and --drop-unknown apply to 'normalize culture' only");
    }
    if (kind != Kind.period && timeline != null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--timeline applies to 'normalize period' only");
    }
    if (replaceRules && rules == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--replace-rules needs --rules FILE");
    }
    AmbiguityPolicy policy = CliOptions.parse(spec, "--ambiguity", AmbiguityPolicy.class, ambiguity);
    Normalizer normalizer = normalizer(policy);
    PrintWriter out = spec.commandLine().getOut();
    try (Utf8Lines reader = open()) {
      StringBuilder line = new StringBuilder();
      for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
        line.setLength(0);
        line.append(raw).append('\t');
        normalizer.append(raw, line);
        line.append('\n');
        out.print(line);
      }
    } finally {
      out.flush(); // the lines before a bad one are written
    }
    return 0;
  }

  private Utf8Lines open() throws IOException {
    if (in == null) {
      return new Utf8Lines(System.in, "<stdin>");
    }
    return new Utf8Lines(Files.newInputStream(CliOptions.existingFile(in)), in.toString());
  }

  /** Appends the result columns of one raw value. */
  private interface Normalizer {
    void append(String raw, StringBuilder line);
  }

  private Normalizer normalizer(AmbiguityPolicy policy) throws IOException {
    switch (kind) {
      case culture -> {
        CultureRules ruleSet = CultureRules.defaults();
        if (rules != null) {
          CultureRules mine = CultureRules.parse(CliOptions.existingFile(rules));
          ruleSet = replaceRules ? mine : ruleSet.plus(mine);
        }
        CultureNormalizer cultures =
            CultureNormalizer.builder().rules(ruleSet).ambiguity(policy).keepUnknown(!dropUnknown).build();
        return (raw, line) -> {
          CultureDecision d = cultures.explain(raw);
          line.append(d.label().orElse(""));
          if (explain) {
            line.append('\t').append(CliOptions.id(d.outcome())).append(": ").append(d.rule());
          }
        };
      }
      case date -> {
        return (raw, line) -> {
          Optional<YearRange> r = ObjectDates.parse(raw);
          years(r, line);
          if (explain) {
            line.append('\t').append(r.isPresent() ? "parsed" : "unparseable");
          }
        };
      }
      case period -> {
        PeriodNormalizer periods =
            timeline == null
                ? PeriodNormalizer.defaults()
                : PeriodNormalizer.of(PeriodTimeline.defaults().plus(PeriodTimeline.parse(CliOptions.existingFile(timeline))));
        return (raw, line) -> {
          Optional<Period> p = periods.normalize(raw);
          years(p.map(Period::years), line);
          if (explain) {
            line.append('\t').append(p.map(x -> x.label() + ": " + x.rule()).orElse("unknown"));
          }
        };
      }
      default -> throw new IllegalStateException(kind.toString());
    }
  }

  private static void years(Optional<YearRange> range, StringBuilder line) {
    if (range.isPresent()) {
      line.append(range.get().begin()).append('\t').append(range.get().end());
    } else {
      line.append('\t');
    }
  }
}

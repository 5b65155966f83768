package io.github.metart.examples.doctor;

import java.util.List;
import java.util.Locale;

/**
 * All results of a doctor run, printable as aligned lines with a fix under every problem.
 *
 * @param results the results in the order the checks ran
 */
public record DoctorReport(List<CheckResult> results) {

  /** Copies the results. */
  public DoctorReport {
    results = List.copyOf(results);
  }

  /** How many results have the given status. */
  public long count(CheckStatus status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /** Whether any check failed. */
  public boolean failed() {
    return count(CheckStatus.FAIL) > 0;
  }

  /** The names of the failed checks. */
  public List<String> failures() {
    return results.stream().filter(r -> r.status() == CheckStatus.FAIL).map(CheckResult::name).toList();
  }

  /** The report as text: one line per result, an indented {@code fix:} line under each problem. */
  public String format() {
    int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(0);
    StringBuilder text = new StringBuilder();
    for (CheckResult r : results) {
      text.append(String.format(Locale.ROOT, "%-5s %-" + width + "s  %s%n", r.status(), r.name(), r.detail()));
      if (r.status() != CheckStatus.OK) {
        text.append(" ".repeat(6 + width + 2)).append("fix: ").append(r.fix()).append(System.lineSeparator());
      }
    }
    text.append(
        String.format(
            Locale.ROOT,
            "doctor: %d checks: %d OK, %d WARN, %d FAIL%n",
            results.size(),
            count(CheckStatus.OK),
            count(CheckStatus.WARN),
            count(CheckStatus.FAIL)));
    return text.toString();
  }
}

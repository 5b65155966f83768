package io.github.metart.examples.doctor;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * One line of the doctor's report.
 *
 * @param name what was checked, e.g. {@code java}
 * @param status the outcome
 * @param detail what was found
 * @param fix what to do about it; empty for {@link CheckStatus#OK}, required otherwise
 */
record CheckResult(String name, CheckStatus status, String detail, String fix) {

  /** Validates that every problem comes with a fix. */
  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(fix, "fix");
    checkArgument(
        status == CheckStatus.OK || !fix.isBlank(),
        "a %s result needs a fix (check '%s': %s)",
        status,
        name,
        detail);
  }

  /** A passed check. */
  public static CheckResult ok(String name, String detail) {
    return new CheckResult(name, CheckStatus.OK, detail, "");
  }

  /** A check that passed with a caveat, and what to do about it. */
  public static CheckResult warn(String name, String detail, String fix) {
    return new CheckResult(name, CheckStatus.WARN, detail, fix);
  }

  /** A failed check, and how to fix it. */
  public static CheckResult fail(String name, String detail, String fix) {
    return new CheckResult(name, CheckStatus.FAIL, detail, fix);
  }
}

package io.github.metart.examples.doctor;

import java.util.List;

/** One pre-flight check; it reports one or more results and never throws. */
@FunctionalInterface
interface PreflightCheck {

  /** Runs the check. */
  List<CheckResult> run();
}

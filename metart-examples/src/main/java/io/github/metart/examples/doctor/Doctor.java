package io.github.metart.examples.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs pre-flight checks and collects their results; a check that crashes counts as failed. */
public final class Doctor {

  private Doctor() {}

  /**
   * The standard checks, in report order.
   *
   * @param directory where metart will write (disk space, writability)
   * @param data a prepared data folder to inspect, if any
   */
  public static List<PreflightCheck> standardChecks(Path directory, Optional<Path> data) {
    List<PreflightCheck> checks = new ArrayList<>();
    checks.add(JavaVersionCheck.ofRunningJvm());
    checks.add(EngineCheck.ofRunningJvm());
    checks.add(CpuCheck.ofRunningJvm());
    checks.add(GpuCheck.ofRunningJvm());
    checks.add(new DiskSpaceCheck(directory));
    checks.add(DjlCacheCheck.ofRunningJvm());
    checks.add(new ChartsCheck());
    checks.add(new OutputDirectoryCheck(directory));
    data.ifPresent(dir -> checks.add(new PreparedDataCheck(dir)));
    return checks;
  }

  /** Runs the checks in order. */
  public static DoctorReport run(List<PreflightCheck> checks) {
    List<CheckResult> results = new ArrayList<>();
    for (PreflightCheck check : checks) {
      try {
        results.addAll(check.run());
      } catch (RuntimeException | LinkageError e) {
        String name = check.getClass().getSimpleName().replace("Check", "").toLowerCase(java.util.Locale.ROOT);
        results.add(
            CheckResult.fail(
                name.isEmpty() ? "check" : name,
                "the check itself failed: " + e,
                "report this with the output of ./metart --verbose doctor"));
      }
    }
    return new DoctorReport(results);
  }
}

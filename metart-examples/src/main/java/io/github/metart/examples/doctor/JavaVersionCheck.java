package io.github.metart.examples.doctor;

import java.util.List;

/** Java 17 or newer, and the JDK tools that notebooks and the build need (javac, jshell). */
final class JavaVersionCheck implements PreflightCheck {

  /** The oldest Java release metart runs on. */
  public static final int MINIMUM_FEATURE_RELEASE = 17;

  private final Runtime.Version version;
  private final String vendor;
  private final boolean hasCompiler;
  private final boolean hasJShell;

  /**
   * A check of the given runtime.
   *
   * @param version the Java version
   * @param vendor the Java vendor, for the report
   * @param hasCompiler whether the JDK's compiler is available
   * @param hasJShell whether the {@code jdk.jshell} module is available
   */
  public JavaVersionCheck(Runtime.Version version, String vendor, boolean hasCompiler, boolean hasJShell) {
    this.version = version;
    this.vendor = vendor;
    this.hasCompiler = hasCompiler;
    this.hasJShell = hasJShell;
  }

  /** A check of the running JVM. */
  public static JavaVersionCheck ofRunningJvm() {
    return new JavaVersionCheck(
        Runtime.version(),
        System.getProperty("java.vendor", "unknown vendor"),
        javax.tools.ToolProvider.getSystemJavaCompiler() != null,
        ModuleLayer.boot().findModule("jdk.jshell").isPresent());
  }

  @Override
  public List<CheckResult> run() {
    CheckResult java;
    String found = "Java " + version + " (" + vendor + ")";
    if (version.feature() < MINIMUM_FEATURE_RELEASE) {
      java =
          CheckResult.fail(
              "java",
              found + ", but metart needs " + MINIMUM_FEATURE_RELEASE + " or newer",
              "install a JDK 17 or newer (Debian/Ubuntu: apt-get install openjdk-17-jdk) and point"
                  + " JAVA_HOME at it");
    } else {
      java = CheckResult.ok("java", found + ", " + MINIMUM_FEATURE_RELEASE + " or newer needed");
    }
    CheckResult tools;
    if (hasCompiler && hasJShell) {
      tools = CheckResult.ok("jdk tools", "javac and jshell available (build, notebooks)");
    } else {
      String missing = !hasCompiler && !hasJShell ? "javac and jshell" : !hasCompiler ? "javac" : "jshell";
      tools =
          CheckResult.warn(
              "jdk tools",
              "this is a JRE without " + missing + ": ./mvnw and the JShell notebooks need a full JDK",
              "install a full JDK 17+ (Debian/Ubuntu: apt-get install openjdk-17-jdk), not a JRE");
    }
    return List.of(java, tools);
  }
}

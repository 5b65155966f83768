package io.github.metart.data.provenance;

/**
 * The version of metart and of the Java runtime, recorded in every manifest, history and checkpoint
 * so that a result says what produced it.
 *
 * @param metart the metart version from the jar manifest, {@code dev} when run from classes
 * @param java the Java runtime version, e.g. {@code 17.0.15+6}
 */
public record LibraryVersion(String metart, String java) {

  /** The versions of the running library and JVM. */
  public static LibraryVersion current() {
    String version = LibraryVersion.class.getPackage().getImplementationVersion();
    return new LibraryVersion(version == null ? "dev" : version, Runtime.version().toString());
  }
}

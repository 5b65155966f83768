package io.github.metart.examples.cli;

import io.github.metart.data.provenance.LibraryVersion;
import picocli.CommandLine.IVersionProvider;

/** Reports the metart and Java versions for {@code metart --version}. */
final class MetartVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    LibraryVersion version = LibraryVersion.current();
    return new String[] {
      "metart " + version.metart(),
      "Java " + version.java() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}

package io.github.metart.examples.cli;

/**
 * DJL settings the command line applies before any engine starts: offline by default, so that
 * nothing is ever downloaded unless the user asks for it with {@code METART_ALLOW_DOWNLOADS=1}
 * (needed once for the CUDA build of PyTorch, see the README's GPU notes).
 */
final class DjlDefaults {

  static final String OFFLINE_PROPERTY = "ai.djl.offline";
  static final String ALLOW_DOWNLOADS_ENV = "METART_ALLOW_DOWNLOADS";

  private DjlDefaults() {}

  /** Sets {@code ai.djl.offline=true} unless the user set it or allowed downloads. */
  static void applyOffline() {
    if (System.getProperty(OFFLINE_PROPERTY) != null) {
      return;
    }
    boolean allowDownloads = "1".equals(System.getenv(ALLOW_DOWNLOADS_ENV));
    System.setProperty(OFFLINE_PROPERTY, Boolean.toString(!allowDownloads));
  }
}

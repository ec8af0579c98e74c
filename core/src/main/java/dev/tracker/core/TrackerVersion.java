package dev.tracker.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The build's version and the HTTP API's version. A CLI and a daemon talk when their API versions
 * match; the build version decides which of the two is newer.
 */
public final class TrackerVersion {
  public static final int API_VERSION = 1;
  public static final String VERSION = load();

  private TrackerVersion() {}

  /** Set by the launcher from the distribution's {@code lib/version}: no jar has to be read. */
  public static final String PROPERTY = "tracker.version";

  private static String load() {
    // Reading version.properties opens a jar the class-data archive otherwise spares the CLI from
    // opening: about a tenth of its start-up.
    String fromLauncher = System.getProperty(PROPERTY);
    if (fromLauncher != null && !fromLauncher.isBlank()) {
      return fromLauncher;
    }
    Properties properties = new Properties();
    try (InputStream in = TrackerVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}

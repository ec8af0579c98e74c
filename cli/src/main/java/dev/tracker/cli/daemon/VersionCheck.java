package dev.tracker.cli.daemon;

import dev.tracker.cli.CliException;
import dev.tracker.cli.json.JsonObject;

/**
 * What to do with the daemon that answered first: an older one is replaced (when the CLI may start
 * daemons), a newer one with the same API is used with a warning, and one with another API version
 * is refused, since neither side could be sure of understanding the other.
 */
public final class VersionCheck {
  private final String cliVersion;
  private final int apiVersion;

  public VersionCheck(String cliVersion, int apiVersion) {
    this.cliVersion = cliVersion;
    this.apiVersion = apiVersion;
  }

  /**
   * Returns the health of the daemon to use: {@code health}'s, or that of its replacement.
   *
   * @param mayRestart whether this CLI may stop an older daemon and start its replacement
   */
  public JsonObject settle(
      JsonObject health, DaemonControl control, boolean mayRestart, Messages m) {
    String daemonVersion = health.string("version", "unknown");
    if (isOlder(daemonVersion) && mayRestart) {
      m.warn(
          "the daemon runs version "
              + daemonVersion
              + ", older than this tracker ("
              + cliVersion
              + "); restarting it");
      control.stop(health);
      JsonObject replacement = control.startAndWait();
      String newVersion = replacement.string("version", "unknown");
      if (isOlder(newVersion)) {
        m.warn(
            "the restarted daemon still runs version "
                + newVersion
                + "; the tracker-daemon it starts is older than this tracker");
      }
      requireSameApi(replacement);
      return replacement;
    }
    requireSameApi(health);
    if (isOlder(daemonVersion)) {
      m.warn(
          "the daemon runs version "
              + daemonVersion
              + ", older than this tracker ("
              + cliVersion
              + "); restart it with 'tracker daemon restart'");
    } else if (isNewer(daemonVersion)) {
      m.warn(
          "the daemon runs version "
              + daemonVersion
              + ", newer than this tracker ("
              + cliVersion
              + "); using it, since both speak API v"
              + apiVersion);
    }
    return health;
  }

  private void requireSameApi(JsonObject health) {
    long daemonApi = health.number("apiVersion", -1);
    if (daemonApi != apiVersion) {
      throw CliException.unavailable(
          "the daemon (version "
              + health.string("version", "unknown")
              + ") speaks API v"
              + daemonApi
              + " but this tracker ("
              + cliVersion
              + ") speaks API v"
              + apiVersion,
          "use a tracker of the daemon's version, or stop the daemon with 'tracker daemon stop'");
    }
  }

  private boolean isOlder(String daemonVersion) {
    return known(daemonVersion) && Versions.compare(daemonVersion, cliVersion) < 0;
  }

  private boolean isNewer(String daemonVersion) {
    return known(daemonVersion) && Versions.compare(daemonVersion, cliVersion) > 0;
  }

  private boolean known(String daemonVersion) {
    return !Versions.unknown(daemonVersion) && !Versions.unknown(cliVersion);
  }
}

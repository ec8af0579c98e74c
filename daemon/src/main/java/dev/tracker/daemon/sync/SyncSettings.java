package dev.tracker.daemon.sync;

import java.time.Duration;

/**
 * How the sync loop runs: whether at all, how often it looks at every project ({@code interval}),
 * how soon after a write it exports ({@code debounce}, under a second so that the file follows the
 * database closely without a write per keystroke), and whether it commits the file to git.
 */
public record SyncSettings(
    boolean enabled, Duration interval, Duration debounce, boolean gitCommit) {
  public static final SyncSettings DEFAULTS =
      new SyncSettings(true, Duration.ofSeconds(5), Duration.ofMillis(300), false);
  public static final SyncSettings DISABLED =
      new SyncSettings(false, Duration.ofSeconds(5), Duration.ofMillis(300), false);

  public SyncSettings {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("sync interval must be positive: " + interval);
    }
    if (debounce.isNegative() || debounce.compareTo(Duration.ofSeconds(1)) >= 0) {
      throw new IllegalArgumentException("sync debounce must be under one second: " + debounce);
    }
  }

  public SyncSettings withGitCommit(boolean commit) {
    return new SyncSettings(enabled, interval, debounce, commit);
  }

  public SyncSettings withInterval(Duration value) {
    return new SyncSettings(enabled, value, debounce, gitCommit);
  }
}

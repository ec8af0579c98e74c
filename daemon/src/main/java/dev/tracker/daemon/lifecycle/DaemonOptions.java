package dev.tracker.daemon.lifecycle;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.http.HttpSettings;
import dev.tracker.daemon.sync.SyncSettings;
import java.time.Duration;

/**
 * What a daemon needs to start: where its files live, how it listens, how it syncs, and when an
 * idle on-demand daemon stops by itself ({@link Duration#ZERO}: never).
 */
public record DaemonOptions(
    RuntimePaths paths, HttpSettings http, SyncSettings sync, Duration idleTimeout) {
  public static DaemonOptions defaults(RuntimePaths paths) {
    return new DaemonOptions(
        paths, HttpSettings.defaults(paths.socket()), SyncSettings.DEFAULTS, Duration.ZERO);
  }

  public DaemonOptions withSync(SyncSettings value) {
    return new DaemonOptions(paths, http, value, idleTimeout);
  }

  public DaemonOptions withHttp(HttpSettings value) {
    return new DaemonOptions(paths, value, sync, idleTimeout);
  }

  public DaemonOptions withIdleTimeout(Duration value) {
    return new DaemonOptions(paths, http, sync, value);
  }
}

package dev.tracker.daemon.lifecycle;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.http.HttpSettings;
import dev.tracker.daemon.sync.SyncSettings;
import java.time.Duration;

/**
 * What a daemon needs to start: where its files live, how it listens, how it syncs, and when an
 * idle on-demand daemon stops by itself ({@link Duration#ZERO}: never).
 *
 * @param socketActivated the listening socket is inherited as standard input (systemd's socket
 *     activation): the daemon serves it instead of binding one, and never removes its file
 */
public record DaemonOptions(
    RuntimePaths paths,
    HttpSettings http,
    SyncSettings sync,
    Duration idleTimeout,
    boolean socketActivated) {
  public static DaemonOptions defaults(RuntimePaths paths) {
    return new DaemonOptions(
        paths, HttpSettings.defaults(paths.socket()), SyncSettings.DEFAULTS, Duration.ZERO, false);
  }

  public DaemonOptions withSync(SyncSettings value) {
    return new DaemonOptions(paths, http, value, idleTimeout, socketActivated);
  }

  public DaemonOptions withHttp(HttpSettings value) {
    return new DaemonOptions(paths, value, sync, idleTimeout, socketActivated);
  }

  public DaemonOptions withIdleTimeout(Duration value) {
    return new DaemonOptions(paths, http, sync, value, socketActivated);
  }

  public DaemonOptions withSocketActivation(boolean value) {
    return new DaemonOptions(paths, http, sync, idleTimeout, value);
  }
}

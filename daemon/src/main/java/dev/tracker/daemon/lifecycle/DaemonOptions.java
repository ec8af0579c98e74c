package dev.tracker.daemon.lifecycle;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.http.HttpSettings;
import java.time.Duration;

/**
 * What a daemon needs to start: where its files live, how it listens, and when an idle on-demand
 * daemon stops by itself ({@link Duration#ZERO}: never).
 */
public record DaemonOptions(RuntimePaths paths, HttpSettings http, Duration idleTimeout) {
  public static DaemonOptions defaults(RuntimePaths paths) {
    return new DaemonOptions(paths, HttpSettings.defaults(paths.socket()), Duration.ZERO);
  }
}

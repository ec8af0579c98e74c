package dev.tracker.it.harness;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.lifecycle.Daemon;
import java.nio.file.Path;

/** A test's daemon: its home, its paths, and the daemon itself. */
public final class TestDaemon implements AutoCloseable {
  private final Path home;
  private final RuntimePaths paths;
  private final Daemon daemon;
  private Api api;

  TestDaemon(Path home, RuntimePaths paths, Daemon daemon) {
    this.home = home;
    this.paths = paths;
    this.daemon = daemon;
  }

  public Path home() {
    return home;
  }

  public RuntimePaths paths() {
    return paths;
  }

  public Daemon daemon() {
    return daemon;
  }

  /** The test's client, created on first use and closed with the daemon. */
  public Api api() {
    if (api == null) {
      api = new Api(paths.socket());
    }
    return api;
  }

  /** Closes the client first (it is the daemon's peer), then the daemon. */
  @Override
  public void close() {
    if (api != null) {
      api.close();
    }
    daemon.close();
  }
}

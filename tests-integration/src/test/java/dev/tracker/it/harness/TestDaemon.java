package dev.tracker.it.harness;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.lifecycle.Daemon;
import java.nio.file.Path;

/** A test's daemon: its home, its paths, and the daemon itself. */
public final class TestDaemon implements AutoCloseable {
  private final Path home;
  private final RuntimePaths paths;
  private final Daemon daemon;

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

  @Override
  public void close() {
    daemon.close();
  }
}

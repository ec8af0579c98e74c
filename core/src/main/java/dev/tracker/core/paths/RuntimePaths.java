package dev.tracker.core.paths;

import java.nio.file.Path;

/**
 * Where the daemon and the CLI keep their files. Resolve it with {@link RuntimePathResolver}; every
 * directory can be overridden by a flag or an environment variable.
 *
 * @param socketFallback true when the requested socket path was too long and {@link #socket()} is
 *     the short hashed replacement; the daemon logs it.
 */
public record RuntimePaths(
    Path dataDir,
    Path runtimeDir,
    Path stateDir,
    Path configDir,
    Path socket,
    boolean socketFallback) {

  public Path database() {
    return dataDir.resolve("tracker.db");
  }

  public Path lockFile() {
    return runtimeDir.resolve("daemon.lock");
  }

  public Path pidFile() {
    return runtimeDir.resolve("daemon.pid");
  }

  /** The bearer token of the optional loopback TCP listener (mode 0600, new at every start). */
  public Path tokenFile() {
    return runtimeDir.resolve("daemon.token");
  }

  /** {@code 127.0.0.1:<port>} of the optional loopback TCP listener, while it listens. */
  public Path tcpFile() {
    return runtimeDir.resolve("daemon.tcp");
  }

  public Path logFile() {
    return stateDir.resolve("daemon.log");
  }

  public Path configFile() {
    return configDir.resolve("config.toml");
  }
}

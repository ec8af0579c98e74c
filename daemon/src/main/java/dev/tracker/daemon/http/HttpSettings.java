package dev.tracker.daemon.http;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the API listens. The Unix socket is always on; {@code tcpPort} (0 = off) adds a loopback TCP
 * listener for systems without Unix sockets.
 *
 * @param maxThreads the bound of the {@code tracker-http} pool; requests beyond it queue
 * @param maxConnections connections beyond this wait in the accept queue instead of being served
 * @param idleTimeout an idle connection is closed after this
 * @param stopTimeout how long a graceful stop waits for in-flight requests
 */
public record HttpSettings(
    Path socket,
    int tcpPort,
    int maxThreads,
    int maxConnections,
    long maxBodyBytes,
    Duration idleTimeout,
    Duration stopTimeout) {

  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  public static HttpSettings defaults(Path socket) {
    return new HttpSettings(
        socket, 0, 16, 128, DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(30), Duration.ofSeconds(5));
  }
}

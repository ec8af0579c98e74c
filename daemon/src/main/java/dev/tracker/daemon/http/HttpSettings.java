package dev.tracker.daemon.http;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the API listens. The Unix socket is always on; {@code tcpPort} adds a loopback TCP listener
 * for systems without Unix sockets: {@link #TCP_OFF} for none, 0 for any free port.
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
  public static final int TCP_OFF = -1;

  public boolean tcpEnabled() {
    return tcpPort != TCP_OFF;
  }

  public HttpSettings withTcpPort(int port) {
    return new HttpSettings(
        socket, port, maxThreads, maxConnections, maxBodyBytes, idleTimeout, stopTimeout);
  }

  public static HttpSettings defaults(Path socket) {
    return new HttpSettings(
        socket,
        TCP_OFF,
        16,
        128,
        DEFAULT_MAX_BODY_BYTES,
        Duration.ofSeconds(30),
        Duration.ofSeconds(4));
  }
}

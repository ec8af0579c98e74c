package dev.tracker.daemon.http;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the API listens. The Unix socket is always on; {@code tcpPort} adds a loopback TCP listener
 * for systems without Unix sockets: {@link #TCP_OFF} for none, 0 for any free port.
 *
 * @param maxThreads the bound of the {@code tracker-http} pool; requests beyond it queue
 * @param maxConnections the most connections served at once, fewer if the descriptor limit allows
 *     fewer; beyond it idle connections are closed to make room, or the newcomer is refused with a
 *     503 (see {@link ConnectionGuard}); also the size of the accept queue
 * @param idleTimeout a connection that sends nothing for this long is closed
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
  public static final int DEFAULT_MAX_CONNECTIONS = 128;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final int TCP_OFF = -1;

  public boolean tcpEnabled() {
    return tcpPort != TCP_OFF;
  }

  public HttpSettings withTcpPort(int port) {
    return new HttpSettings(
        socket, port, maxThreads, maxConnections, maxBodyBytes, idleTimeout, stopTimeout);
  }

  public HttpSettings withMaxConnections(int value) {
    return new HttpSettings(
        socket, tcpPort, maxThreads, value, maxBodyBytes, idleTimeout, stopTimeout);
  }

  public HttpSettings withIdleTimeout(Duration value) {
    return new HttpSettings(
        socket, tcpPort, maxThreads, maxConnections, maxBodyBytes, value, stopTimeout);
  }

  public static HttpSettings defaults(Path socket) {
    return new HttpSettings(
        socket,
        TCP_OFF,
        16,
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_IDLE_TIMEOUT,
        Duration.ofSeconds(4));
  }
}

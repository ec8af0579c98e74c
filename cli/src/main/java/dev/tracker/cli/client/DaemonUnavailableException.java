package dev.tracker.cli.client;

import java.io.IOException;
import java.net.SocketAddress;

/**
 * No daemon took the connection, so the request was not delivered (or, for a GET or HEAD sent again
 * after a kept-alive connection died, may be repeated safely): the CLI may start a daemon and try
 * again. Failures after a connection was made are plain {@link IOException}s instead, because the
 * daemon may already have acted on the request.
 */
public final class DaemonUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the connection could not be made. */
  public enum Reason {
    /** The socket file does not exist: no daemon was started, or it removed its socket. */
    NO_SOCKET,
    /** The socket exists but nobody listens on it: a daemon died without cleaning up. */
    REFUSED,
    /** Something listens but did not take the connection within the connect timeout. */
    TIMEOUT
  }

  private final Reason reason;
  private final transient SocketAddress address;

  public DaemonUnavailableException(
      Reason reason, SocketAddress address, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.address = address;
  }

  public Reason reason() {
    return reason;
  }

  public SocketAddress address() {
    return address;
  }
}

package dev.tracker.cli.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Minimal HTTP/1.1 client for talking to the daemon over a Unix-domain socket or loopback TCP. The
 * JDK's and Jetty's HTTP clients take longer to load than a CLI command should take to run.
 *
 * <p>A CLI process makes one client. It opens a single connection on the first request and keeps it
 * for every later one, reconnecting only when the daemon ends it. Waits are bounded: the connect
 * timeout covers making the connection, and the read timeout covers each wait for the daemon to
 * send the next bytes or to take the next bytes of a request (like {@code SO_TIMEOUT}, it bounds
 * silence, not the length of a response that keeps arriving).
 *
 * <p>Not thread-safe: a CLI process sends its requests one after another from one thread.
 */
public final class SocketHttpClient implements AutoCloseable {
  private final SocketAddress address;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  /** Owned for the whole process: one selector serves every connection the client makes. */
  private Selector selector;

  private Connection connection;
  private boolean closed;

  /**
   * Opens and closes an unconnected Unix-domain channel and a selector, which initialises the
   * classes behind them once for the process: a start-up thread pays this on the second core before
   * a client needs them. Failures are left for the client to meet where it can report them.
   */
  public static void initialiseSocketClasses() {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open()) {
      // Opened only to initialise the classes behind them.
    } catch (IOException | RuntimeException ignored) {
      // The client meets the same failure where it can report it.
    }
  }

  /**
   * @param address a {@link UnixDomainSocketAddress}, or an {@link InetSocketAddress} on a loopback
   *     address; the daemon is never reached over a network
   */
  public SocketHttpClient(SocketAddress address, Duration connectTimeout, Duration readTimeout) {
    this.address = requireLocal(address);
    this.connectTimeout = requirePositive(connectTimeout, "connect timeout");
    this.readTimeout = requirePositive(readTimeout, "read timeout");
  }

  /**
   * Sends one request and reads the whole response.
   *
   * @param headers extra request headers, or {@code null}; {@code Host} and {@code Content-Type}
   *     replace the defaults ({@code localhost}, {@code application/json} when there is a body)
   * @param body the request body, or {@code null} for none
   * @throws DaemonUnavailableException if no daemon took the connection
   * @throws java.net.SocketTimeoutException if the daemon went silent for the read timeout
   * @throws IOException if the connection broke or the response was malformed or too large
   * @throws IllegalArgumentException if the method, path or a header cannot be sent safely
   */
  public Response send(String method, String path, Map<String, String> headers, byte[] body)
      throws IOException {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    byte[] head = RequestEncoder.head(method, path, headers, body);
    Connection current = reusableConnection();
    try {
      return exchange(current, method, head, body);
    } catch (IOException failure) {
      if (!mayResend(current, method)) {
        throw failure;
      }
      try {
        return exchange(connect(), method, head, body);
      } catch (IOException second) {
        second.addSuppressed(failure);
        throw second;
      }
    }
  }

  /**
   * A daemon may close a kept-alive connection at any moment, for example when its idle timeout
   * expires just as a request leaves. Sending the request again is correct only when the daemon
   * cannot have acted on it: it closed a connection that had already served a response before
   * answering this one with a single byte, and either none of the request was written or the method
   * is safe to repeat. A POST that was written may have been executed, and repeating it could apply
   * a change twice, so its failure is reported instead.
   */
  private static boolean mayResend(Connection failed, String method) {
    boolean idempotent = method.equals("GET") || method.equals("HEAD");
    return failed.reused()
        && failed.closedByPeer()
        && failed.bytesRead() == 0
        && (idempotent || failed.bytesWritten() == 0);
  }

  private Response exchange(Connection current, String method, byte[] head, byte[] body)
      throws IOException {
    boolean done = false;
    try {
      current.beginExchange();
      try {
        current.write(ByteBuffer.wrap(head), ByteBuffer.wrap(body == null ? new byte[0] : body));
      } catch (IOException writeFailed) {
        return earlyAnswer(current, method, writeFailed);
      }
      ResponseReader.Received received = ResponseReader.read(current, method);
      current.endExchange();
      if (received.keepAlive() && !current.hasBufferedInput()) {
        done = true;
      }
      return received.response();
    } finally {
      // A connection in an unknown state must not carry the next request.
      if (!done) {
        closeConnection();
      }
    }
  }

  /**
   * A daemon may answer before it has read the whole request, for example 413 to a body over its
   * limit, and then close. The answer is already waiting in the socket, and it says more than the
   * broken write does, so it is read and returned; without one, the write failure stands.
   */
  private static Response earlyAnswer(Connection current, String method, IOException writeFailed)
      throws IOException {
    if (current.bytesWritten() == 0) {
      throw writeFailed;
    }
    try {
      return ResponseReader.read(current, method).response();
    } catch (IOException noAnswer) {
      writeFailed.addSuppressed(noAnswer);
      throw writeFailed;
    }
  }

  private Connection reusableConnection() throws IOException {
    if (connection != null && connection.isReusable()) {
      return connection;
    }
    closeConnection();
    return connect();
  }

  private Connection connect() throws IOException {
    if (selector == null) {
      selector = Selector.open();
    }
    connection = Connection.open(address, selector, connectTimeout, readTimeout);
    return connection;
  }

  private void closeConnection() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  /**
   * Closes the current connection but keeps the client usable; the next request connects again.
   * Used after asking a daemon to stop, whose graceful stop would otherwise wait for this idle
   * connection, and before talking to the daemon that replaces it.
   */
  public void disconnect() {
    closeConnection();
  }

  /** Closes the connection, so the daemon sees the end of the stream at once. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    closeConnection();
    if (selector != null) {
      selector.close();
      selector = null;
    }
  }

  private static SocketAddress requireLocal(SocketAddress address) {
    Objects.requireNonNull(address, "address");
    if (address instanceof UnixDomainSocketAddress) {
      return address;
    }
    if (address instanceof InetSocketAddress inet
        && inet.getAddress() != null
        && inet.getAddress().isLoopbackAddress()) {
      return address;
    }
    throw new IllegalArgumentException(
        "the daemon is reached over a Unix socket or loopback TCP, not " + address);
  }

  private static Duration requirePositive(Duration timeout, String what) {
    Objects.requireNonNull(timeout, what);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + timeout);
    }
    return timeout;
  }
}

package dev.tracker.daemon.http;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.IdleTimeout;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.IO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps connections from starving requests, and descriptors from running out.
 *
 * <p>The daemon serves at most {@code maxConnections} connections, fewer when its descriptor limit
 * allows fewer (see {@link DescriptorBudget}). A connection beyond that closes the connection that
 * has been idle longest, as any HTTP server may close an idle kept-alive connection, so that
 * clients with a request to make get through however many idle ones are held open. Only when every
 * other connection is in the middle of a request is the newcomer refused: its request is answered
 * 503 ({@code too_many_connections}, or {@code out_of_file_descriptors} when descriptors are the
 * limit) with {@code Retry-After} and the connection closed, and a refused connection that sends
 * nothing is closed after a second. Nothing ever waits in the accept queue for a slot. Refusals may
 * use half the descriptor reserve; a connection beyond that is closed as soon as it is accepted,
 * without an answer, which is checked in the acceptor itself so that a flood cannot outrun it.
 *
 * <p>Each request is also checked against the descriptors: when fewer than the reserve are left (a
 * limit lowered at run time, descriptors used elsewhere) it is answered 503 {@code
 * out_of_file_descriptors} and its connection closed, which gives one back.
 */
public final class ConnectionGuard implements Connection.Listener, SelectorManager.AcceptListener {
  private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

  /**
   * How long a connection must have been quiet before it may be closed to make room: its request
   * may be on its way. A client sends its first request as soon as it has connected, so a
   * connection that never sent a byte is safe to close sooner than a kept-alive one, whose client
   * may be preparing its next request; and a flood of silent connections is then answered by
   * closing its oldest members, not by refusing everyone, real clients included.
   */
  private static final long UNUSED_EVICTABLE_AFTER_MS = 20;

  private static final long USED_EVICTABLE_AFTER_MS = 100;

  private static final long REFUSED_GRACE_MS = 1_000;

  private final int maxConnections;

  /** Connections being served: not those closed to make room, even before they are gone. */
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();

  /**
   * Accepted sockets whose descriptor is not given back yet, from the acceptor to the end of the
   * close. A socket closed to make room keeps its descriptor until the selector has let go of it,
   * which under a flood of connections takes long enough for the acceptor to take dozens more.
   */
  private final AtomicInteger sockets = new AtomicInteger();

  private final Map<Connection, ErrorCode> refused = new ConcurrentHashMap<>();
  private final DescriptorBudget descriptors = new DescriptorBudget(sockets::get);
  private final AtomicBoolean crowded = new AtomicBoolean();

  public ConnectionGuard(int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be at least 1, got " + maxConnections);
    }
    this.maxConnections = maxConnections;
  }

  @Override
  public void onAccepting(SelectableChannel channel) {
    int held = sockets.incrementAndGet();
    DescriptorBudget.Snapshot budget = descriptors.now();
    if (held > budget.connectionsAllowed() + budget.reserve() / 2) {
      log.debug("closed a connection as soon as accepted: {}", budget.describe());
      // Jetty then fails to register it, and onAcceptFailed counts it out.
      IO.close(channel);
    }
  }

  @Override
  public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
    sockets.decrementAndGet();
  }

  @Override
  public void onOpened(Connection connection) {
    open.add(connection);
    int count = open.size();
    DescriptorBudget.Snapshot budget = descriptors.now();
    long allowed = Math.min(maxConnections, budget.connectionsAllowed());
    if (count <= allowed) {
      if (crowded.compareAndSet(true, false)) {
        log.info("connections back under the limit: {} open, {} allowed", count, allowed);
      }
      return;
    }
    if (crowded.compareAndSet(false, true)) {
      log.warn(
          "connection limit reached: {} open, {} allowed ({}); closing idle connections",
          count,
          allowed,
          allowed < maxConnections ? budget.describe() : "--max-connections " + maxConnections);
    }
    if (closeLongestIdle(connection)) {
      return;
    }
    refused.put(
        connection,
        allowed < maxConnections
            ? ErrorCode.OUT_OF_FILE_DESCRIPTORS
            : ErrorCode.TOO_MANY_CONNECTIONS);
    long idleTimeout = connection.getEndPoint().getIdleTimeout();
    connection
        .getEndPoint()
        .setIdleTimeout(
            idleTimeout > 0 ? Math.min(idleTimeout, REFUSED_GRACE_MS) : REFUSED_GRACE_MS);
  }

  @Override
  public void onClosed(Connection connection) {
    open.remove(connection);
    refused.remove(connection);
    sockets.decrementAndGet();
  }

  /** Throws the 503 this request gets, if any; see the class comment. */
  void admit(Request request) {
    ErrorCode refusal = refused.get(request.getConnectionMetaData().getConnection());
    if (refusal == ErrorCode.TOO_MANY_CONNECTIONS) {
      throw new TrackerException(
          refusal,
          "the daemon serves at most "
              + maxConnections
              + " connections at a time and all of them are in the middle of a request;"
              + " retry in a moment");
    }
    DescriptorBudget.Snapshot budget = descriptors.now();
    if (refusal != null || budget.runningShort()) {
      throw outOfDescriptors(budget, null);
    }
  }

  /** The 503 for a failure that ran out of descriptors ("Too many open files"). */
  TrackerException outOfDescriptors(Throwable cause) {
    return outOfDescriptors(descriptors.now(), cause);
  }

  private static TrackerException outOfDescriptors(
      DescriptorBudget.Snapshot budget, Throwable cause) {
    return new TrackerException(
        ErrorCode.OUT_OF_FILE_DESCRIPTORS,
        budget.describe() + "; retry in a moment, or raise its limit (ulimit -n)",
        cause);
  }

  /**
   * True for a failure caused by the process having no descriptor left: the JDK reports EMFILE as
   * an I/O exception with the C library's message. Only I/O exceptions are read, as other messages
   * may quote a user's input.
   */
  static boolean isOutOfDescriptors(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException
          && t.getMessage() != null
          && t.getMessage().contains("Too many open files")) {
        return true;
      }
    }
    return false;
  }

  private boolean closeLongestIdle(Connection newcomer) {
    Connection longest = null;
    long longestIdle = -1;
    for (Connection candidate : open) {
      if (candidate == newcomer || inRequest(candidate)) {
        continue;
      }
      long idle = candidate.getEndPoint() instanceof IdleTimeout t ? t.getIdleFor() : 0;
      long quietEnough =
          candidate.getBytesIn() == 0 ? UNUSED_EVICTABLE_AFTER_MS : USED_EVICTABLE_AFTER_MS;
      if (idle >= quietEnough && idle > longestIdle) {
        longest = candidate;
        longestIdle = idle;
      }
    }
    if (longest == null) {
      return false;
    }
    log.debug("closing a connection idle for {} ms to make room", longestIdle);
    // Out of the connections at once, so that the next newcomer does not close another one for
    // the same room; its descriptor stays counted until onClosed.
    open.remove(longest);
    longest.close();
    return true;
  }

  /** From the request's headers until its response is complete, including waiting for a thread. */
  private static boolean inRequest(Connection connection) {
    return connection instanceof HttpConnection http && http.getHttpChannel().getRequest() != null;
  }
}

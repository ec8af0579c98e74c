package dev.tracker.daemon.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the Jetty server, its {@code tracker-http} thread pool and its scheduler: created once per
 * daemon, stopped once. Stopping is graceful: new requests get 503 while in-flight ones finish, up
 * to the stop timeout.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  /**
   * The router takes the raw path apart and percent-decodes each segment on its own, strictly, and
   * no path ever names a file. So the encodings Jetty refuses by default because they are ambiguous
   * when a decoded path is mapped to files reach the router: an encoded slash (a label may contain
   * '/', as in {@code area/db}), {@code %2e}, {@code %25}, an empty segment, an encoded backslash
   * or control character, bad UTF-8. A bad one is refused there, naming the parameter. (A NUL byte
   * or a malformed escape still ends at Jetty's parser, as a 400.)
   */
  private static final UriCompliance ROUTER_URI_COMPLIANCE =
      UriCompliance.DEFAULT.with(
          "tracker-router",
          UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
          UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
          UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
          UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
          UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS,
          UriCompliance.Violation.BAD_UTF8_ENCODING,
          UriCompliance.Violation.TRUNCATED_UTF8_ENCODING);

  private final Server server;
  private final Path socket;
  private final boolean ownsSocketFile;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HttpServer(Server server, Path socket, boolean ownsSocketFile) {
    this.server = server;
    this.socket = socket;
    this.ownsSocketFile = ownsSocketFile;
  }

  /**
   * Binds the socket (mode 0600) and starts serving {@code handler}, with {@code guard} watching
   * every connection of every listener; on failure nothing runs. With {@code inheritedSocket}, it
   * serves the listening socket this process inherited as its standard input ({@link
   * InheritedSocket}) instead of binding one, and leaves the socket file to the service manager
   * that made it.
   */
  public static HttpServer start(
      HttpSettings settings, ConnectionGuard guard, ApiHandler handler, boolean inheritedSocket)
      throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), 2);
    threads.setName("tracker-http");
    threads.setDaemon(true);
    ScheduledExecutorScheduler scheduler =
        new ScheduledExecutorScheduler("tracker-http-scheduler", true);
    Server server = new Server(threads, scheduler, null);
    server.setStopTimeout(settings.stopTimeout().toMillis());
    server.setStopAtShutdown(false);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setUriCompliance(ROUTER_URI_COMPLIANCE);
    UnixDomainServerConnector unix =
        inheritedSocket
            ? InheritedSocket.connector(server, new HttpConnectionFactory(http))
            : new UnixDomainServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    unix.setUnixDomainPath(settings.socket());
    unix.setAcceptQueueSize(settings.maxConnections());
    unix.setIdleTimeout(settings.idleTimeout().toMillis());
    unix.addBean(guard);
    server.addConnector(unix);

    if (settings.tcpEnabled()) {
      ServerConnector tcp = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
      tcp.setHost("127.0.0.1");
      tcp.setPort(settings.tcpPort());
      tcp.setAcceptQueueSize(settings.maxConnections());
      tcp.setIdleTimeout(settings.idleTimeout().toMillis());
      tcp.addBean(guard);
      server.addConnector(tcp);
    }
    server.setHandler(new GracefulHandler(handler));
    server.setErrorHandler(handler.errorHandler());
    HttpServer owner = new HttpServer(server, settings.socket(), !inheritedSocket);
    try {
      server.start();
      if (!inheritedSocket) {
        Files.setPosixFilePermissions(
            settings.socket(), PosixFilePermissions.fromString("rw-------"));
      }
      log.info("listening on {}", settings.socket());
      return owner;
    } catch (Exception | Error e) {
      owner.close();
      throw e;
    }
  }

  public Path socket() {
    return socket;
  }

  /** The bound loopback TCP port, or -1 without a TCP listener. */
  public int tcpPort() {
    for (org.eclipse.jetty.server.Connector connector : server.getConnectors()) {
      if (connector instanceof ServerConnector tcp) {
        return tcp.getLocalPort();
      }
    }
    return -1;
  }

  /** Open client connections, over every connector. */
  public int activeConnections() {
    int count = 0;
    for (org.eclipse.jetty.server.Connector connector : server.getConnectors()) {
      count += connector.getConnectedEndPoints().size();
    }
    return count;
  }

  /**
   * Stops gracefully, then releases every thread; idempotent. The socket file is removed, unless it
   * was inherited.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("stopping the HTTP server failed", e);
    } finally {
      server.destroy();
      try {
        if (ownsSocketFile) {
          Files.deleteIfExists(socket);
        }
      } catch (IOException e) {
        log.warn("could not remove the socket {}", socket, e);
      }
    }
  }
}

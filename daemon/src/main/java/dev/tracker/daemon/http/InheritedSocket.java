package dev.tracker.daemon.http;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;

/**
 * The listening socket a service manager bound and passed as standard input: systemd's {@code
 * StandardInput=socket}, which {@link System#inheritedChannel()} returns as a {@link
 * ServerSocketChannel}. (systemd's other convention, {@code LISTEN_FDS} with the socket at
 * descriptor 3, is out of reach of a JVM without native code.)
 */
public final class InheritedSocket {
  private InheritedSocket() {}

  /**
   * Checks that this process inherited a listening Unix-domain socket bound at {@code expected}, so
   * that a daemon started the wrong way fails at once with the reason, instead of binding a socket
   * of its own beside the one the service manager listens on.
   */
  public static void require(Path expected) throws IOException {
    Channel channel = System.inheritedChannel();
    if (!(channel instanceof ServerSocketChannel server)) {
      throw new IOException(
          "--socket-activation: standard input is "
              + (channel == null ? "not a socket" : "not a listening socket (" + channel + ")")
              + "; start the daemon through its systemd socket unit (StandardInput=socket), or"
              + " without --socket-activation");
    }
    SocketAddress address = server.getLocalAddress();
    if (!(address instanceof UnixDomainSocketAddress unix)
        || !unix.getPath().toAbsolutePath().equals(expected.toAbsolutePath())) {
      throw new IOException(
          "--socket-activation: the inherited socket listens on "
              + address
              + ", but this daemon's socket is "
              + expected
              + "; make the socket unit's ListenStream= and the daemon's --socket agree"
              + " ('tracker daemon install --socket-activation' writes both)");
    }
  }

  /** A connector serving the inherited channel; Jetty takes it from the JVM when it starts. */
  static UnixDomainServerConnector connector(Server server, ConnectionFactory factory) {
    Connector connector = new Connector(server, factory);
    connector.setInheritChannel(true);
    return connector;
  }

  /**
   * Jetty deletes its connector's socket path when the connector stops, inherited channel or not.
   * The file belongs to the service manager, which keeps listening on it to start the next daemon,
   * so this connector names a path where no file is: a name in the daemon's private runtime
   * directory that nothing creates.
   */
  private static final class Connector extends UnixDomainServerConnector {
    private static final String NO_FILE = "inherited-socket-not-ours-to-remove";

    Connector(Server server, ConnectionFactory factory) {
      super(server, 1, 1, factory);
    }

    @Override
    public Path getUnixDomainPath() {
      Path socket = super.getUnixDomainPath();
      return socket == null ? null : socket.resolveSibling(NO_FILE);
    }
  }
}

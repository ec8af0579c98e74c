package dev.tracker.daemon.http;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;

/**
 * Refuses Unix-socket peers that are not this user, by the kernel's account of who connected
 * ({@code SO_PEERCRED}), not by anything the client says. The socket's 0600 mode already keeps
 * others out; this holds even if the mode is loosened. Checked once per connection.
 */
final class PeerCheck {
  private static final String VERDICT = "tracker.peer";

  private final UserPrincipal self;

  PeerCheck(UserPrincipal self) {
    this.self = self;
  }

  /** The peer's user name on a Unix socket; {@code null} for TCP; throws for another user. */
  String verify(Request request) {
    ConnectionMetaData connection = request.getConnectionMetaData();
    Object cached = connection.getAttribute(VERDICT);
    if (cached instanceof Verdict verdict) {
      return verdict.check();
    }
    Verdict verdict = judge(connection.getConnection().getEndPoint());
    connection.setAttribute(VERDICT, verdict);
    return verdict.check();
  }

  private Verdict judge(EndPoint endPoint) {
    if (!(endPoint instanceof SocketChannelEndPoint socket)
        || !(endPoint.getLocalSocketAddress() instanceof java.net.UnixDomainSocketAddress)) {
      return new Verdict(null, true);
    }
    SocketChannel channel = socket.getChannel();
    try {
      UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
      return new Verdict(peer.user().getName(), peer.user().equals(self));
    } catch (IOException | UnsupportedOperationException e) {
      return new Verdict("unknown", false);
    }
  }

  private record Verdict(String user, boolean allowed) {
    String check() {
      if (!allowed) {
        throw new TrackerException(
            ErrorCode.FORBIDDEN,
            "this daemon serves only its own user; connect to your own daemon");
      }
      return user;
    }
  }
}

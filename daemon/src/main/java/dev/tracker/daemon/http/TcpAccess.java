package dev.tracker.daemon.http;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Guards the optional loopback TCP listener, which unlike the Unix socket has no file modes and no
 * peer credentials: every request needs the bearer token from a 0600 file (compared in constant
 * time), and a {@code Host} naming this machine, so that a web page cannot reach the daemon through
 * a DNS name rebound to 127.0.0.1. No CORS header is ever sent.
 */
public final class TcpAccess {
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  private final byte[] token;

  private TcpAccess(byte[] token) {
    this.token = token;
  }

  /** A fresh random token, written to {@code file} with mode 0600 before anyone can read it. */
  public static TcpAccess createToken(Path file) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        file, token + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    return new TcpAccess(token.getBytes(StandardCharsets.US_ASCII));
  }

  static boolean isTcp(Request request) {
    return request.getConnectionMetaData().getLocalSocketAddress() instanceof InetSocketAddress;
  }

  void check(Request request) {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null || !LOCAL_HOSTS.contains(hostName(host))) {
      throw new TrackerException(
          ErrorCode.FORBIDDEN, "Host must name this machine (localhost or 127.0.0.1), got " + host);
    }
    String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    byte[] presented =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization
                .substring("Bearer ".length())
                .strip()
                .getBytes(StandardCharsets.US_ASCII)
            : new byte[0];
    if (!MessageDigest.isEqual(presented, token)) {
      throw new TrackerException(
          ErrorCode.UNAUTHORIZED,
          "a bearer token is required over TCP; it is in the daemon's token file");
    }
  }

  private static String hostName(String host) {
    String value = host.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? value : value.substring(0, end + 1);
    }
    int colon = value.lastIndexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }
}

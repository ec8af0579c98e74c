package dev.tracker.cli.client;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the head of an HTTP/1.1 request. Everything a caller passes is checked first: a CR or LF
 * in a path or header would let one request smuggle another onto the shared connection.
 */
final class RequestEncoder {
  /** The client alone frames messages and manages the connection. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of("content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te");

  private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private RequestEncoder() {}

  static byte[] head(String method, String path, Map<String, String> headers, byte[] body) {
    requireToken(method, "method");
    requirePath(path);
    Map<String, String> given = headers == null ? Map.of() : headers;
    boolean hostGiven = false;
    boolean contentTypeGiven = false;
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    StringBuilder extra = new StringBuilder();
    for (Map.Entry<String, String> header : given.entrySet()) {
      String name = header.getKey();
      requireToken(name, "header name");
      String lowerCase = name.toLowerCase(Locale.ROOT);
      if (RESERVED_HEADERS.contains(lowerCase)) {
        throw new IllegalArgumentException("header " + name + " is set by the client itself");
      }
      requireHeaderValue(name, header.getValue());
      hostGiven |= lowerCase.equals("host");
      contentTypeGiven |= lowerCase.equals("content-type");
      extra.append(name).append(": ").append(header.getValue()).append("\r\n");
    }
    if (!hostGiven) {
      head.append("Host: localhost\r\n");
    }
    head.append(extra);
    if (body != null && !contentTypeGiven) {
      head.append("Content-Type: application/json\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    } else if (METHODS_WITH_BODY.contains(method)) {
      // Without a length the server would have to guess whether a body follows.
      head.append("Content-Length: 0\r\n");
    }
    head.append("Connection: keep-alive\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void requireToken(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("empty " + what);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean tokenChar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || TOKEN_SYMBOLS.indexOf(c) >= 0;
      if (!tokenChar) {
        throw new IllegalArgumentException("invalid character in " + what + ": " + value);
      }
    }
  }

  /** Origin form only, already percent-encoded: visible ASCII, starting with a slash. */
  private static void requirePath(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new IllegalArgumentException("path must be percent-encoded ASCII: " + path);
      }
    }
  }

  private static void requireHeaderValue(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("header " + name + " has no value");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c >= 0x7f) {
        throw new IllegalArgumentException(
            "header " + name + " may hold visible ASCII, spaces and tabs only");
      }
    }
  }
}

package dev.tracker.cli.client;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.x response (RFC 9112) from a connection, within fixed bounds so that a confused
 * or hostile peer cannot make the CLI allocate without limit or wait for a line that never ends.
 */
final class ResponseReader {
  static final int MAX_HEADER_BYTES = 64 * 1024;
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  /** A chunk size is a few hex digits; extensions are allowed but never needed. */
  static final int MAX_CHUNK_LINE_BYTES = 4 * 1024;

  private static final int READ_STEP_BYTES = 16 * 1024;

  /** The response, and whether the connection may carry the next request. */
  record Received(Response response, boolean keepAlive) {}

  private final Connection connection;
  private int lineLimit;
  private int lineBudget;

  private ResponseReader(Connection connection) {
    this.connection = connection;
  }

  static Received read(Connection connection, String method) throws IOException {
    return new ResponseReader(connection).readResponse(method);
  }

  private Received readResponse(String method) throws IOException {
    // Interim 1xx responses share one header budget, so a stream of them stays bounded too.
    limitLines(MAX_HEADER_BYTES);
    while (true) {
      StatusLine status = readStatusLine();
      Map<String, String> headers = readHeaders();
      if (status.code() == 101) {
        throw new IOException("unexpected 101 Switching Protocols: the client never upgrades");
      }
      if (status.code() >= 200) {
        return readRest(method, status, headers);
      }
    }
  }

  private Received readRest(String method, StatusLine status, Map<String, String> headers)
      throws IOException {
    boolean keepAlive = keepAlive(status, headers);
    String transferEncoding = headers.get("transfer-encoding");
    String contentLength = headers.get("content-length");
    byte[] body;
    if (!hasBody(method, status.code())) {
      body = new byte[0];
    } else if (transferEncoding != null) {
      if (!transferEncoding.trim().equalsIgnoreCase("chunked")) {
        throw new IOException("unsupported transfer coding: " + transferEncoding);
      }
      body = readChunked();
      // A message with both framings may have been built to deceive (RFC 9112, 6.3).
      keepAlive &= contentLength == null;
    } else if (contentLength != null) {
      body = readFixed(parseContentLength(contentLength));
    } else {
      body = readUntilClosed();
      keepAlive = false;
    }
    return new Received(new Response(status.code(), headers, body), keepAlive);
  }

  private static boolean hasBody(String method, int status) {
    return !method.equals("HEAD") && status >= 200 && status != 204 && status != 304;
  }

  private static boolean keepAlive(StatusLine status, Map<String, String> headers) {
    String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
    if (hasToken(connection, "close")) {
      return false;
    }
    return status.minorVersion() >= 1 || hasToken(connection, "keep-alive");
  }

  private static boolean hasToken(String list, String token) {
    for (String element : list.split(",")) {
      if (element.trim().equals(token)) {
        return true;
      }
    }
    return false;
  }

  private record StatusLine(int minorVersion, int code) {}

  /** {@code HTTP/1.x SP 3DIGIT [SP reason]}; a missing reason is tolerated. */
  private StatusLine readStatusLine() throws IOException {
    String line = readLine("status line", true);
    boolean wellFormed =
        line.length() >= 12
            && line.startsWith("HTTP/1.")
            && (line.charAt(7) == '0' || line.charAt(7) == '1')
            && line.charAt(8) == ' '
            && isDigits(line, 9, 12)
            && (line.length() == 12 || line.charAt(12) == ' ');
    int code = wellFormed ? Integer.parseInt(line.substring(9, 12)) : 0;
    if (code < 100 || code > 599) {
      throw new IOException("malformed status line: " + printable(line));
    }
    return new StatusLine(line.charAt(7) - '0', code);
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    while (true) {
      String line = readLine("header section", false);
      if (line.isEmpty()) {
        return headers;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw new IOException("obsolete folded header line: " + printable(line));
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !isToken(line, colon)) {
        throw new IOException("malformed header line: " + printable(line));
      }
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      headers.merge(name, value, (first, next) -> first + ", " + next);
    }
  }

  private static boolean isToken(String line, int end) {
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static long parseContentLength(String value) throws IOException {
    // Repeated headers arrive joined by commas; they must all agree.
    String[] values = value.split(",");
    String first = values[0].trim();
    for (String other : values) {
      if (!other.trim().equals(first)) {
        throw new IOException("conflicting Content-Length: " + printable(value));
      }
    }
    if (first.isEmpty() || first.length() > 18 || !isDigits(first, 0, first.length())) {
      throw new IOException("malformed Content-Length: " + printable(value));
    }
    return Long.parseLong(first);
  }

  private byte[] readFixed(long length) throws IOException {
    requireWithinBodyLimit(length);
    byte[] body = new byte[(int) length];
    readFully(body, 0, body.length, "body");
    return body;
  }

  private byte[] readChunked() throws IOException {
    byte[] body = new byte[0];
    int length = 0;
    while (true) {
      limitLines(MAX_CHUNK_LINE_BYTES);
      long size = parseChunkSize(readLine("chunk size line", false));
      if (size == 0) {
        break;
      }
      requireWithinBodyLimit(length + size);
      int end = length + (int) size;
      if (end > body.length) {
        body = Arrays.copyOf(body, (int) Math.min(MAX_BODY_BYTES, Math.max(end, 2L * body.length)));
      }
      readFully(body, length, (int) size, "chunk");
      length = end;
      limitLines(MAX_CHUNK_LINE_BYTES);
      if (!readLine("chunk", false).isEmpty()) {
        throw new IOException("chunk data longer than its declared size " + size);
      }
    }
    // Trailer fields are bounded like headers; nothing here needs them.
    limitLines(MAX_HEADER_BYTES);
    while (!readLine("trailer section", false).isEmpty()) {
      // skip
    }
    return length == body.length ? body : Arrays.copyOf(body, length);
  }

  private static long parseChunkSize(String line) throws IOException {
    int semicolon = line.indexOf(';');
    String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
    if (size.isEmpty() || size.length() > 15) {
      throw new IOException("malformed chunk size: " + printable(line));
    }
    for (int i = 0; i < size.length(); i++) {
      if (Character.digit(size.charAt(i), 16) < 0) {
        throw new IOException("malformed chunk size: " + printable(line));
      }
    }
    return Long.parseLong(size, 16);
  }

  private byte[] readUntilClosed() throws IOException {
    byte[] body = new byte[0];
    int length = 0;
    while (true) {
      if (length == body.length) {
        if (length == MAX_BODY_BYTES) {
          // One byte more than allowed tells a full body from an oversized one.
          byte[] probe = new byte[1];
          if (connection.read(probe, 0, 1) < 0) {
            return body;
          }
          throw bodyTooLarge("more than " + MAX_BODY_BYTES);
        }
        body =
            Arrays.copyOf(
                body, Math.min(MAX_BODY_BYTES, length + Math.max(READ_STEP_BYTES, length)));
      }
      int read = connection.read(body, length, body.length - length);
      if (read < 0) {
        return Arrays.copyOf(body, length);
      }
      length += read;
    }
  }

  private void readFully(byte[] target, int offset, int length, String what) throws IOException {
    int done = 0;
    while (done < length) {
      int read = connection.read(target, offset + done, length - done);
      if (read < 0) {
        throw new IOException(
            "connection closed after " + done + " of " + length + " bytes of the " + what);
      }
      done += read;
    }
  }

  private static void requireWithinBodyLimit(long length) throws IOException {
    if (length > MAX_BODY_BYTES) {
      throw bodyTooLarge(Long.toString(length));
    }
  }

  private static IOException bodyTooLarge(String length) {
    return new IOException(
        "response body of " + length + " bytes exceeds the limit of " + MAX_BODY_BYTES);
  }

  /** Lines read from now on share a budget of {@code bytes}, line endings included. */
  private void limitLines(int bytes) {
    lineLimit = bytes;
    lineBudget = bytes;
  }

  /**
   * One line without its line ending, charged to the budget set by {@link #limitLines}. A bare LF
   * ends a line too, as RFC 9112 allows recipients to accept.
   */
  private String readLine(String what, boolean first) throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = connection.read();
      if (b < 0) {
        throw new IOException(
            first && line.length() == 0
                ? "connection closed before the response"
                : "connection closed in the middle of the " + what);
      }
      if (--lineBudget < 0) {
        throw new IOException(what + " exceeds the limit of " + lineLimit + " bytes");
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }

  private static boolean isDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Shows a bad line in an error message without control characters or unbounded length. */
  private static String printable(String text) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < text.length() && shown.length() < 80; i++) {
      char c = text.charAt(i);
      shown.append(c >= ' ' && c < 0x7f ? c : '?');
    }
    return "\"" + shown + (text.length() > 80 ? "...\"" : "\"");
  }
}

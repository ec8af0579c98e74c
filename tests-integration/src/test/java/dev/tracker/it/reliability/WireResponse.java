package dev.tracker.it.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 response as it came off the socket, parsed without trusting it: the parser is what
 * tells a well-formed answer from a broken one.
 *
 * @param headers by lower-case name, in order
 * @param leftover bytes received after the response (a second response, or garbage)
 */
record WireResponse(int status, Map<String, List<String>> headers, byte[] body, int leftover) {

  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null ? null : values.get(0);
  }

  boolean closesConnection() {
    String connection = header("connection");
    return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The media type without parameters, or "none". */
  String mediaType() {
    String type = header("content-type");
    if (type == null) {
      return "none";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  /** Thrown when the bytes cannot be an HTTP response at all. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  /**
   * The first response in {@code data[0, length)}, or null when more bytes are needed. {@code eof}
   * says the peer closed: a body without a length then ends there, and a cut response is malformed.
   * 1xx interim responses are skipped.
   */
  static WireResponse parse(byte[] data, int length, boolean headRequest, boolean eof)
      throws Malformed {
    int start = 0;
    while (true) {
      int headerEnd = indexOf(data, start, length, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      if (headerEnd < 0) {
        if (eof) {
          throw new Malformed("connection closed inside the response head");
        }
        return null;
      }
      String head = new String(data, start, headerEnd - start, StandardCharsets.ISO_8859_1);
      String[] lines = head.split("\r\n");
      int status = statusOf(lines[0]);
      Map<String, List<String>> headers = headersOf(lines);
      int bodyStart = headerEnd + 4;
      if (status >= 100 && status < 200) {
        start = bodyStart;
        continue;
      }
      return withBody(data, length, eof, headRequest, status, headers, bodyStart);
    }
  }

  private static WireResponse withBody(
      byte[] data,
      int length,
      boolean eof,
      boolean headRequest,
      int status,
      Map<String, List<String>> headers,
      int bodyStart)
      throws Malformed {
    List<String> encoding = headers.get("transfer-encoding");
    List<String> contentLength = headers.get("content-length");
    if (headRequest || status == 204 || status == 304) {
      return new WireResponse(status, headers, new byte[0], length - bodyStart);
    }
    if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
      return chunked(data, length, eof, status, headers, bodyStart);
    }
    if (contentLength != null) {
      long declared;
      try {
        declared = Long.parseLong(contentLength.get(0).strip());
      } catch (NumberFormatException e) {
        throw new Malformed("unreadable Content-Length " + contentLength);
      }
      if (length - bodyStart < declared) {
        if (eof) {
          throw new Malformed("connection closed inside a body of " + declared + " bytes");
        }
        return null;
      }
      byte[] body = java.util.Arrays.copyOfRange(data, bodyStart, bodyStart + (int) declared);
      return new WireResponse(status, headers, body, (int) (length - bodyStart - declared));
    }
    if (!eof) {
      return null;
    }
    return new WireResponse(
        status, headers, java.util.Arrays.copyOfRange(data, bodyStart, length), 0);
  }

  private static WireResponse chunked(
      byte[] data,
      int length,
      boolean eof,
      int status,
      Map<String, List<String>> headers,
      int bodyStart)
      throws Malformed {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = bodyStart;
    byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
    while (true) {
      int lineEnd = indexOf(data, at, length, crlf);
      if (lineEnd < 0) {
        return needMore(eof);
      }
      String sizeLine = new String(data, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int semicolon = sizeLine.indexOf(';');
      int size;
      try {
        size =
            Integer.parseInt(
                (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
      } catch (NumberFormatException e) {
        throw new Malformed("unreadable chunk size '" + sizeLine + "'");
      }
      at = lineEnd + 2;
      if (size == 0) {
        int trailerEnd =
            indexOf(data, at - 2, length, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (trailerEnd < 0) {
          return needMore(eof);
        }
        return new WireResponse(status, headers, body.toByteArray(), length - (trailerEnd + 4));
      }
      if (length - at < size + 2) {
        return needMore(eof);
      }
      body.write(data, at, size);
      at += size + 2;
    }
  }

  private static WireResponse needMore(boolean eof) throws Malformed {
    if (eof) {
      throw new Malformed("connection closed inside a chunked body");
    }
    return null;
  }

  private static int statusOf(String statusLine) throws Malformed {
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new Malformed("not a status line: '" + statusLine + "'");
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new Malformed("not a status line: '" + statusLine + "'");
    }
  }

  private static Map<String, List<String>> headersOf(String[] lines) throws Malformed {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        throw new Malformed("not a header line: '" + lines[i] + "'");
      }
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    return headers;
  }

  private static int indexOf(byte[] data, int from, int to, byte[] needle) {
    outer:
    for (int i = Math.max(0, from); i <= to - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

package dev.tracker.it.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Assembles the bytes of one HTTP/1.1 request, starting from what a correct client sends (Host,
 * Content-Type and an exact Content-Length for a body) and letting a mutation change any part: the
 * request line, header lines (raw bytes included), the line ending, the framing of the body.
 */
final class RequestBytes {
  private String method;
  private String target;
  private String version = "HTTP/1.1";
  private String lineEnd = "\r\n";
  private final List<byte[]> headerLines = new ArrayList<>();
  private byte[] body;
  private boolean automaticLength = true;
  private int chunkSize;
  private boolean exactFraming = true;

  private RequestBytes(String method, String target) {
    this.method = method;
    this.target = target;
  }

  /** What a correct client sends for {@code call}. */
  static RequestBytes of(ValidCalls.Call call) {
    RequestBytes request = new RequestBytes(call.method(), call.target());
    request.header("Host", "localhost");
    if (call.body() != null) {
      request.header("Content-Type", "application/json");
      request.body = call.body();
    }
    return request;
  }

  static RequestBytes line(String method, String target) {
    RequestBytes request = new RequestBytes(method, target);
    request.header("Host", "localhost");
    return request;
  }

  String method() {
    return method;
  }

  RequestBytes method(String value) {
    method = value;
    return this;
  }

  RequestBytes target(String value) {
    target = value;
    return this;
  }

  RequestBytes version(String value) {
    version = value;
    if (!value.equals("HTTP/1.1")) {
      exactFraming = false;
    }
    return this;
  }

  /** Bare LF line endings: tolerated by some servers, refused by others. */
  RequestBytes bareLineFeeds() {
    lineEnd = "\n";
    exactFraming = false;
    return this;
  }

  RequestBytes header(String name, String value) {
    headerLines.add((name + ": " + value).getBytes(StandardCharsets.ISO_8859_1));
    return this;
  }

  RequestBytes rawHeaderLine(byte[] line) {
    headerLines.add(line);
    exactFraming = false;
    return this;
  }

  RequestBytes removeHeader(String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    headerLines.removeIf(
        line ->
            new String(line, StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT)
                .startsWith(prefix));
    return this;
  }

  RequestBytes replaceHeader(String name, String value) {
    return removeHeader(name).header(name, value);
  }

  RequestBytes body(byte[] value) {
    body = value;
    return this;
  }

  /** Content-Length as given, not computed: wrong, negative, huge, duplicated. */
  RequestBytes explicitLength(String... values) {
    automaticLength = false;
    exactFraming = false;
    for (String value : values) {
      header("Content-Length", value);
    }
    return this;
  }

  /** The body sent as chunks of {@code size} bytes with Transfer-Encoding: chunked. */
  RequestBytes chunked(int size) {
    chunkSize = size;
    automaticLength = false;
    header("Transfer-Encoding", "chunked");
    return this;
  }

  /** True while every change kept the message framed exactly as HTTP/1.1 requires. */
  boolean exactFraming() {
    return exactFraming;
  }

  /** Marks a change that makes the message's framing doubtful (for connection reuse). */
  RequestBytes doubtful() {
    exactFraming = false;
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        (method + " " + target + " " + version + lineEnd).getBytes(StandardCharsets.ISO_8859_1));
    for (byte[] line : headerLines) {
      out.writeBytes(line);
      out.writeBytes(lineEnd.getBytes(StandardCharsets.US_ASCII));
    }
    if (automaticLength && body != null) {
      out.writeBytes(
          ("Content-Length: " + body.length + lineEnd).getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(lineEnd.getBytes(StandardCharsets.US_ASCII));
    if (body != null) {
      if (chunkSize > 0) {
        for (int from = 0; from < body.length; from += chunkSize) {
          int size = Math.min(chunkSize, body.length - from);
          out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(body, from, size);
          out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        out.writeBytes(body);
      }
    } else if (chunkSize > 0) {
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }
}

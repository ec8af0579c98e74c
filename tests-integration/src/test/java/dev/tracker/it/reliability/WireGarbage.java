package dev.tracker.it.reliability;

import static dev.tracker.it.reliability.RejectedRequests.ascii;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * Hostile requests below the level of routes and bodies: cut requests, bytes that are not HTTP,
 * broken header sections, odd request targets and query strings, and the methods no route serves.
 * Those that carry a write are cut before the daemon can have the whole of it.
 */
final class WireGarbage {
  private final RandomGenerator random;
  private final ValidCalls calls;

  WireGarbage(RandomGenerator random, ValidCalls calls) {
    this.random = random;
    this.calls = calls;
  }

  /**
   * {@code call} cut inside its head or its body, then closed or half-closed; or, for a body, sent
   * whole with a Content-Length that promises more, then half-closed (an early end of stream).
   */
  RawRequest truncated(ValidCalls.Call call) {
    byte[] bytes = RequestBytes.of(call).bytes();
    int headEnd = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
    boolean close = random.nextBoolean();
    RawRequest.Delivery how =
        close ? RawRequest.Delivery.CUT_AND_CLOSE : RawRequest.Delivery.CUT_AND_HALF_CLOSE;
    RawRequest whole = RawRequest.whole("", bytes, call.write(), false);
    if (call.body() == null || random.nextInt(3) == 0) {
      return whole.delivered(how, 1 + random.nextInt(headEnd + 3)).renamed("cut in the head");
    }
    if (random.nextBoolean()) {
      int cut = headEnd + 4 + random.nextInt(bytes.length - headEnd - 4);
      return whole.delivered(how, cut).renamed("cut in the body");
    }
    byte[] promising =
        RequestBytes.of(call)
            .explicitLength(String.valueOf(call.body().length + 1 + random.nextInt(100)))
            .bytes();
    return RawRequest.whole("early end of body", promising, true, false)
        .delivered(RawRequest.Delivery.CUT_AND_HALF_CLOSE, promising.length);
  }

  /** HEAD, OPTIONS, TRACE and CONNECT, which no route serves, in their usual target forms. */
  RawRequest specialMethod(ValidCalls.Call read) {
    RequestBytes request = RequestBytes.of(read);
    switch (random.nextInt(6)) {
      case 0 -> {
        return RawRequest.whole("method: HEAD", request.method("HEAD").bytes(), false, true)
            .asHead();
      }
      case 1 -> request.method("OPTIONS");
      case 2 -> request.method("OPTIONS").target("*");
      case 3 -> request.method("TRACE");
      case 4 -> request.method("CONNECT").target("localhost:80");
      default -> request.method("CONNECT");
    }
    return RawRequest.whole("method: " + request.method(), request.bytes(), false, false);
  }

  /** Bytes that are not an HTTP/1.1 request, or not a whole one. */
  RawRequest bytes() {
    byte[] bytes;
    switch (random.nextInt(7)) {
      case 0 -> {
        bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
      }
      case 1 -> {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(300); i >= 0; i--) {
          text.append((char) (0x20 + random.nextInt(0x5f)));
          if (random.nextInt(20) == 0) {
            text.append("\r\n");
          }
        }
        bytes = ascii(text.append("\r\n\r\n").toString());
      }
      case 2 ->
          bytes =
              new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
      case 3 -> bytes = ascii("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
      case 4 -> bytes = ascii("GET /v1/health\r\n\r\n");
      case 5 -> bytes = ascii("\r\n\r\n\r\n");
      default ->
          bytes =
              ascii(
                  "GET /v1/health HTTP/1.1\r\nHost: localhost\r\n"
                      + "X: y\r\n".repeat(random.nextInt(5)));
    }
    return RawRequest.whole("bytes: not HTTP", bytes, false, false)
        .delivered(RawRequest.Delivery.CUT_AND_HALF_CLOSE, bytes.length);
  }

  /** A read with a broken or unusual header section or version. */
  RawRequest headers(ValidCalls.Call read) {
    RequestBytes request = RequestBytes.of(read);
    String kind;
    switch (random.nextInt(16)) {
      case 0 -> {
        kind = "header: no Host";
        request.removeHeader("Host");
      }
      case 1 -> {
        kind = "header: two Hosts";
        request.header("Host", "evil.example");
      }
      case 2 -> {
        kind = "header: odd Host";
        request.replaceHeader(
            "Host", calls.pick("evil.example:99999", "a b", "", "[::1", "localhost:-1"));
      }
      case 3 -> {
        kind = "header: line without colon";
        request.rawHeaderLine(
            ascii(calls.pick("X-Broken", "Bad Header: x", ": x", " leading: space")));
      }
      case 4 -> {
        kind = "header: folded";
        request.rawHeaderLine(ascii("X-A: a\r\n  continued"));
      }
      case 5 -> {
        kind = "header: huge value";
        request.header("X-Big", "v".repeat(random.nextBoolean() ? 10_000 : 100_000));
      }
      case 6 -> {
        kind = "header: many headers";
        for (int i = 0; i < 300; i++) {
          request.header("X-N" + i, "v");
        }
      }
      case 7 -> {
        kind = "header: bytes not ASCII";
        request.rawHeaderLine(
            calls.pick("a", "b").equals("a")
                ? new byte[] {'X', '-', 'U', ':', ' ', (byte) 0xc3, (byte) 0xa9, (byte) 0xff, 0}
                : new byte[] {'X', (byte) 0xe9, ':', ' ', 'v'});
      }
      case 8 -> {
        kind = "header: bare CR";
        request.rawHeaderLine(ascii("X-CR: a\rb"));
      }
      case 9 -> {
        kind = "header: bare LF line ends";
        request.bareLineFeeds();
      }
      case 10 -> {
        kind = "version";
        request.version(
            calls.pick(
                "HTTP/1.0",
                "HTTP/1.2",
                "HTTP/2.0",
                "HTTP/0.9",
                "HTTP/1.1x",
                "http/1.1",
                "HTTP/11",
                "HTTPS/1.1"));
      }
      case 11 -> {
        kind = "header: Expect";
        request.header("Expect", calls.pick("100-continue", "garbage"));
      }
      case 12 -> {
        kind = "header: Upgrade";
        request
            .header("Connection", "Upgrade, HTTP2-Settings")
            .header("Upgrade", calls.pick("h2c", "websocket", "garbage"))
            .header("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA");
      }
      case 13 -> {
        kind = "header: Transfer-Encoding";
        request
            .header("Transfer-Encoding", calls.pick("chunked", "gzip", "chunked, gzip", "identity"))
            .doubtful();
        if (random.nextBoolean()) {
          request.rawHeaderLine(new byte[0]);
          request.rawHeaderLine(ascii(calls.pick("zz", "-1", "ffffffffffffffffff", "5\r\nabc")));
        }
      }
      case 14 -> {
        kind = "header: body on a read";
        request.body(ascii("{\"x\":1}")).header("Content-Type", "application/json");
      }
      default -> {
        kind = "header: odd but harmless";
        request
            .header("If-Match", "garbage")
            .header("X-Tracker-Actor", "'; DROP TABLE issue; --")
            .header("Accept", "*/*;q=garbage")
            .header("Cookie", "c=" + "x".repeat(3000));
      }
    }
    return RawRequest.whole(kind, request.bytes(), false, false)
        .delivered(RawRequest.Delivery.CUT_AND_HALF_CLOSE, request.bytes().length);
  }

  /** A read route with a hostile or invalid query string. */
  RawRequest query() {
    String p = "/v1/projects/" + TrackedStore.PROJECT;
    String target;
    switch (random.nextInt(3)) {
      case 0 -> target = p + "/issues?" + pick(HostileText.LIST_QUERIES);
      case 1 -> target = p + "/issues/" + calls.issueRef() + pick(HostileText.VIEW_QUERIES);
      default -> target = p + pick(HostileText.PROJECT_QUERIES);
    }
    RequestBytes request = RequestBytes.line("GET", target);
    return RawRequest.whole("query: hostile", request.bytes(), false, true);
  }

  /** A read of an odd request target: traversal, dot segments, odd forms and lengths. */
  RawRequest target() {
    RequestBytes request = RequestBytes.line("GET", pick(HostileText.TARGETS));
    if (random.nextInt(5) == 0) {
      request.target(
          "/v1/"
              + calls.pick(
                  "he\u0000alth",
                  "he alth",
                  "h\u00e9alth",
                  "health\r",
                  "projects/fz\u0000/issues"));
    }
    return RawRequest.whole("path: odd target", request.bytes(), false, false)
        .delivered(RawRequest.Delivery.CUT_AND_HALF_CLOSE, request.bytes().length);
  }

  private String pick(java.util.List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}

package dev.tracker.it.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Requests the daemon must refuse, or that only read: each is a correct request from {@link
 * ValidCalls} with one change that makes it certainly unacceptable (an invalid body on a route that
 * parses it, a refused header, a hostile path parameter, a method no route has, a body over the
 * limit, a cut request), or a read made hostile in its target, headers or bytes. Run between two
 * snapshots of the store, none of them may change it.
 */
final class RejectedRequests {
  static final int MAX_BODY = 1024 * 1024;
  private static final List<String> REAL_METHODS =
      List.of(
          "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT", "PRI");

  private final RandomGenerator random;
  private final ValidCalls calls;
  private final BodyMutations bodies;
  private final WireGarbage garbage;

  RejectedRequests(RandomGenerator random, ValidCalls calls) {
    this.random = random;
    this.calls = calls;
    this.bodies = new BodyMutations(random);
    this.garbage = new WireGarbage(random, calls);
  }

  RawRequest next() {
    int roll = random.nextInt(1000);
    if (roll < 8) {
      return oversized();
    }
    if (roll < 20) {
      RawRequest slow = refused(random.nextInt(1000));
      while (slow.delivery() != RawRequest.Delivery.WHOLE) {
        // A request sent whole is complete: trickled, it still ends. One the daemon may only see
        // end at the half-close would wait for more, as it should, and is not made slow.
        slow = refused(random.nextInt(1000));
      }
      return slow.delivered(RawRequest.Delivery.TRICKLE, 0).renamed("slow " + slow.kind());
    }
    if (roll < 70) {
      return garbage.truncated(calls.any());
    }
    return refused(roll);
  }

  private RawRequest refused(int roll) {
    if (roll < 180) {
      return invalidBody();
    }
    if (roll < 290) {
      return refusedHeader();
    }
    if (roll < 400) {
      return hostileParameter();
    }
    if (roll < 470) {
      return unknownMethod();
    }
    if (roll < 500) {
      return garbage.specialMethod(calls.read());
    }
    if (roll < 560) {
      return garbage.bytes();
    }
    if (roll < 700) {
      return garbage.headers(calls.read());
    }
    if (roll < 860) {
      return garbage.query();
    }
    return garbage.target();
  }

  private RawRequest invalidBody() {
    ValidCalls.Call call = calls.bodyWrite();
    Map<String, Object> json = call.json();
    String kind;
    byte[] body;
    switch (random.nextInt(6)) {
      case 0 -> {
        kind = "body: broken JSON";
        body = bodies.invalidBytes(call.body());
      }
      case 1 -> {
        kind = "body: wrong structure";
        body = ValidCalls.JSON.writeValueAsBytes(bodies.refusedStructure(json));
      }
      case 2 -> {
        kind = "body: unknown field";
        body = ValidCalls.JSON.writeValueAsBytes(bodies.refusedUnknownField(json));
      }
      case 3 -> {
        kind = "body: bad number";
        body = bodies.refusedPriority(json);
      }
      case 4 -> {
        kind = "body: deep nesting";
        body = bodies.refusedNesting(json);
      }
      default -> {
        kind = "body: invalid UTF-8";
        body = bodies.invalidUtf8(json);
      }
    }
    RequestBytes request = RequestBytes.of(call).body(body);
    if (random.nextInt(5) == 0) {
      request.chunked(1 + random.nextInt(Math.max(1, body.length)));
    }
    return send(kind, request, true);
  }

  private RawRequest refusedHeader() {
    switch (random.nextInt(5)) {
      case 0 -> {
        RequestBytes request = RequestBytes.of(calls.bodyWrite());
        request.replaceHeader(
            "Content-Type",
            calls.pick(
                "text/plain",
                "application/xml",
                "application/jsonx",
                "json",
                "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded",
                "",
                "application/json-patch+json"));
        return send("header: content type", request, true);
      }
      case 1 -> {
        return contentLength();
      }
      case 2 -> {
        boolean patch = random.nextBoolean();
        RequestBytes request =
            RequestBytes.of(patch ? calls.patchIssue() : calls.deleteIssue())
                .header(
                    "If-Match",
                    calls.pick(
                        "abc",
                        "\"\"",
                        "W/",
                        "\"1\", \"2\"",
                        "99999999999999999999",
                        "\"-1\"",
                        "\"" + (1_000_000 + random.nextInt(1_000_000)) + "\"",
                        "W/\"x\"",
                        "\"1",
                        "'; DROP TABLE issue; --"));
        return send("header: If-Match", request, true);
      }
      case 3 -> {
        ValidCalls.Call call = calls.write();
        while (!call.usesActor()) {
          call = calls.write();
        }
        RequestBytes request =
            RequestBytes.of(call)
                .header(
                    "X-Tracker-Actor", calls.pick("   ", "x".repeat(101), "a\tb\u0001c", "\u0000"));
        return send("header: actor", request, true);
      }
      default -> {
        ValidCalls.Call call = calls.bodyWrite();
        RequestBytes request = RequestBytes.of(call).removeHeader("Content-Type");
        return send("header: no content type", request, true);
      }
    }
  }

  /** Content-Length that is negative, not a number, over the limit, or shorter than the body. */
  private RawRequest contentLength() {
    ValidCalls.Call call = calls.bodyWrite();
    byte[] body = call.body();
    RequestBytes request = RequestBytes.of(call);
    String value =
        switch (random.nextInt(8)) {
          case 0 -> "-1";
          case 1 -> "abc";
          case 2 -> "1.5";
          case 3 -> "99999999999999999999";
          case 4 -> String.valueOf(MAX_BODY + 1 + random.nextInt(1 << 30));
          case 5 -> "0x10";
          default -> String.valueOf(1 + random.nextInt(body.length - 1));
        };
    request.explicitLength(value);
    return send("header: content length", request, true);
  }

  private RawRequest hostileParameter() {
    String raw =
        HostileText.PATH_PARAMETERS.get(random.nextInt(HostileText.PATH_PARAMETERS.size()));
    return send("path: hostile parameter", RequestBytes.of(calls.writeWithParameter(raw)), true);
  }

  private RawRequest unknownMethod() {
    String method;
    int roll = random.nextInt(10);
    if (roll < 6) {
      StringBuilder token = new StringBuilder();
      for (int i = 2 + random.nextInt(10); i > 0; i--) {
        token.append((char) ('A' + random.nextInt(26)));
      }
      method = token.toString();
    } else {
      method = calls.pick("G@T", "GET/", "PO ST", "", "M".repeat(2000), "PO\u0000ST", "(GET)");
    }
    if (REAL_METHODS.contains(method)) {
      method = "X" + method;
    }
    ValidCalls.Call call = random.nextBoolean() ? calls.write() : calls.read();
    return send("method: unknown", RequestBytes.of(call).method(method), true);
  }

  /** A valid body padded with spaces past 1 MiB, with its length declared or chunked. */
  private RawRequest oversized() {
    ValidCalls.Call call = calls.bodyWrite();
    byte[] body = BodyMutations.paddedTo(call.body(), MAX_BODY + 1 + random.nextInt(64 * 1024));
    RequestBytes request = RequestBytes.of(call).body(body);
    if (random.nextBoolean()) {
      request.chunked(64 * 1024);
    }
    return send("oversized body", request.doubtful(), true);
  }

  private static RawRequest send(String kind, RequestBytes request, boolean write) {
    return RawRequest.whole(kind, request.bytes(), write, request.exactFraming());
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}

package dev.tracker.it.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Valid requests mixed with mutations whose fate is not known in advance: a byte edit that may
 * leave the JSON valid, a scalar of another type (which the daemon may coerce), odd but possibly
 * acceptable paths, methods and framing. Whatever the daemon accepts is taken into the {@link
 * TrackedStore}; what it refuses must leave no trace.
 */
final class MixedRequests {
  private final RandomGenerator random;
  private final ValidCalls calls;
  private final BodyMutations bodies;

  MixedRequests(RandomGenerator random, ValidCalls calls) {
    this.random = random;
    this.calls = calls;
    this.bodies = new BodyMutations(random);
  }

  RawRequest next() {
    int roll = random.nextInt(100);
    if (roll < 45) {
      RawRequest valid = send("valid", RequestBytes.of(calls.any()));
      return random.nextInt(20) == 0
          ? valid.delivered(RawRequest.Delivery.TRICKLE, 0).renamed("slow valid")
          : valid;
    }
    if (roll < 60) {
      ValidCalls.Call call = calls.bodyWrite();
      return send("body: any byte edit", RequestBytes.of(call).body(bodies.anyBytes(call.body())));
    }
    if (roll < 68) {
      ValidCalls.Call call = calls.bodyWrite();
      return send(
          "body: scalar of another type",
          RequestBytes.of(call.withJson(scalarSwapped(call.json()))));
    }
    if (roll < 76) {
      return oddPath();
    }
    if (roll < 80) {
      RequestBytes request = RequestBytes.of(calls.write());
      request.method(
          switch (random.nextInt(4)) {
            case 0 -> request.method().toLowerCase(java.util.Locale.ROOT);
            case 1 ->
                request.method().charAt(0)
                    + request.method().substring(1).toLowerCase(java.util.Locale.ROOT);
            case 2 -> request.method() + "\t";
            default -> " " + request.method();
          });
      return send("method: odd spelling", request.doubtful());
    }
    if (roll < 90) {
      return framing();
    }
    if (roll < 95) {
      RequestBytes request =
          RequestBytes.of(random.nextBoolean() ? calls.patchIssue() : calls.deleteIssue())
              .header(
                  "If-Match",
                  calls.pick(
                      "*",
                      "W/\"" + random.nextInt(4) + "\"",
                      String.valueOf(random.nextInt(4)),
                      "\"" + random.nextInt(4) + "\""));
      return send("header: If-Match", request);
    }
    RequestBytes request =
        RequestBytes.of(calls.write())
            .header(
                "X-Tracker-Actor",
                calls.pick(
                    "ann",
                    "'; DROP TABLE issue; --",
                    "\" OR 1=1 --",
                    "Zoë",
                    "%_%",
                    "a".repeat(100)));
    return send("header: actor", request);
  }

  private Map<String, Object> scalarSwapped(Map<String, Object> json) {
    Map<String, Object> copy = new LinkedHashMap<>(json);
    List<String> fields = List.copyOf(copy.keySet());
    String field = fields.get(random.nextInt(fields.size()));
    Object value = copy.get(field);
    Object swapped =
        switch (random.nextInt(5)) {
          case 0 -> 12345;
          case 1 -> random.nextBoolean();
          case 2 -> null;
          case 3 -> String.valueOf(value);
          default -> 1e300;
        };
    copy.put(field, swapped);
    return copy;
  }

  private RawRequest oddPath() {
    ValidCalls.Call call = calls.write();
    String path = call.path();
    String changed =
        switch (random.nextInt(9)) {
          case 0 -> path.replace("/fz/", "/FZ/");
          case 1 -> path + "/";
          case 2 -> path.replace("/issues/", "//issues/");
          case 3 -> path + "/../" + path.substring(path.lastIndexOf('/') + 1);
          case 4 -> path.replace("/v1/", "/v1/./");
          case 5 -> path.replace("/fz/", "/fz;x=1/");
          case 6 -> path.replace("/issues/fz-", "/issues/%20fz-");
          case 7 -> path.replace("/issues/fz-", "/issues/FZ-");
          default -> path.replace("/fz/", "/" + TrackedStore.OTHER_PROJECT + "/");
        };
    return send("path: odd write target", RequestBytes.of(call.withPath(changed)));
  }

  private RawRequest framing() {
    ValidCalls.Call call = calls.bodyWrite();
    byte[] body = call.body();
    RequestBytes request = RequestBytes.of(call);
    String kind;
    switch (random.nextInt(10)) {
      case 0 -> {
        kind = "framing: Content-Length twice";
        request.explicitLength(
            String.valueOf(body.length),
            String.valueOf(random.nextBoolean() ? body.length : body.length - 1));
      }
      case 1 -> {
        kind = "framing: Content-Length and chunked";
        request
            .chunked(1 + random.nextInt(body.length))
            .explicitLength(String.valueOf(body.length));
      }
      case 2 -> {
        kind = "framing: chunked";
        request.chunked(1 + random.nextInt(body.length));
      }
      case 3 -> {
        kind = "framing: Expect 100-continue";
        request.header("Expect", "100-continue");
      }
      case 4 -> {
        kind = "framing: HTTP/1.0";
        request.version("HTTP/1.0");
      }
      case 5 -> {
        kind = "framing: bare LF";
        request.bareLineFeeds();
      }
      case 6 -> {
        kind = "framing: no Host";
        request.removeHeader("Host");
      }
      case 7 -> {
        kind = "framing: two Content-Types";
        boolean jsonFirst = random.nextBoolean();
        request.removeHeader("Content-Type");
        request.header("Content-Type", jsonFirst ? "application/json" : "text/plain");
        request.header("Content-Type", jsonFirst ? "text/plain" : "application/json");
      }
      case 8 -> {
        kind = "framing: Content-Type parameters";
        request.replaceHeader(
            "Content-Type",
            calls.pick(
                "application/json; charset=utf-16",
                "APPLICATION/JSON",
                "application/json;",
                " application/json ",
                "application/json; charset=\"\u00ff\""));
      }
      default -> {
        kind = "framing: two Hosts";
        request.header("Host", "other.example");
      }
    }
    return send(kind, request.doubtful());
  }

  private static RawRequest send(String kind, RequestBytes request) {
    return RawRequest.whole(
        kind,
        request.bytes(),
        !request.method().strip().equalsIgnoreCase("GET"),
        request.exactFraming());
  }
}

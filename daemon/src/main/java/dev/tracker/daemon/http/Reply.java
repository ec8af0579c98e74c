package dev.tracker.daemon.http;

import java.util.Map;

/**
 * What a route answers: a status, a body to render as JSON ({@code null} for none), and headers.
 */
public record Reply(int status, Object body, Map<String, String> headers) {
  public Reply {
    headers = Map.copyOf(headers);
  }

  public static Reply ok(Object body) {
    return new Reply(200, body, Map.of());
  }

  public static Reply created(Object body, String location) {
    return new Reply(201, body, Map.of("Location", location));
  }

  public static Reply accepted(Object body) {
    return new Reply(202, body, Map.of());
  }

  /** An issue-like resource with its version as a strong ETag, for a later If-Match. */
  public static Reply versioned(int status, Object body, long version) {
    return new Reply(status, body, Map.of("ETag", "\"" + version + "\""));
  }
}

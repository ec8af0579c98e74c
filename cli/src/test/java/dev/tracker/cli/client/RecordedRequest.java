package dev.tracker.cli.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A request as the test server received it; header names are lower case. */
public record RecordedRequest(
    String method, String target, Map<String, String> headers, byte[] body) {

  public String header(String name) {
    return headers.get(name);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}

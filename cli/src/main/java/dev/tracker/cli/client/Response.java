package dev.tracker.cli.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP response from the daemon. Header names are lower case; a header the server repeated
 * holds its values joined by {@code ", "}. The body is not copied: responses can be large and
 * nothing else holds a reference to it.
 */
public record Response(int status, Map<String, String> headers, byte[] body) {

  public Response {
    Map<String, String> lowerCase = new LinkedHashMap<>();
    (headers == null ? Map.<String, String>of() : headers)
        .forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
    headers = Collections.unmodifiableMap(lowerCase);
    body = body == null ? new byte[0] : body;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Response that
        && status == that.status
        && headers.equals(that.headers)
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "Response[status="
        + status
        + ", headers="
        + headers
        + ", body="
        + body.length
        + " bytes]";
  }
}

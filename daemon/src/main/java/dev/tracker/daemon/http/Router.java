package dev.tracker.daemon.http;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Matches a method and a raw path against route templates such as {@code
 * /v1/projects/{project}/issues/{id}}. Each path segment is percent-decoded on its own, so an
 * encoded slash can never add a segment. Unknown paths are 404; known paths with another method are
 * 405 naming the allowed methods. The parameters of the matched route pass the router's {@link
 * ParameterCheck} before its handler runs, so a malformed one is refused naming it.
 */
public final class Router {
  private final List<Route> routes = new ArrayList<>();
  private final ParameterCheck check;

  /** Checks one decoded path parameter, throwing a {@link TrackerException} that names it. */
  @FunctionalInterface
  public interface ParameterCheck {
    void check(String name, String value);
  }

  public Router() {
    this((name, value) -> {});
  }

  public Router(ParameterCheck check) {
    this.check = check;
  }

  /** A registered route; {@code name} is its template, used as the metrics label. */
  public record Route(String method, String name, String[] segments, RouteHandler handler) {}

  public record Match(Route route, Map<String, String> parameters) {}

  public Router add(String method, String template, RouteHandler handler) {
    routes.add(new Route(method, template, split(template), handler));
    return this;
  }

  public Match match(String method, String rawPath) {
    String[] path = split(rawPath);
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Map<String, String> parameters = bind(route.segments(), path);
      if (parameters == null) {
        continue;
      }
      if (route.method().equals(method)) {
        parameters.forEach(check::check);
        return new Match(route, parameters);
      }
      allowed.add(route.method());
    }
    if (!allowed.isEmpty()) {
      throw new TrackerException(
          ErrorCode.METHOD_NOT_ALLOWED,
          method + " is not allowed on " + rawPath + "; use " + String.join(", ", allowed),
          "method",
          List.copyOf(allowed),
          null);
    }
    throw new TrackerException(ErrorCode.NOT_FOUND, "no route " + rawPath);
  }

  private static Map<String, String> bind(String[] template, String[] path) {
    if (template.length != path.length) {
      return null;
    }
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < template.length; i++) {
      String expected = template[i];
      if (expected.startsWith("{") && expected.endsWith("}")) {
        String name = expected.substring(1, expected.length() - 1);
        try {
          parameters.put(name, decode(path[i]));
        } catch (TrackerException e) {
          throw new TrackerException(e.code(), name + ": " + e.getMessage(), name, List.of(), null);
        }
      } else if (!expected.equals(path[i])) {
        return null;
      }
    }
    return parameters;
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  /** Strict percent-decoding: malformed escapes and invalid UTF-8 are refused, not guessed. */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    byte[] out = new byte[segment.length()];
    int n = 0;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw new TrackerException(
              ErrorCode.INVALID_REQUEST, "malformed escape in path segment '" + segment + "'");
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new TrackerException(
              ErrorCode.INVALID_REQUEST, "malformed escape in path segment '" + segment + "'");
        }
        out[n++] = (byte) (hi * 16 + lo);
        i += 2;
      } else {
        out[n++] = (byte) c;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(out, 0, n))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new TrackerException(ErrorCode.INVALID_REQUEST, "path segment is not valid UTF-8");
    }
  }
}

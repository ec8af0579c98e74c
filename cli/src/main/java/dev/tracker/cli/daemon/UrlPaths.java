package dev.tracker.cli.daemon;

import java.nio.charset.StandardCharsets;

/** Builds request targets: every id, label or query value is percent-encoded. */
public final class UrlPaths {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlPaths() {}

  /** {@code /v1/projects/{project}} followed by each segment, encoded. */
  public static String project(String project, String... segments) {
    StringBuilder path = new StringBuilder("/v1/projects/").append(encode(project));
    for (String segment : segments) {
      path.append('/').append(encode(segment));
    }
    return path.toString();
  }

  /** {@code /v1/projects/{project}/issues/{id}} followed by each segment, encoded. */
  public static String issue(String project, String id, String... segments) {
    StringBuilder path = new StringBuilder(project(project, "issues", id));
    for (String segment : segments) {
      path.append('/').append(encode(segment));
    }
    return path.toString();
  }

  /** Percent-encodes everything but RFC 3986's unreserved characters. */
  public static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** A query string built one parameter at a time; null values are skipped. */
  public static final class Query {
    private final StringBuilder query = new StringBuilder();

    public Query add(String name, Object value) {
      if (value != null) {
        query.append(query.length() == 0 ? '?' : '&');
        query.append(encode(name)).append('=').append(encode(value.toString()));
      }
      return this;
    }

    public Query addAll(String name, Iterable<String> values) {
      for (String value : values) {
        add(name, value);
      }
      return this;
    }

    public Query copy() {
      Query copy = new Query();
      copy.query.append(query);
      return copy;
    }

    public String on(String path) {
      return path + query;
    }
  }
}

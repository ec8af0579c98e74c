package dev.tracker.it.reliability;

import java.util.List;

/** Hostile values for path segments and query strings, as they are put on the wire. */
final class HostileText {
  private HostileText() {}

  /**
   * Path-segment values that no path parameter accepts: each holds, once decoded, a character
   * outside every parameter's alphabet, starts with a dot or a slash, or is too long. (A value such
   * as {@code etc%2Fpasswd} is left out: it is a valid label, so removing it is a legitimate
   * no-op.)
   */
  static final List<String> PATH_PARAMETERS =
      List.of(
          "..",
          "%2e%2e",
          "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
          "..%2F..%2F..%2Fetc%2Fpasswd",
          "%2Fetc%2Fpasswd",
          "%00",
          "fz%00",
          "a%00b",
          "%2e",
          "~",
          "*",
          "%5C..%5Cwindows",
          "fz'%20OR%20'1'='1",
          "%25",
          "%ff",
          "%c0%ae%c0%ae%2f",
          "a".repeat(3000),
          "%27%3B--",
          "fz-*",
          "$(id)",
          "fz%0d%0aX-Injected:%201",
          "%e2%80%ae",
          "%",
          "%zz",
          "%C3");

  /** Query strings every list, search or view route must refuse or take literally. */
  static final List<String> LIST_QUERIES =
      List.of(
          "colour=red",
          "limit=-1",
          "limit=0",
          "limit=1001",
          "limit=99999999999999999999",
          "limit=abc",
          "limit=1e3",
          "limit=%00",
          "limit=1&limit=2",
          "sort=junk",
          "status=junk",
          "status=open,,,%2C",
          "priority-min=9",
          "priority-max=p7",
          "type=junk",
          "created-since=garbage",
          "created-since=2026-13-45",
          "created-since=%2B1000000000-12-31T23:59:59Z",
          "updated-before=-999999999-01-01T00:00:00Z",
          "cursor=garbage",
          "cursor=djE",
          "cursor=" + "A".repeat(5000),
          "cursor=djEKcHJpb3JpdHkKeAp5Cno",
          "unassigned=maybe",
          "unassigned=true&assignee=ann",
          "assignee=" + "x".repeat(200),
          "label=%25",
          "label=_",
          "any-label=%25%25",
          "parent=..%2Fx",
          "q=%2A%2A%2A",
          "q=NEAR(",
          "q=%22",
          "q=%ff%fe",
          "%zz=1",
          "a=%zz",
          "=",
          "&&&",
          "q=" + "word%20".repeat(40));

  static final List<String> VIEW_QUERIES =
      List.of(
          "/tree?depth=0",
          "/tree?depth=51",
          "/tree?depth=-1",
          "/tree?depth=99999999999",
          "/tree?direction=sideways",
          "/tree?colour=red",
          "/events?limit=1",
          "/comments?x=1",
          "?x=1");

  static final List<String> PROJECT_QUERIES =
      List.of(
          "/stats?days=0",
          "/stats?days=367",
          "/stats?days=-5",
          "/stats?days=x",
          "/search",
          "/search?q=",
          "/search?q=%2A",
          "/search?q=NEAR%28a%20b%29",
          "/search?q=%00",
          "/search?q=a&limit=0",
          "/search?q=a&q=b",
          "/ready?limit=0",
          "/blocked?limit=abc",
          "/labels?x=1",
          "/cycles?x=1",
          "/export?x=1");

  /** Whole request targets: traversal, dot segments, encodings, lengths and forms of the URI. */
  static final List<String> TARGETS =
      List.of(
          "//v1//health",
          "/v1/health/",
          "/V1/HEALTH",
          "/v1/projects/fz/issues/../../../../etc/passwd",
          "/%2e%2e/%2e%2e/etc/passwd",
          "/v1/projects/fz/%2e%2e/fy",
          "/v1/projects/fz/issues/%2e%2e%2f%2e%2e",
          "/..",
          "/../../../etc/passwd",
          "\\v1\\health",
          "http://localhost/v1/health",
          "http://evil.example/v1/projects",
          "*",
          "v1/health",
          "/v1/health#fragment",
          "/v1/health?",
          "/v1/projects/fz/issues/fz-%",
          "/v1/projects/%E0%A4%A",
          "/;/v1/health",
          "/v1/projects;x=1/fz",
          "/v1/projects/fz/issues/" + "a".repeat(9_000),
          "/" + "x/".repeat(40_000),
          "/v1/projects/" + "%2e".repeat(500),
          "/v1/projects/fz/issues?" + "a=1&".repeat(3_000));
}

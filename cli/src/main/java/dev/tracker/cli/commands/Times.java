package dev.tracker.cli.commands;

/** Times as people read them in a terminal; JSON output keeps the API's ISO-8601. */
final class Times {
  private Times() {}

  /** {@code 2026-03-01T10:00:01.000Z} becomes {@code 2026-03-01 10:00 UTC}. */
  static String brief(String instant) {
    if (instant == null) {
      return "-";
    }
    if (instant.length() >= 16 && instant.charAt(10) == 'T') {
      return instant.substring(0, 10) + " " + instant.substring(11, 16) + " UTC";
    }
    return instant;
  }
}

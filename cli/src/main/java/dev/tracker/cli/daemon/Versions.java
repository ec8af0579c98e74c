package dev.tracker.cli.daemon;

/**
 * Orders build versions such as {@code 0.2.0}, {@code 0.2.0-SNAPSHOT} and {@code 0.10.1}: numbers
 * compare as numbers, and a version with a qualifier comes before the same version without one.
 */
public final class Versions {
  private Versions() {}

  /** Negative, zero or positive as {@code a} is older than, the same as or newer than {@code b}. */
  public static int compare(String a, String b) {
    String[] left = numbers(a);
    String[] right = numbers(b);
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      long x = i < left.length ? parse(left[i]) : 0;
      long y = i < right.length ? parse(right[i]) : 0;
      if (x != y) {
        return Long.compare(x, y);
      }
    }
    String qualifierA = qualifier(a);
    String qualifierB = qualifier(b);
    if (qualifierA.isEmpty() || qualifierB.isEmpty()) {
      return Boolean.compare(qualifierA.isEmpty(), qualifierB.isEmpty());
    }
    return qualifierA.compareTo(qualifierB);
  }

  /** True when either version is not a version at all (a build without version information). */
  public static boolean unknown(String version) {
    return version == null || version.isEmpty() || !Character.isDigit(version.charAt(0));
  }

  private static String[] numbers(String version) {
    int end = qualifierStart(version);
    return version.substring(0, end).split("\\.");
  }

  private static String qualifier(String version) {
    int start = qualifierStart(version);
    return start < version.length() ? version.substring(start + 1) : "";
  }

  private static int qualifierStart(String version) {
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (c == '-' || c == '+') {
        return i;
      }
    }
    return version.length();
  }

  private static long parse(String part) {
    int end = 0;
    while (end < part.length() && end < 18 && Character.isDigit(part.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Long.parseLong(part.substring(0, end));
  }
}

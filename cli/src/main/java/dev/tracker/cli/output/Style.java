package dev.tracker.cli.output;

import java.util.Locale;

/**
 * ANSI colour for priorities and statuses, or none. Colour is on only when the output is a terminal
 * and {@code NO_COLOR} is unset (https://no-color.org); {@code color = always|never} in the config
 * overrides the terminal check but never {@code NO_COLOR}.
 */
public final class Style {
  public static final Style PLAIN = new Style(false);

  private static final String RESET = "\u001b[0m";

  private final boolean enabled;

  private Style(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * @param setting the {@code color} config value: {@code auto} (or null), {@code always}, {@code
   *     never}
   */
  public static Style decide(boolean terminal, boolean noColor, String setting) {
    if (noColor) {
      return PLAIN;
    }
    String mode = setting == null ? "auto" : setting.toLowerCase(Locale.ROOT);
    boolean on = mode.equals("always") || (mode.equals("auto") && terminal);
    return on ? new Style(true) : PLAIN;
  }

  public boolean enabled() {
    return enabled;
  }

  public String priority(long level, String text) {
    if (level == 0) {
      return paint("1;31", text);
    }
    if (level == 1) {
      return paint("31", text);
    }
    if (level == 2) {
      return paint("33", text);
    }
    return paint("2", text);
  }

  public String status(String status, String text) {
    return switch (status) {
      case "open" -> paint("32", text);
      case "in_progress" -> paint("36", text);
      case "blocked" -> paint("31", text);
      case "deferred", "closed" -> paint("2", text);
      default -> text;
    };
  }

  public String bold(String text) {
    return paint("1", text);
  }

  public String dim(String text) {
    return paint("2", text);
  }

  private String paint(String code, String text) {
    return enabled ? "\u001b[" + code + "m" + text + RESET : text;
  }
}

package dev.tracker.cli.config;

import dev.tracker.core.model.Validation;
import java.util.Locale;

/** The settings {@code config.toml} may hold; anything else is refused by name. */
public enum ConfigKey {
  PERSONAL_KEY(
      "personal.key",
      "me",
      "key of the personal project used outside any initialized repository (2-16 letters/digits)"),
  PERSONAL_NAME("personal.name", "Personal", "display name of the personal project"),
  USER_NAME(
      "user.name", null, "who you are in the history and on comments (default: your login name)"),
  COLOR("color", "auto", "colour in tables: auto (on a terminal), always or never"),
  EDITOR("editor", null, "editor for create and edit, before $EDITOR, $VISUAL and vi"),
  DAEMON_AUTOSTART(
      "daemon.autostart", "true", "start the daemon when a command needs it: true or false");

  private final String key;
  private final String defaultValue;
  private final String description;

  ConfigKey(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public static ConfigKey find(String name) {
    for (ConfigKey key : values()) {
      if (key.key.equals(name)) {
        return key;
      }
    }
    return null;
  }

  /** Checks a value given on the command line and returns it as it should be stored. */
  public Object normalize(String value) {
    String trimmed = value.trim();
    switch (this) {
      case PERSONAL_KEY:
        try {
          return Validation.projectKey(trimmed);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(e.getMessage().replaceFirst("^key: ", ""));
        }
      case COLOR:
        String mode = trimmed.toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("always") && !mode.equals("never")) {
          throw new IllegalArgumentException("must be auto, always or never (got '" + value + "')");
        }
        return mode;
      case DAEMON_AUTOSTART:
        String flag = trimmed.toLowerCase(Locale.ROOT);
        if (!flag.equals("true") && !flag.equals("false")) {
          throw new IllegalArgumentException("must be true or false (got '" + value + "')");
        }
        return Boolean.valueOf(flag);
      default:
        if (trimmed.isEmpty()) {
          throw new IllegalArgumentException("must not be empty");
        }
        return trimmed;
    }
  }
}

package dev.tracker.cli.service;

import dev.tracker.cli.CliException;
import java.util.Locale;

/**
 * The service managers {@code tracker daemon install} knows: systemd's user manager and launchd.
 */
public enum ServicePlatform {
  LINUX("linux", "systemctl"),
  MACOS("macos", "launchctl");

  private final String id;
  private final String tool;

  ServicePlatform(String id, String tool) {
    this.id = id;
    this.tool = tool;
  }

  public String id() {
    return id;
  }

  /** The service manager's command-line tool, looked up on {@code PATH}. */
  public String tool() {
    return tool;
  }

  /** {@code name} (from {@code --platform}), or this system's platform when it is null. */
  public static ServicePlatform choose(String name, String osName) {
    if (name != null) {
      for (ServicePlatform platform : values()) {
        if (platform.id.equalsIgnoreCase(name.strip())) {
          return platform;
        }
      }
      throw CliException.usage(
          "--platform: unknown platform '" + name + "'", "use linux (systemd) or macos (launchd)");
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("linux")) {
      return LINUX;
    }
    if (os.contains("mac") || os.contains("darwin")) {
      return MACOS;
    }
    throw CliException.unavailable(
        "starting on login is supported with systemd (Linux) and launchd (macOS), not on " + osName,
        "start the daemon from your session's start-up scripts with 'tracker daemon start'");
  }
}

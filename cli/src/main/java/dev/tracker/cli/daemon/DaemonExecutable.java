package dev.tracker.cli.daemon;

import dev.tracker.cli.CliException;
import dev.tracker.cli.Environment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code tracker-daemon}: in the distribution the launcher names with {@code tracker.home},
 * else on {@code PATH}.
 */
public final class DaemonExecutable {
  static final String NAME = "tracker-daemon";

  private DaemonExecutable() {}

  public static Path find(Environment env) {
    if (env.trackerHome() != null) {
      Path inHome = env.trackerHome().resolve("bin").resolve(NAME);
      if (Files.isExecutable(inHome)) {
        return inHome;
      }
    }
    Path onPath = onPath(env, NAME);
    if (onPath != null) {
      return onPath;
    }
    throw CliException.unavailable(
        "cannot find "
            + NAME
            + (env.trackerHome() == null
                ? " on PATH"
                : " in " + env.trackerHome().resolve("bin") + " or on PATH"),
        "run tracker through its launcher (bin/tracker), or put tracker-daemon on PATH");
  }

  /** The first executable {@code name} in a {@code PATH} directory, or null. */
  public static Path onPath(Environment env, String name) {
    String path = env.get("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir).resolve(name);
        if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }
}

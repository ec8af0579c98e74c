package dev.tracker.cli;

import dev.tracker.core.paths.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a run of the CLI reads from its surroundings: environment variables, the working
 * directory, the home directories and whether stdout and stderr are terminals. Tests build one by
 * hand, so no test needs a real terminal or changes the JVM's environment.
 *
 * @param trackerHome the distribution's root (the launcher sets {@code -Dtracker.home}), or null
 */
public record Environment(
    Map<String, String> variables,
    Path workingDir,
    Path userHome,
    Path trackerHome,
    long uid,
    boolean stdoutIsTerminal,
    boolean stderrIsTerminal,
    InputStream stdin) {

  public Environment {
    variables = Map.copyOf(variables);
    workingDir = workingDir.toAbsolutePath().normalize();
  }

  /** This process's surroundings. */
  public static Environment current() {
    String home = System.getProperty("tracker.home");
    return new Environment(
        System.getenv(),
        Path.of(System.getProperty("user.dir")),
        Path.of(System.getProperty("user.home")),
        home == null || home.isBlank() ? null : Path.of(home),
        CurrentUser.uid(),
        isTerminal(1),
        isTerminal(2),
        System.in);
  }

  /** A variable's value, or null when it is unset or empty. */
  public String get(String name) {
    String value = variables.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  public boolean isSet(String name) {
    return get(name) != null;
  }

  public Environment withWorkingDir(Path dir) {
    return new Environment(
        variables, dir, userHome, trackerHome, uid, stdoutIsTerminal, stderrIsTerminal, stdin);
  }

  /**
   * On Linux a descriptor is a terminal when it links to a tty device. Elsewhere only the JDK's
   * console check is available, which needs both stdin and stdout to be terminals.
   */
  private static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}

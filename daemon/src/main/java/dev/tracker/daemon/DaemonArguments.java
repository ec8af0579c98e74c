package dev.tracker.daemon;

import dev.tracker.core.paths.PathOverrides;
import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.http.HttpSettings;
import dev.tracker.daemon.lifecycle.DaemonOptions;
import dev.tracker.daemon.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The flags of {@code tracker-daemon run}, parsed strictly: an unknown or malformed flag is a usage
 * error.
 */
record DaemonArguments(
    PathOverrides paths,
    boolean detached,
    boolean version,
    Duration idleTimeout,
    int tcpPort,
    boolean syncEnabled,
    boolean gitCommit,
    int maxConnections,
    Duration connectionIdleTimeout,
    boolean socketActivation) {

  static final String USAGE =
      "usage: tracker-daemon [run] [--detached | --socket-activation] [--idle-timeout DURATION]"
          + " [--tcp-port PORT] [--no-sync] [--git-commit] [--max-connections N]"
          + " [--connection-idle-timeout DURATION] [--socket PATH] [--runtime-dir DIR]"
          + " [--data-dir DIR] [--state-dir DIR] [--config-dir DIR]\n"
          + "       tracker-daemon merge-driver BASE OURS THEIRS\n"
          + "DURATION is like 90s, 30m or 2h; --tcp-port 0 picks a free port.\n"
          + "--socket-activation: serve the listening socket passed as standard input (systemd's"
          + " StandardInput=socket) instead of binding one, and leave its file in place.";

  static DaemonArguments parse(List<String> args) {
    Deque<String> rest = new ArrayDeque<>(args);
    if (!rest.isEmpty() && rest.peek().equals("run")) {
      rest.pop();
    }
    Path socket = null;
    Path runtime = null;
    Path data = null;
    Path state = null;
    Path config = null;
    boolean detached = false;
    boolean version = false;
    Duration idle = Duration.ZERO;
    int tcpPort = HttpSettings.TCP_OFF;
    boolean sync = true;
    boolean git = false;
    int maxConnections = HttpSettings.DEFAULT_MAX_CONNECTIONS;
    Duration connectionIdle = HttpSettings.DEFAULT_IDLE_TIMEOUT;
    boolean socketActivation = false;
    while (!rest.isEmpty()) {
      String flag = rest.pop();
      switch (flag) {
        case "--detached" -> detached = true;
        case "--version" -> version = true;
        case "--no-sync" -> sync = false;
        case "--git-commit" -> git = true;
        case "--socket-activation" -> socketActivation = true;
        case "--idle-timeout" -> idle = duration(flag, value(flag, rest));
        case "--tcp-port" -> tcpPort = port(flag, value(flag, rest));
        case "--max-connections" -> maxConnections = count(flag, value(flag, rest));
        case "--connection-idle-timeout" ->
            connectionIdle = nonZero(flag, duration(flag, value(flag, rest)));
        case "--socket" -> socket = Path.of(value(flag, rest));
        case "--runtime-dir" -> runtime = Path.of(value(flag, rest));
        case "--data-dir" -> data = Path.of(value(flag, rest));
        case "--state-dir" -> state = Path.of(value(flag, rest));
        case "--config-dir" -> config = Path.of(value(flag, rest));
        default -> throw new IllegalArgumentException("unknown argument '" + flag + "'");
      }
    }
    if (detached && socketActivation) {
      // A detached daemon logs only to its file; a socket-activated one logs to stderr, which
      // systemd hands to the journal.
      throw new IllegalArgumentException("--detached and --socket-activation exclude each other");
    }
    return new DaemonArguments(
        new PathOverrides(data, runtime, state, config, socket),
        detached,
        version,
        idle,
        tcpPort,
        sync,
        git,
        maxConnections,
        connectionIdle,
        socketActivation);
  }

  DaemonOptions options(RuntimePaths resolved) {
    SyncSettings sync =
        (syncEnabled ? SyncSettings.DEFAULTS : SyncSettings.DISABLED).withGitCommit(gitCommit);
    return DaemonOptions.defaults(resolved)
        .withHttp(
            HttpSettings.defaults(resolved.socket())
                .withTcpPort(tcpPort)
                .withMaxConnections(maxConnections)
                .withIdleTimeout(connectionIdleTimeout))
        .withSync(sync)
        .withIdleTimeout(idleTimeout)
        .withSocketActivation(socketActivation);
  }

  private static String value(String flag, Deque<String> rest) {
    if (rest.isEmpty() || rest.peek().startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return rest.pop();
  }

  /** {@code 90s}, {@code 30m}, {@code 2h}, or ISO-8601 ({@code PT30M}); 0 turns it off. */
  static Duration duration(String flag, String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.equals("0")) {
        return Duration.ZERO;
      }
      if (value.startsWith("pt")) {
        return positive(flag, Duration.parse(value.toUpperCase(Locale.ROOT)));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return positive(
          flag,
          switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new NumberFormatException();
          });
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          flag + ": '" + text + "' is not a duration like 90s, 30m or 2h");
    }
  }

  private static Duration positive(String flag, Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(flag + " must not be negative");
    }
    return duration;
  }

  private static Duration nonZero(String flag, Duration duration) {
    if (duration.isZero()) {
      throw new IllegalArgumentException(flag + " must be more than 0");
    }
    return duration;
  }

  private static int count(String flag, String text) {
    try {
      int value = Integer.parseInt(text);
      if (value < 1 || value > 100_000) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          flag + ": '" + text + "' is not a number from 1 to 100000");
    }
  }

  private static int port(String flag, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + ": '" + text + "' is not a port (0 to 65535)");
    }
  }
}

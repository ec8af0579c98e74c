package dev.tracker.daemon;

import dev.tracker.core.TrackerVersion;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.paths.PathOverrides;
import dev.tracker.core.paths.RuntimePathResolver;
import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.lifecycle.AlreadyRunningException;
import dev.tracker.daemon.lifecycle.Daemon;
import dev.tracker.daemon.lifecycle.DaemonOptions;
import dev.tracker.daemon.lifecycle.NamedThreadFactory;
import dev.tracker.daemon.sync.jsonl.MergeDriver;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code tracker-daemon}: runs the daemon in the foreground until SIGTERM, {@code POST
 * /v1/shutdown} or the idle timeout. A second daemon for the same user exits 0 with "already
 * running (pid N)". With {@code --detached} (how the CLI starts it) SIGINT is ignored, so a Ctrl-C
 * in the terminal that happened to start it does not stop it.
 *
 * <p>{@code tracker-daemon merge-driver %O %A %B} is the git merge driver for the sync file (see
 * {@link MergeDriver}); it merges and exits without starting a daemon.
 */
public final class DaemonMain {
  static final String USAGE =
      "usage: tracker-daemon [run] [--detached] [--socket PATH] [--runtime-dir DIR] [--data-dir DIR]"
          + " [--state-dir DIR] [--config-dir DIR]";
  static final String MERGE_DRIVER_USAGE =
      "usage: tracker-daemon merge-driver BASE OURS THEIRS (git passes %O %A %B)";

  private DaemonMain() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.err));
  }

  static int run(List<String> args, PrintStream err) {
    if (!args.isEmpty() && args.get(0).equals("merge-driver")) {
      return mergeDriver(args.subList(1, args.size()), err);
    }
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
    while (!rest.isEmpty()) {
      String arg = rest.pop();
      switch (arg) {
        case "--detached" -> detached = true;
        case "--socket" -> socket = path(arg, rest);
        case "--runtime-dir" -> runtime = path(arg, rest);
        case "--data-dir" -> data = path(arg, rest);
        case "--state-dir" -> state = path(arg, rest);
        case "--config-dir" -> config = path(arg, rest);
        case "--version" -> {
          err.println("tracker-daemon " + TrackerVersion.VERSION);
          return 0;
        }
        default -> {
          err.println("tracker-daemon: unknown argument '" + arg + "'\n" + USAGE);
          return 2;
        }
      }
    }
    RuntimePaths paths;
    try {
      paths =
          RuntimePathResolver.forCurrentUser()
              .resolve(new PathOverrides(data, runtime, state, config, socket));
    } catch (TrackerException e) {
      err.println("tracker-daemon: " + e.getMessage());
      return 2;
    }
    System.setProperty("tracker.log.file", paths.logFile().toString());
    if (detached) {
      DetachedSignals.ignoreInterrupt();
    }
    return serve(paths, err);
  }

  /** {@code merge-driver %O %A %B}: git's merge driver for the sync file; starts no daemon. */
  private static int mergeDriver(List<String> files, PrintStream err) {
    if (files.size() != 3) {
      err.println(
          "tracker-daemon merge-driver: expected 3 files, got "
              + files.size()
              + "\n"
              + MERGE_DRIVER_USAGE);
      return 2;
    }
    return MergeDriver.run(
        Path.of(files.get(0)), Path.of(files.get(1)), Path.of(files.get(2)), err);
  }

  private static int serve(RuntimePaths paths, PrintStream err) {
    Daemon daemon;
    try {
      daemon = Daemon.start(DaemonOptions.defaults(paths));
    } catch (AlreadyRunningException e) {
      err.println("tracker-daemon: " + e.getMessage());
      return 0;
    } catch (Exception e) {
      err.println("tracker-daemon: cannot start: " + e.getMessage());
      org.slf4j.LoggerFactory.getLogger(DaemonMain.class).error("cannot start", e);
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(new NamedThreadFactory("shutdown-hook", false).newThread(daemon::close));
    try {
      daemon.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      daemon.close();
    }
    return 0;
  }

  private static Path path(String flag, Deque<String> rest) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return Path.of(rest.pop());
  }
}

package dev.tracker.daemon;

import dev.tracker.core.ArchiveRecording;
import dev.tracker.core.TrackerVersion;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.paths.RuntimePathResolver;
import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.lifecycle.AlreadyRunningException;
import dev.tracker.daemon.lifecycle.Daemon;
import dev.tracker.daemon.lifecycle.DaemonOptions;
import dev.tracker.daemon.lifecycle.NamedThreadFactory;
import dev.tracker.daemon.logging.DaemonLogConfigurator;
import dev.tracker.daemon.sync.jsonl.MergeDriver;
import java.io.PrintStream;
import java.nio.file.Path;
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
    DaemonArguments arguments;
    try {
      arguments = DaemonArguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("tracker-daemon: " + e.getMessage() + "\n" + DaemonArguments.USAGE);
      return 2;
    }
    if (arguments.version()) {
      err.println("tracker-daemon " + TrackerVersion.VERSION);
      return 0;
    }
    RuntimePaths paths;
    try {
      paths = RuntimePathResolver.forCurrentUser().resolve(arguments.paths());
    } catch (TrackerException e) {
      err.println("tracker-daemon: " + e.getMessage());
      return 2;
    }
    System.setProperty(DaemonLogConfigurator.LOG_FILE_PROPERTY, paths.logFile().toString());
    if (arguments.detached()) {
      System.setProperty(DaemonLogConfigurator.NO_CONSOLE_PROPERTY, "true");
      DetachedSignals.ignoreInterrupt();
    }
    return serve(arguments.options(paths), err);
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

  private static int serve(DaemonOptions options, PrintStream err) {
    Daemon daemon;
    try {
      daemon = Daemon.start(options);
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
    ArchiveRecording.markRepresentative();
    try {
      daemon.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      daemon.close();
    }
    return 0;
  }
}

package dev.tracker.cli.daemon;

import dev.tracker.cli.CliException;
import dev.tracker.cli.client.DaemonUnavailableException;
import dev.tracker.cli.client.Response;
import dev.tracker.cli.client.SocketHttpClient;
import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonException;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.core.paths.RuntimePaths;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds out whether a daemon answers, starts one, stops one, and checks that a daemon and this CLI
 * can talk. Every wait is bounded: starting by {@code startTimeout} (10 s), stopping by {@code
 * stopTimeout}.
 */
public final class DaemonControl {
  static final int LOG_LINES = 20;
  private static final long FIRST_DELAY_MILLIS = 10;
  private static final long MAX_DELAY_MILLIS = 200;
  private static final int MAX_RELAUNCHES = 2;

  /** The class every daemon process runs; the CLI names it only to recognise one. */
  static final String DAEMON_MAIN_CLASS = "dev.tracker.daemon.DaemonMain";

  private final SocketHttpClient client;
  private final RuntimePaths paths;
  private final DaemonStarter starter;
  private final Messages messages;
  private final Duration startTimeout;
  private final Duration stopTimeout;

  public DaemonControl(
      SocketHttpClient client,
      RuntimePaths paths,
      DaemonStarter starter,
      Messages messages,
      Duration startTimeout,
      Duration stopTimeout) {
    this.client = client;
    this.paths = paths;
    this.starter = starter;
    this.messages = messages;
    this.startTimeout = startTimeout;
    this.stopTimeout = stopTimeout;
  }

  public RuntimePaths paths() {
    return paths;
  }

  /**
   * The daemon's {@code /v1/health}, or null when no daemon answers: no socket, nobody listening,
   * or a daemon that is stopping (503).
   */
  public JsonObject probe() {
    Response response;
    try {
      response = client.send("GET", "/v1/health", null, null);
    } catch (DaemonUnavailableException e) {
      messages.debug(e.getMessage());
      return null;
    } catch (SocketTimeoutException e) {
      throw CliException.unavailable(
          "the daemon on " + paths.socket() + " accepted but does not answer",
          "look at its log with 'tracker daemon logs'; 'tracker daemon restart' may help");
    } catch (IOException e) {
      messages.debug("health check failed: " + e.getMessage());
      client.disconnect();
      return null;
    }
    if (response.status() == 503) {
      return null;
    }
    if (response.status() != 200) {
      throw Problems.from(response.status(), response.body());
    }
    try {
      return Json.parseObject(response.bodyText());
    } catch (JsonException e) {
      throw CliException.unavailable(
          "the program on " + paths.socket() + " is not a tracker daemon: " + e.getMessage(),
          "stop whatever listens there, or set TRACKER_SOCKET to another path");
    }
  }

  /** A GET answered by the daemon that is there now, without version check or auto-start. */
  public JsonObject getJson(String path) {
    Response response;
    try {
      response = client.send("GET", path, null, null);
    } catch (IOException e) {
      throw CliException.unavailable(
          "cannot reach the daemon: " + e.getMessage(), "is it running? tracker daemon status");
    }
    if (response.status() != 200) {
      throw Problems.from(response.status(), response.body());
    }
    return Json.parseObject(response.bodyText());
  }

  /**
   * Spawns a daemon and dials it with growing pauses until it answers or {@code startTimeout}
   * passes. A spawned daemon that exits at once with 0 lost a start race to another one, which is
   * then awaited; if none is left starting (no live pid in the pid file), it is spawned again.
   */
  public JsonObject startAndWait() {
    try (SpawnLock spawnLock = new SpawnLock(paths.stateDir().resolve("spawn.lock"))) {
      return startAndWait(spawnLock);
    }
  }

  private JsonObject startAndWait(SpawnLock spawnLock) {
    long deadline = System.nanoTime() + startTimeout.toNanos();
    // A daemon another CLI started may already hold the lock and be on its way up, or another CLI
    // may be spawning one: wait for it rather than spawn a daemon that can only lose the lock
    // race. Each loser is a whole JVM, which twenty CLIs racing on a small machine cannot afford
    // within the start timeout.
    DaemonStarter.Launch launch =
        !justStarted() && spawnLock.tryAcquire() && probe() == null ? launch() : null;
    int relaunches = 0;
    long delay = FIRST_DELAY_MILLIS;
    while (true) {
      JsonObject health = probe();
      if (health != null) {
        return health;
      }
      if (launch == null) {
        // The CLI that spawned may have died before its daemon took the lock: take over.
        if (!daemonStarting() && spawnLock.tryAcquire()) {
          launch = launch();
        }
      } else {
        int exit = launch.exitCode();
        if (exit > 0) {
          throw startFailed("the daemon exited with status " + exit + " while starting");
        }
        if (exit == 0 && !daemonStarting() && relaunches < MAX_RELAUNCHES) {
          relaunches++;
          launch = launch();
        }
      }
      if (System.nanoTime() > deadline) {
        throw startFailed(
            "the daemon did not answer on " + paths.socket() + " within " + seconds(startTimeout));
      }
      pause(delay);
      delay = Math.min(MAX_DELAY_MILLIS, delay * 2);
    }
  }

  private DaemonStarter.Launch launch() {
    messages.debug("starting the daemon");
    try {
      return starter.start();
    } catch (IOException e) {
      throw startFailed("cannot start the daemon: " + e.getMessage());
    }
  }

  /**
   * A daemon wrote the pid file within the start timeout and is alive: it holds the lock and is
   * starting. An older pid file may name a reused pid, so it does not stop this CLI from starting
   * one.
   */
  private boolean justStarted() {
    try {
      long age = System.currentTimeMillis() - Files.getLastModifiedTime(paths.pidFile()).toMillis();
      return age < startTimeout.toMillis() && daemonStarting();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The pid file names a live daemon: one holds the lock and is on its way up. A daemon killed with
   * SIGKILL leaves its pid file behind, and its pid may go to any other process, so a live pid
   * counts only if that process runs the daemon.
   */
  private boolean daemonStarting() {
    try {
      long pid = Long.parseLong(Files.readString(paths.pidFile()).trim());
      return isAlive(pid) && runsDaemon(pid);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  /**
   * Whether {@code pid} runs the daemon's main class: every launcher ends in {@code java ...
   * dev.tracker.daemon.DaemonMain}, and the daemon writes its own pid. Where the command line
   * cannot be read at all (no {@code /proc}, and the JDK does not know it), the live pid is
   * trusted: waiting for a daemon that is not coming costs the start timeout, while starting a
   * second one beside a daemon that is starting costs a JVM that can only lose the lock.
   */
  static boolean runsDaemon(long pid) {
    try {
      byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(cmdline, StandardCharsets.ISO_8859_1).contains(DAEMON_MAIN_CLASS);
    } catch (NoSuchFileException e) {
      if (Files.isDirectory(Path.of("/proc/self"))) {
        return false; // the process has just ended
      }
      return ProcessHandle.of(pid)
          .flatMap(process -> process.info().commandLine())
          .map(line -> line.contains(DAEMON_MAIN_CLASS))
          .orElse(true);
    } catch (IOException e) {
      return true;
    }
  }

  private CliException startFailed(String message) {
    return CliException.unavailable(
            message, "fix what the log says, or run 'tracker daemon run' to see it start")
        .withDetails(LogTail.describe(paths.logFile(), LOG_LINES));
  }

  /**
   * Asks the daemon that answered with {@code health} to stop, then waits until its process has
   * exited and its socket is gone: only then may another daemon start on the same socket. A
   * socket-activated daemon's socket stays: systemd listens on it, and starts the next daemon at
   * the next connection.
   */
  public void stop(JsonObject health) {
    long pid = health.number("pid", -1);
    boolean socketStays = socketActivated(health);
    try {
      Response response = client.send("POST", "/v1/shutdown", null, null);
      if (response.status() >= 400 && response.status() != 503) {
        throw Problems.from(response.status(), response.body());
      }
    } catch (IOException e) {
      // A daemon already on its way down may drop the connection; the wait below tells.
      messages.debug("shutdown request: " + e.getMessage());
    }
    client.disconnect();
    long deadline = System.nanoTime() + stopTimeout.toNanos();
    long delay = FIRST_DELAY_MILLIS;
    while (isAlive(pid) || (!socketStays && Files.exists(paths.socket()))) {
      if (System.nanoTime() > deadline) {
        throw CliException.error(
            "the daemon (pid "
                + pid
                + ") did not stop within "
                + seconds(stopTimeout)
                + (isAlive(pid) ? "" : "; its socket " + paths.socket() + " is still there"),
            "see 'tracker daemon logs'; if it hangs, end it with: kill " + pid);
      }
      pause(delay);
      delay = Math.min(MAX_DELAY_MILLIS, delay * 2);
    }
  }

  /** Whether the daemon that answered with {@code health} serves a socket systemd listens on. */
  public static boolean socketActivated(JsonObject health) {
    return Boolean.TRUE.equals(health.get("socketActivated"));
  }

  static boolean isAlive(long pid) {
    if (pid <= 0) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    return process.isPresent() && process.get().isAlive() && !isZombie(pid);
  }

  /**
   * A daemon that has exited but is not yet reaped. The CLI that started it is gone, so its parent
   * is init, which may reap late (a container's init) or never: for ProcessHandle it is alive until
   * then, and 'daemon stop' would wait for the reaping instead of the exit.
   */
  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // "pid (comm) S ...": the state follows the last ')', since comm may hold anything.
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state == 'Z' || state == 'X';
    } catch (IOException | RuntimeException e) {
      return false; // no /proc (not Linux): ProcessHandle's answer stands
    }
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.error("interrupted while waiting for the daemon", null);
    }
  }
}

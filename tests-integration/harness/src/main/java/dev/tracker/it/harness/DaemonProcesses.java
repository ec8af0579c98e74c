package dev.tracker.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the daemon processes a test caused, wherever they were started from: every live process
 * running {@code dev.tracker.daemon.DaemonMain} whose environment names the test's home. A daemon
 * spawned by a CLI is not the test's child (it has its own session), so the test JVM's own process
 * tree cannot tell.
 */
public final class DaemonProcesses {
  private static final String MAIN_CLASS = "dev.tracker.daemon.DaemonMain";

  private DaemonProcesses() {}

  /** Pids of the live daemons whose environment mentions {@code home}. */
  public static List<Long> under(Path home) {
    // A path in a variable continues with '/' or ends the variable (NUL); a bare prefix match
    // would take /tmp/trk-1 for /tmp/trk-12.
    byte[] inside = (home + "/").getBytes(StandardCharsets.UTF_8);
    byte[] exact = (home + "\0").getBytes(StandardCharsets.UTF_8);
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        long pid = Long.parseLong(name);
        try {
          String cmdline =
              new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8);
          if (!cmdline.contains(MAIN_CLASS)) {
            continue;
          }
          byte[] environ = Files.readAllBytes(entry.resolve("environ"));
          if ((contains(environ, inside) || contains(environ, exact)) && isRunning(pid)) {
            pids.add(pid);
          }
        } catch (IOException gone) {
          // The process ended while the table was read.
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return pids;
  }

  /** True while {@code pid} names a process that has not exited (a zombie has). */
  public static boolean isRunning(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // "pid (comm) S ...": the state follows the last ')', since comm may hold anything.
      String afterComm = stat.substring(stat.lastIndexOf(')') + 1).trim();
      return !afterComm.startsWith("Z") && !afterComm.startsWith("X");
    } catch (IOException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  /** Waits until {@code pid} has exited; false if it still runs at the deadline. */
  public static boolean awaitExit(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isRunning(pid)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /**
   * Ends the given daemons: SIGTERM, then SIGKILL for those still running after {@code grace}.
   * Returns the pids that would not die.
   */
  public static List<Long> end(List<Long> pids, Duration grace) throws InterruptedException {
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
    List<Long> stubborn = new ArrayList<>();
    for (long pid : pids) {
      if (!awaitExit(pid, grace)) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        handle.ifPresent(ProcessHandle::destroyForcibly);
        if (!awaitExit(pid, Duration.ofSeconds(10))) {
          stubborn.add(pid);
        }
      }
    }
    return stubborn;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

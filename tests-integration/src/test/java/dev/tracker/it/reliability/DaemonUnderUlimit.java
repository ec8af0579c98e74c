package dev.tracker.it.reliability;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.DaemonExtension;
import dev.tracker.it.harness.DaemonProcesses;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged {@code bin/tracker-daemon run} in a child process whose descriptor limit is set by
 * the shell ({@code ulimit -n N}, soft and hard) before the launcher and the JVM start, as a user's
 * would be. Its home holds its directories and its output; its environment is built from scratch.
 * {@link #close()} ends it (SIGTERM, then SIGKILL) and reaps it, whatever happened.
 */
final class DaemonUnderUlimit implements AutoCloseable {
  private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final Process process;
  private final Path home;
  private final RuntimePaths paths;
  private final Path output;

  private DaemonUnderUlimit(Process process, Path home, RuntimePaths paths, Path output) {
    this.process = process;
    this.home = home;
    this.paths = paths;
    this.output = output;
  }

  /**
   * Starts the daemon with its directories under {@code home}, {@code nofile} descriptors, and the
   * class-data archives of {@code archiveCache}; {@code flags} are added to {@code run}.
   */
  static DaemonUnderUlimit start(Path home, int nofile, Path archiveCache, String... flags)
      throws IOException {
    return start(List.of(), home, nofile, archiveCache, flags);
  }

  /**
   * As {@link #start(Path, int, Path, String...)}, run through {@code runAs} (such as {@code
   * setpriv} with another user); a null {@code archiveCache} runs without any archive.
   */
  static DaemonUnderUlimit start(
      List<String> runAs, Path home, int nofile, Path archiveCache, String... flags)
      throws IOException {
    RuntimePaths paths = DaemonExtension.pathsUnder(home);
    List<String> command = new ArrayList<>(runAs);
    command.addAll(
        List.of(
            "sh",
            "-c",
            "ulimit -n " + nofile + " && exec \"$0\" \"$@\"",
            CliRunner.distribution().resolve("bin/tracker-daemon").toString(),
            "run"));
    command.addAll(DaemonExtension.directoryOptions(paths));
    command.addAll(List.of(flags));
    Path output = home.resolve("daemon.out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(new File("/dev/null"))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().clear();
    builder
        .environment()
        .putAll(
            Map.of(
                "PATH",
                PATH,
                "HOME",
                home.toString(),
                "LANG",
                "C.UTF-8",
                "TRACKER_JAVA",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (archiveCache == null) {
      builder.environment().put("TRACKER_NO_ARCHIVE", "1");
    } else {
      builder.environment().put("XDG_CACHE_HOME", archiveCache.toString());
    }
    return new DaemonUnderUlimit(builder.start(), home, paths, output);
  }

  /** Where the launcher keeps the archives the rest of the suite shares. */
  static Path sharedArchiveCache() throws IOException {
    String property = System.getProperty("tracker.e2e.cache");
    Path cache =
        property == null || property.isBlank() ? Path.of("target", "e2e-cache") : Path.of(property);
    return Files.createDirectories(cache.toAbsolutePath().normalize());
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  RuntimePaths paths() {
    return paths;
  }

  Path socket() {
    return paths.socket();
  }

  /** Waits until the socket answers {@code /v1/health} with 200; fails with the output if not. */
  void awaitReady(Duration timeout) throws InterruptedException {
    Api.awaitHealthy(process, paths.socket(), timeout, this::output);
  }

  /** Waits for the process to end by itself; its exit code, or fails naming its output. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the daemon still runs after " + timeout.toSeconds() + " s:\n" + output());
    }
    return process.exitValue();
  }

  /** Entries of {@code /proc/PID/fd}: everything the limit counts. */
  int openDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid() + "/fd"))) {
      return (int) fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fewest descriptors seen over half a second: a client's connection may stay open on the
   * daemon's side for a moment after the client closed it.
   */
  int restingDescriptors() throws InterruptedException {
    int fewest = Integer.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      fewest = Math.min(fewest, openDescriptors());
      Thread.sleep(50);
    }
    return fewest;
  }

  /** What the daemon's descriptors point to, counted by kind: for a failure's message. */
  String describeDescriptors() {
    Map<String, Integer> kinds = new java.util.TreeMap<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid() + "/fd"))) {
      for (Path fd : fds.toList()) {
        String target;
        try {
          target = Files.readSymbolicLink(fd).toString();
        } catch (IOException gone) {
          continue;
        }
        String kind =
            target.endsWith(".jar")
                ? "jar"
                : target.startsWith("socket:")
                    ? "socket"
                    : target.startsWith("/") ? target : target.replaceAll("\\[.*", "");
        kinds.merge(kind, 1, Integer::sum);
      }
    } catch (IOException e) {
      return "descriptors unreadable: " + e.getMessage();
    }
    return kinds.toString();
  }

  /** The soft limit on open files, as the kernel reports it. */
  long descriptorLimit() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/limits"))) {
      if (line.startsWith("Max open files")) {
        return Long.parseLong(line.substring("Max open files".length()).strip().split("\\s+")[0]);
      }
    }
    throw new AssertionError("no 'Max open files' in /proc/" + pid() + "/limits");
  }

  /** What the launcher and the JVM printed, and the daemon's log. */
  String output() {
    return read(output) + read(paths.logFile());
  }

  /** The daemon's log file. */
  String log() {
    return read(paths.logFile());
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "<unreadable " + file + ": " + e.getMessage() + ">";
    }
  }

  /** SIGTERM, then SIGKILL after 20 s; reaps the process, and anything else run from its home. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    List<Long> strays = DaemonProcesses.under(home);
    if (!strays.isEmpty()) {
      DaemonProcesses.end(strays, Duration.ofSeconds(5));
    }
  }
}

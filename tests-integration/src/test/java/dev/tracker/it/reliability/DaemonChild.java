package dev.tracker.it.reliability;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.CliExtension;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.DaemonExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code bin/tracker-daemon run}, a child process of the test, with its directories
 * under the test's home. One runs at a time; every process started is killed and reaped by {@link
 * #close()}, whatever happened.
 */
final class DaemonChild implements AutoCloseable {
  private final Path home;
  private final RuntimePaths paths;
  private final List<Process> started = new ArrayList<>();
  private Process current;
  private Path output;

  DaemonChild(Path home) {
    this.home = home;
    this.paths = DaemonExtension.pathsUnder(home);
  }

  RuntimePaths paths() {
    return paths;
  }

  /** Starts a daemon and waits until it answers {@code /v1/health}; returns the milliseconds. */
  long start(Duration limit) throws IOException, InterruptedException {
    if (current != null && current.isAlive()) {
      throw new IllegalStateException("a daemon is still running: pid " + current.pid());
    }
    long begin = System.nanoTime();
    output = Files.createTempFile(home, "daemon-", ".out");
    List<String> command =
        new ArrayList<>(
            List.of(CliRunner.distribution().resolve("bin/tracker-daemon").toString(), "run"));
    command.addAll(DaemonExtension.directoryOptions(paths));
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
                "/usr/local/bin:/usr/bin:/bin",
                "HOME",
                home.toString(),
                "LANG",
                "C.UTF-8",
                "TRACKER_JAVA",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The class-data archive the end-to-end tests record: a start costs half as much.
                "XDG_CACHE_HOME",
                CliExtension.sharedCache().toString(),
                // C1 only, as the test JVMs run: on two busy cores C2 compiling the start-up
                // paths doubled each start (4.4 s against 2.4 s, measured), and a test that
                // starts twenty-one daemons checks durability, not peak speed.
                "TRACKER_JAVA_OPTS",
                "-XX:TieredStopAtLevel=1"));
    current = builder.start();
    started.add(current);
    awaitHealthy(limit);
    return (System.nanoTime() - begin) / 1_000_000;
  }

  long pid() {
    return current.pid();
  }

  /** SIGKILL: no shutdown hook, no flush, no clean-up of the socket or the pid file. */
  void kill9() throws InterruptedException {
    current.destroyForcibly();
    if (!current.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the daemon (pid " + current.pid() + ") survived SIGKILL for 30 s");
    }
  }

  /** SIGTERM, the graceful stop; returns the exit code. */
  int stop(Duration limit) throws InterruptedException {
    current.destroy();
    if (!current.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the daemon (pid " + current.pid() + ") did not stop within " + limit.toSeconds() + " s");
    }
    return current.exitValue();
  }

  private void awaitHealthy(Duration limit) throws InterruptedException {
    Api.awaitHealthy(current, paths.socket(), limit, this::outputOrWhyNot);
  }

  private String outputOrWhyNot() {
    try {
      return output();
    } catch (IOException e) {
      return "(its output could not be read: " + e + ")";
    }
  }

  private String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}

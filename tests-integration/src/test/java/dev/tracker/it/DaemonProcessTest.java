package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonExtension;
import dev.tracker.it.harness.LeakExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real {@code tracker-daemon} main in child processes: signals, a second instance, crashes. */
@ExtendWith(LeakExtension.class)
class DaemonProcessTest {
  private Path home;
  private RuntimePaths paths;
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void home() throws IOException {
    home = Files.createTempDirectory(Path.of("/tmp"), "trk-proc-");
    paths = DaemonExtension.pathsUnder(home);
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
      process.waitFor(10, TimeUnit.SECONDS);
    }
    try (var walk = Files.walk(home)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void aSecondDaemonExitsZeroNamingTheFirst() throws Exception {
    Process first = daemon("--detached");
    awaitHealthy();
    Process second = daemon();
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isZero();
    assertThat(output(second)).contains("already running (pid " + first.pid() + ")");
    assertThat(first.isAlive()).isTrue();
  }

  @Test
  void sigintIsIgnoredWhenDetachedAndSigtermStopsGracefully() throws Exception {
    Process daemon = daemon("--detached");
    awaitHealthy();
    signal("INT", daemon.pid());
    Thread.sleep(1_000);
    assertThat(daemon.isAlive()).as("SIGINT ignored").isTrue();
    assertThat(health()).isEqualTo(200);

    daemon.destroy(); // SIGTERM
    assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.exists(paths.socket())).isFalse();
    assertThat(Files.exists(paths.pidFile())).isFalse();
    assertThat(Files.readString(paths.logFile())).contains("ready").contains("stopped");
  }

  @Test
  void aKilledDaemonLeavesStaleFilesThatTheNextOneRecovers() throws Exception {
    Process victim = daemon("--detached");
    awaitHealthy();
    signal("KILL", victim.pid());
    assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.exists(paths.socket())).as("stale socket left behind").isTrue();
    assertThat(Files.exists(paths.pidFile())).as("stale PID file left behind").isTrue();

    Process next = daemon("--detached");
    awaitHealthy();
    assertThat(Files.readString(paths.pidFile()).strip()).isEqualTo(String.valueOf(next.pid()));
  }

  @Test
  void anIdleDaemonStopsByItself() throws Exception {
    Process daemon = daemon("--detached", "--idle-timeout", "2s");
    awaitHealthy();
    assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).as("stopped after being idle").isTrue();
    assertThat(daemon.exitValue()).isZero();
    assertThat(Files.exists(paths.socket())).isFalse();
  }

  @Test
  void badArgumentsAreAUsageError() throws Exception {
    Process daemon = daemon("--idle-timeout", "soon");
    assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.exitValue()).isEqualTo(2);
    assertThat(output(daemon))
        .contains("--idle-timeout: 'soon' is not a duration")
        .contains("usage:");
  }

  private Process daemon(String... flags) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // tracker-daemon names its log file, so the child logs as the product does although the test
    // class path carries a logback-test.xml.
    command.addAll(
        List.of(
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.tracker.daemon.DaemonMain",
            "run"));
    command.addAll(
        List.of(
            "--runtime-dir", paths.runtimeDir().toString(),
            "--data-dir", paths.dataDir().toString(),
            "--state-dir", paths.stateDir().toString(),
            "--config-dir", paths.configDir().toString()));
    command.addAll(List.of(flags));
    Path log = Files.createTempFile(home, "child-", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    started.add(process);
    outputs.put(process, log);
    return process;
  }

  private final java.util.Map<Process, Path> outputs = new java.util.HashMap<>();

  private String output(Process process) throws IOException {
    return Files.readString(outputs.get(process), StandardCharsets.UTF_8);
  }

  private void awaitHealthy() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(paths.socket()) && health() == 200) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the daemon did not become healthy within 30 s");
  }

  private int health() {
    return Api.healthStatus(paths.socket());
  }

  private static void signal(String name, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }
}

package dev.tracker.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.testing.CliHarness;
import dev.tracker.cli.testing.CliHarness.Result;
import dev.tracker.cli.testing.FakeDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First contact: auto-start, start failures, version checks, stop and status. */
class DaemonContactTest {
  static final String PROJECTS = "[{\"key\":\"trk\",\"name\":\"T\",\"changeCount\":0}]";

  @TempDir Path home;
  final List<FakeDaemon> daemons = new ArrayList<>();

  @AfterEach
  void stopDaemons() throws IOException {
    for (FakeDaemon daemon : daemons) {
      daemon.close();
    }
  }

  private FakeDaemon daemon(CliHarness cli, String version) throws IOException {
    FakeDaemon daemon = FakeDaemon.start(cli.socket(), version);
    daemon.on("GET", "/v1/projects", 200, PROJECTS);
    daemons.add(daemon);
    return daemon;
  }

  /**
   * A starter that brings up a fake daemon of {@code version}, as the real one spawns a process.
   */
  private DaemonStarter starting(CliHarness cli, String version, AtomicInteger starts) {
    return () -> {
      starts.incrementAndGet();
      daemon(cli, version);
      return () -> -1;
    };
  }

  @Test
  void withNoDaemonTheCliStartsOneAndCarriesOn() {
    CliHarness cli = new CliHarness(home);
    AtomicInteger starts = new AtomicInteger();
    cli.autoStart(starting(cli, CliHarness.VERSION, starts), Duration.ofSeconds(3));

    Result result = cli.run("projects", "--json");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(starts).hasValue(1);
    assertThat(Json.parseObject(result.out()).objects("projects")).hasSize(1);
  }

  @Test
  void whileAnotherCliIsSpawningADaemonThisOneWaitsInsteadOfSpawningAnother() {
    CliHarness cli = new CliHarness(home);
    AtomicInteger starts = new AtomicInteger();
    cli.autoStart(starting(cli, CliHarness.VERSION, starts), Duration.ofMillis(300));

    try (SpawnLock other = new SpawnLock(cli.logFile().resolveSibling("spawn.lock"))) {
      assertThat(other.tryAcquire()).isTrue();
      Result waited = cli.run("projects");
      assertThat(waited.exit()).isEqualTo(5);
      assertThat(waited.err()).contains("did not answer");
      assertThat(starts).as("no daemon spawned while another CLI holds the lock").hasValue(0);
    }

    Result result = cli.run("projects", "--json");
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(starts).as("spawned once the lock is free").hasValue(1);
  }

  @Test
  void aDaemonThatNeverAnswersIsExit5WithTheLogsLastLines() throws IOException {
    CliHarness cli = new CliHarness(home);
    StringBuilder log = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      log.append("log line ").append(i).append('\n');
    }
    CliHarness.write(cli.logFile(), log.toString());
    cli.autoStart(() -> () -> -1, Duration.ofMillis(300));

    Result result = cli.run("projects");

    assertThat(result.exit()).isEqualTo(5);
    assertThat(result.err())
        .startsWith("tracker: the daemon did not answer on " + cli.socket() + " within 300 ms")
        .contains("log line 11\n")
        .contains("log line 30\n")
        .doesNotContain("log line 10\n")
        .contains("hint: fix what the log says");
  }

  @Test
  void aDaemonThatExitsWithAnErrorFailsAtOnce() {
    CliHarness cli = new CliHarness(home);
    cli.autoStart(() -> () -> 1, Duration.ofSeconds(10));
    long started = System.nanoTime();

    Result result = cli.run("projects");

    assertThat(result.exit()).isEqualTo(5);
    assertThat(result.err()).contains("the daemon exited with status 1 while starting");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anOlderDaemonIsStoppedAndReplaced() throws IOException {
    CliHarness cli = new CliHarness(home);
    FakeDaemon old = daemon(cli, "1.1.9");
    AtomicInteger starts = new AtomicInteger();
    cli.autoStart(starting(cli, CliHarness.VERSION, starts), Duration.ofSeconds(3));

    Result result = cli.run("projects", "--json");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(old.shutdownRequested()).isTrue();
    assertThat(starts).hasValue(1);
    assertThat(result.err()).contains("version 1.1.9, older than this tracker (1.2.0); restarting");
    assertThat(Json.parseObject(result.out())).containsKey("projects");
  }

  @Test
  void aNewerDaemonWithTheSameApiIsUsedWithAWarning() throws IOException {
    CliHarness cli = new CliHarness(home);
    FakeDaemon newer = daemon(cli, "1.3.0");

    Result result = cli.run("projects", "--json");

    assertThat(result.exit()).isZero();
    assertThat(newer.shutdownRequested()).isFalse();
    assertThat(result.err())
        .isEqualTo(
            "tracker: warning: the daemon runs version 1.3.0, newer than this tracker (1.2.0);"
                + " using it, since both speak API v1\n");
    assertThat(Json.parseObject(result.out())).containsKey("projects");
  }

  @Test
  void aDaemonWithAnotherApiVersionIsRefused() throws IOException {
    CliHarness cli = new CliHarness(home);
    daemon(cli, "2.0.0").apiVersion(2);

    Result result = cli.run("projects");

    assertThat(result.exit()).isEqualTo(5);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains(
            "the daemon (version 2.0.0) speaks API v2 but this tracker (1.2.0) speaks API v1");
  }

  @Test
  void stopWithoutADaemonSaysNotRunning() {
    Result result = new CliHarness(home).run("daemon", "stop");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("The daemon is not running.\n");
  }

  @Test
  void stopAsksForShutdownAndWaitsForTheSocketToGo() throws IOException {
    CliHarness cli = new CliHarness(home);
    FakeDaemon daemon = daemon(cli, CliHarness.VERSION);

    Result result = cli.run("daemon", "stop", "--json");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(daemon.shutdownRequested()).isTrue();
    assertThat(Files.exists(cli.socket())).isFalse();
    assertThat(Json.parseObject(result.out())).containsEntry("wasRunning", true);
  }

  @Test
  void statusOfNoDaemonIsExit5() {
    Result result = new CliHarness(home).run("daemon", "status", "--json");

    assertThat(result.exit()).isEqualTo(5);
    assertThat(Json.parseObject(result.out())).containsEntry("running", false);
  }

  @Test
  void statusShowsWhatTheDaemonReports() throws IOException {
    CliHarness cli = new CliHarness(home);
    daemon(cli, CliHarness.VERSION)
        .on(
            "GET",
            "/v1/status",
            200,
            "{\"version\":\"1.2.0\",\"requests\":7,\"paths\":{\"socket\":\"/s\"},\"projects\":[]}");

    Result result = cli.run("daemon", "status");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("The daemon is running (pid").contains("requests served: 7");
  }

  @Test
  void versionShowsTheRunningDaemon() throws IOException {
    CliHarness cli = new CliHarness(home);
    daemon(cli, "1.2.1");

    Result result = cli.run("version");

    assertThat(result.out())
        .isEqualTo(
            "tracker 1.2.0 (API v1)\ndaemon: 1.2.1 (API v1, pid " + FakeDaemon.FAKE_PID + ")\n");
  }

  @Test
  void theActorFromTheConfigGoesWithEveryRequest() throws IOException {
    CliHarness cli = new CliHarness(home);
    FakeDaemon daemon = daemon(cli, CliHarness.VERSION);
    CliHarness.write(cli.configFile(), "[user]\nname = \"ann\"\n");

    cli.run("projects");

    assertThat(daemon.last("GET", "/v1/projects").header("x-tracker-actor")).isEqualTo("ann");
  }
}

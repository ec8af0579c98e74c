package dev.tracker.it.e2e;

import static dev.tracker.it.e2e.Daemons.assertNoDaemon;
import static dev.tracker.it.e2e.Daemons.reportedPid;
import static dev.tracker.it.e2e.Daemons.theOnlyDaemon;
import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.it.harness.Await;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.DaemonProcesses;
import dev.tracker.it.harness.SpawningCliTest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** daemon start, stop, restart, status, run; and a daemon killed with SIGKILL. */
@SpawningCliTest
class DaemonCommandsTest {

  @Test
  void stopTellsTheTruth(CliRunner cli) throws Exception {
    CliResult none = ok(cli.run("daemon", "stop"));
    assertThat(none.stdout().strip()).isEqualTo("The daemon is not running.");
    JsonObject noneJson = ok(cli.run("daemon", "stop", "--json")).object();
    assertThat(noneJson.bool("wasRunning")).isFalse();
    assertNoDaemon(cli);

    JsonObject started = ok(cli.run("daemon", "start", "--json")).object();
    assertThat(started.keySet())
        .containsExactlyInAnyOrder(
            "running", "started", "version", "apiVersion", "pid", "uptimeSeconds");
    long pid = started.number("pid", -1);
    assertThat(theOnlyDaemon(cli)).isEqualTo(pid);

    JsonObject stopped = ok(cli.run("daemon", "stop", "--json")).object();
    assertThat(stopped.keySet()).containsExactlyInAnyOrder("wasRunning", "pid");
    assertThat(stopped.bool("wasRunning")).isTrue();
    assertThat(stopped.number("pid", -1)).isEqualTo(pid);
    // The moment stop returns, not a moment later: the process has exited, the socket is gone.
    assertThat(DaemonProcesses.isRunning(pid)).as("daemon process still running").isFalse();
    assertThat(cli.paths().socket()).doesNotExist();
    assertThat(cli.paths().pidFile()).doesNotExist();
    assertNoDaemon(cli);

    CliResult status = cli.run("daemon", "status");
    assertThat(status.exitCode()).as("%s", status).isEqualTo(5);
    assertThat(status.stdout()).contains("not running");
    assertThat(ok(cli.run("daemon", "stop")).stdout()).contains("not running");
  }

  @Test
  void startIsIdempotentAndRestartReplacesTheProcess(CliRunner cli) throws Exception {
    JsonObject first = ok(cli.run("daemon", "restart", "--json")).object();
    assertThat(first.bool("started")).isTrue();
    long pid = first.number("pid", -1);
    assertThat(first.string("version")).isEqualTo(dev.tracker.core.TrackerVersion.VERSION);

    JsonObject again = ok(cli.run("daemon", "start", "--json")).object();
    assertThat(again.bool("started")).isFalse();
    assertThat(again.number("pid", -1)).isEqualTo(pid);
    assertThat(ok(cli.run("daemon", "start")).stderr()).isEmpty();

    CliResult restarted = ok(cli.run("daemon", "restart"));
    assertThat(restarted.stdout()).contains("Restarted the daemon");
    assertThat(DaemonProcesses.isRunning(pid)).as("old daemon").isFalse();
    long next = theOnlyDaemon(cli);
    assertThat(next).isNotEqualTo(pid);
    assertThat(reportedPid(cli)).isEqualTo(next);
    CliResult status = ok(cli.run("daemon", "status"));
    assertThat(status.stdout()).contains("The daemon is running (pid " + next);

    ok(cli.run("daemon", "stop", "-q"));
    assertNoDaemon(cli);
  }

  @Test
  void runKeepsTheDaemonInTheForegroundUntilItStops(CliRunner cli) throws Exception {
    CliRunner.Launched run = cli.start("daemon", "run");
    Await.until(
        Duration.ofSeconds(30),
        "the foreground daemon to listen",
        () -> Files.exists(cli.paths().socket()) && Files.exists(cli.paths().pidFile()));
    long pid = theOnlyDaemon(cli);
    assertThat(reportedPid(cli)).isEqualTo(pid);
    // Not detached: a child of 'tracker daemon run', which is still waiting for it.
    assertThat(ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
        .contains(run.pid());
    assertThat(run.isAlive()).isTrue();

    ok(cli.run("daemon", "stop", "-q"));
    CliResult ended = run.await(Duration.ofSeconds(30));
    assertThat(ended.exitCode()).as("%s", ended).isZero();
    assertThat(ended.stderr()).contains("ready");
    assertNoDaemon(cli);
  }

  @Test
  void aStaleSocketLeftByKill9IsRecoveredByTheNextStart(CliRunner cli) throws Exception {
    long victim = ok(cli.run("daemon", "start", "--json")).object().number("pid", -1);
    ProcessHandle.of(victim).orElseThrow().destroyForcibly();
    assertThat(DaemonProcesses.awaitExit(victim, Duration.ofSeconds(30))).isTrue();
    assertThat(cli.paths().socket()).as("stale socket").exists();
    assertThat(cli.paths().pidFile()).as("stale pid file").exists();

    // Nobody answers on the stale socket: not running, exit 5, and no hang.
    CliResult status = cli.run("daemon", "status", "--json");
    assertThat(status.exitCode()).as("%s", status).isEqualTo(5);
    assertThat(status.object().bool("running")).isFalse();

    // The next command starts a new daemon, which takes over the socket path.
    assertThat(ok(cli.run("create", "after the crash", "--json")).object().string("title"))
        .isEqualTo("after the crash");
    long next = theOnlyDaemon(cli);
    assertThat(next).isNotEqualTo(victim);
    assertThat(Files.readString(cli.paths().pidFile()).strip()).isEqualTo(Long.toString(next));
    assertThat(ok(cli.run("list", "--json")).objects()).hasSize(1);

    ok(cli.run("daemon", "stop", "-q"));
    assertNoDaemon(cli);
    assertThat(Daemons.runtimeFiles(cli)).containsExactly("daemon.lock");
  }
}

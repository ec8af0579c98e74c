package dev.tracker.it.e2e;

import static dev.tracker.it.e2e.Daemons.assertNoDaemon;
import static dev.tracker.it.e2e.Daemons.reportedPid;
import static dev.tracker.it.e2e.Daemons.theOnlyDaemon;
import static dev.tracker.it.e2e.Projects.fails;
import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.it.harness.Archives;
import dev.tracker.it.harness.Await;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.DaemonProcesses;
import dev.tracker.it.harness.SpawningCliTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CLI starts the daemon when none answers: once, detached, even when twenty race for it. */
@SpawningCliTest
class DaemonAutoStartTest {

  @Test
  void theFirstCommandStartsADetachedDaemonThatStopCleansUp(CliRunner cli) throws Exception {
    assertNoDaemon(cli);
    CliResult created = ok(cli.run("create", "first issue", "-q"));
    assertThat(created.stdout().strip()).matches("me-[0-9a-z]{4,}");

    long pid = theOnlyDaemon(cli);
    assertThat(Files.readString(cli.paths().pidFile()).strip()).isEqualTo(Long.toString(pid));
    assertThat(reportedPid(cli)).isEqualTo(pid);
    assertThat(cli.paths().socket()).exists();
    // Detached: in a session of its own, stdin from /dev/null, output to its log file.
    assertThat(Daemons.sessionOf(pid)).isEqualTo(pid);
    assertThat(Daemons.fdTarget(pid, 0)).isEqualTo("/dev/null");
    assertThat(Daemons.fdTarget(pid, 1)).isEqualTo(cli.paths().logFile().toString());
    assertThat(Daemons.fdTarget(pid, 2)).isEqualTo(cli.paths().logFile().toString());

    // The next command uses it: still one daemon.
    assertThat(ok(cli.run("list", "--json")).objects()).hasSize(1);
    assertThat(theOnlyDaemon(cli)).isEqualTo(pid);

    JsonObject logs = ok(cli.run("daemon", "logs", "--json")).object();
    assertThat(logs.string("file")).isEqualTo(cli.paths().logFile().toString());
    assertThat(logs.strings("lines")).anySatisfy(line -> assertThat(line).contains("ready"));
    assertThat(ok(cli.run("daemon", "logs", "-n", "3")).stdoutLines()).hasSizeLessThanOrEqualTo(3);

    CliResult stopped = ok(cli.run("daemon", "stop"));
    assertThat(stopped.stdout()).contains("Stopped the daemon (pid " + pid);
    assertThat(DaemonProcesses.isRunning(pid)).isFalse();
    assertNoDaemon(cli);
  }

  @Test
  void twentyClisStartedAtOnceEndWithOneDaemonAndTwentySuccesses(CliRunner cli) throws Exception {
    // What a user's machine has after the first use: both programs' class-data archives.
    Archives.warmUp();
    assertNoDaemon(cli);
    CliRunner racer = cli.timeout(Duration.ofSeconds(120));
    List<CliRunner.Launched> racers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      racers.add(racer.start("create", "racer " + i, "-q"));
    }
    Set<String> ids = new HashSet<>();
    List<String> failures = new ArrayList<>();
    for (CliRunner.Launched launched : racers) {
      CliResult result = launched.await();
      if (result.exitCode() != 0) {
        failures.add(result.toString());
      } else {
        ids.add(result.stdout().strip());
      }
    }
    assertThat(failures).as("racers that failed").isEmpty();
    assertThat(ids).hasSize(20);

    // Daemons that lost the start race exit by themselves, at once.
    Await.until(
        Duration.ofSeconds(30),
        "a single daemon process",
        () -> DaemonProcesses.under(cli.home()).size() == 1);
    long pid = theOnlyDaemon(cli);
    assertThat(reportedPid(cli)).isEqualTo(pid);
    assertThat(ok(cli.run("list", "--json")).objects())
        .extracting(i -> i.string("id"))
        .containsExactlyInAnyOrderElementsOf(ids);

    JsonObject stopped = ok(cli.run("daemon", "stop", "--json")).object();
    assertThat(stopped.bool("wasRunning")).isTrue();
    assertThat(stopped.number("pid", -1)).isEqualTo(pid);
    assertNoDaemon(cli);
  }

  @Test
  void withAutoStartOffNoDaemonIsStartedAndTheExitCodeIs5(CliRunner cli) throws Exception {
    CliResult off = fails(cli.env("TRACKER_NO_AUTOSTART", "1").run("list", "--json"), 5, "daemon");
    assertThat(off.stderr()).contains("TRACKER_NO_AUTOSTART");
    assertNoDaemon(cli);
    assertThat(cli.paths().socket()).doesNotExist();

    ok(cli.run("config", "set", "daemon.autostart", "false", "-q"));
    fails(cli.run("create", "nope"), 5, "daemon");
    assertNoDaemon(cli);

    // An explicit start still starts one.
    JsonObject started = ok(cli.run("daemon", "start", "--json")).object();
    assertThat(started.bool("started")).isTrue();
    assertThat(theOnlyDaemon(cli)).isEqualTo(started.number("pid", -1));
    ok(cli.run("daemon", "stop", "-q"));
    assertNoDaemon(cli);
  }

  @Test
  void aDaemonThatCannotStartIsExit5WithTheEndOfItsLog(CliRunner cli) throws Exception {
    // The data directory's parent is a file: the daemon fails while opening its database.
    Path notADirectory = Files.writeString(cli.home().resolve("a-file"), "");
    CliResult result =
        cli.env("XDG_DATA_HOME", notADirectory.toString()).run("create", "never stored");
    assertThat(result.exitCode()).as("%s", result).isEqualTo(5);
    assertThat(result.stdout()).isEmpty();
    List<String> lines = result.stderrLines();
    assertThat(lines.get(0)).startsWith("tracker: ").contains("daemon", "exited");
    assertThat(lines.get(1))
        .startsWith("last lines of ")
        .contains(cli.paths().logFile().toString());
    assertThat(result.stderr()).contains("Not a directory");
    assertThat(lines.get(lines.size() - 1)).startsWith("hint: ");
    assertNoDaemon(cli);
  }
}

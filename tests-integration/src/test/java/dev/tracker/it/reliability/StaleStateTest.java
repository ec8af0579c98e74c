package dev.tracker.it.reliability;

import static dev.tracker.it.e2e.Daemons.assertNoDaemon;
import static dev.tracker.it.e2e.Daemons.theOnlyDaemon;
import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.DaemonProcesses;
import dev.tracker.it.harness.SpawningCliTest;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pid file that names a live process which is not the daemon: PIDs are reused, so the file may
 * name anything. It must not stop the CLI from starting a daemon, and neither {@code daemon status}
 * nor {@code daemon stop} may report or signal that process. (A daemon killed with SIGKILL and
 * recovered by the next command is {@code DaemonCommandsTest}'s; the daemon's own recovery of its
 * stale socket is {@code DaemonProcessTest}'s.)
 */
@SpawningCliTest
class StaleStateTest {

  @Test
  void aFreshPidFileNamingAnUnrelatedProcessDoesNotHoldUpTheNextCommand(CliRunner cli)
      throws Exception {
    CliRunner.Launched unrelated = cli.spawn(List.of("sleep", "60"));
    try {
      leaveCrashedDaemonFiles(cli.paths(), unrelated.pid());

      long started = System.nanoTime();
      CliResult created = cli.run("create", "after a crash", "-q");
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.printf("[stale] create with a lying pid file took %d ms%n", millis);
      assertThat(created.exitCode()).as("%s", created).isZero();
      assertThat(created.stdout().strip()).matches("me-[0-9a-z]{4,}");

      long daemon = theOnlyDaemon(cli);
      assertThat(daemon).isNotEqualTo(unrelated.pid());
      assertThat(Files.readString(cli.paths().pidFile()).strip()).isEqualTo(Long.toString(daemon));
      assertThat(unrelated.isAlive()).as("the unrelated process").isTrue();

      ok(cli.run("daemon", "stop", "-q"));
      assertNoDaemon(cli);
      assertThat(unrelated.isAlive()).as("the unrelated process").isTrue();
    } finally {
      unrelated.terminate(Duration.ofSeconds(10));
    }
  }

  @Test
  void statusAndStopGoByTheDaemonNotByThePidFile(CliRunner cli) throws Exception {
    CliRunner.Launched unrelated = cli.spawn(List.of("sleep", "60"));
    try {
      String lie = Long.toString(unrelated.pid());

      // No daemon: the pid file names a live process, but nothing answers on the socket.
      leaveCrashedDaemonFiles(cli.paths(), unrelated.pid());
      CliResult none = cli.run("daemon", "status");
      assertThat(none.exitCode()).as("%s", none).isEqualTo(5);
      assertThat(none.stdout()).contains("not running").doesNotContain(lie);
      CliResult stopNone = ok(cli.run("daemon", "stop", "--json"));
      assertThat(stopNone.object().bool("wasRunning")).isFalse();
      assertThat(unrelated.isAlive()).as("the unrelated process after stop").isTrue();

      // A running daemon whose pid file was overwritten: status and stop name the daemon itself.
      JsonObject start = ok(cli.run("daemon", "start", "--json")).object();
      assertThat(start.bool("started")).isTrue();
      long daemon = start.number("pid", -1);
      assertThat(daemon).isEqualTo(theOnlyDaemon(cli)).isNotEqualTo(unrelated.pid());
      Files.writeString(cli.paths().pidFile(), lie + "\n");

      CliResult status = ok(cli.run("daemon", "status"));
      assertThat(status.stdout())
          .contains("The daemon is running (pid " + daemon)
          .doesNotContain(lie);
      JsonObject stopped = ok(cli.run("daemon", "stop", "--json")).object();
      assertThat(stopped.bool("wasRunning")).isTrue();
      assertThat(stopped.number("pid", -1)).isEqualTo(daemon);
      assertThat(DaemonProcesses.isRunning(daemon)).as("the daemon after stop").isFalse();
      assertThat(unrelated.isAlive()).as("the unrelated process after stop").isTrue();
      assertNoDaemon(cli);
    } finally {
      unrelated.terminate(Duration.ofSeconds(10));
    }
  }

  /**
   * What a daemon killed with SIGKILL just after it started leaves, once its pid has gone to
   * another process: a socket nobody listens on, the lock file (its lock died with the process) and
   * a fresh pid file naming {@code pid}.
   */
  private static void leaveCrashedDaemonFiles(RuntimePaths paths, long pid) throws IOException {
    Path dir = paths.runtimeDir();
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    if (!Files.exists(paths.socket())) {
      // Closing a bound Unix server channel leaves its file behind, as a killed daemon does.
      try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
        server.bind(UnixDomainSocketAddress.of(paths.socket()));
      }
    }
    if (!Files.exists(paths.lockFile())) {
      Files.createFile(paths.lockFile());
    }
    Files.writeString(paths.pidFile(), pid + "\n");
  }
}

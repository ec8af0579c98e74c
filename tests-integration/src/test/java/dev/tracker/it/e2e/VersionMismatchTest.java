package dev.tracker.it.e2e;

import static dev.tracker.it.e2e.Daemons.assertNoDaemon;
import static dev.tracker.it.e2e.Daemons.theOnlyDaemon;
import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.core.TrackerVersion;
import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.Await;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.DaemonProcesses;
import dev.tracker.it.harness.SpawningCliTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The version check on first contact, against real daemons of another version: the packaged
 * daemon's own jars, started with a class path that puts another {@code version.properties} first
 * (the file {@code TrackerVersion} reads), so the daemon is real and only its version differs.
 */
@SpawningCliTest
class VersionMismatchTest {

  @Test
  void anOlderDaemonIsAskedToStopAndReplaced(CliRunner cli) throws Exception {
    CliRunner.Launched old = daemonOfVersion(cli, "0.0.1");
    long oldPid = theOnlyDaemon(cli);

    CliResult listed = cli.run("list", "--json");
    assertThat(listed.exitCode()).as("%s", listed).isZero();
    assertThat(listed.json()).isEqualTo(List.of());
    assertThat(listed.stderr())
        .contains(
            "0.0.1", "older than this tracker (" + TrackerVersion.VERSION + ")", "restarting");

    // The old daemon shut down gracefully, by request.
    CliResult oldExit = old.await(Duration.ofSeconds(30));
    assertThat(oldExit.exitCode()).as("%s", oldExit).isZero();
    assertThat(DaemonProcesses.isRunning(oldPid)).isFalse();

    long newPid = theOnlyDaemon(cli);
    assertThat(newPid).isNotEqualTo(oldPid);
    JsonObject health = ok(cli.run("daemon", "status", "--json")).object().object("health");
    assertThat(health.string("version")).isEqualTo(TrackerVersion.VERSION);
    assertThat(health.number("pid", -1)).isEqualTo(newPid);
    // Now versions match: no more warnings.
    assertThat(ok(cli.run("list")).stderr()).isEmpty();

    ok(cli.run("daemon", "stop", "-q"));
    assertNoDaemon(cli);
  }

  @Test
  void aNewerDaemonWithTheSameApiIsUsedWithAWarning(CliRunner cli) throws Exception {
    CliRunner.Launched newer = daemonOfVersion(cli, "99.0.0");
    long pid = theOnlyDaemon(cli);

    // (Not with -q, which drops warnings.)
    CliResult created = cli.run("create", "served by a newer daemon", "--json");
    assertThat(created.exitCode()).as("%s", created).isZero();
    assertThat(created.object().string("id")).startsWith("me-");
    assertThat(created.stderr()).contains("99.0.0", "newer than this tracker", "API v1");
    assertThat(theOnlyDaemon(cli)).as("the newer daemon is kept").isEqualTo(pid);

    JsonObject version = ok(cli.run("version", "--json")).object();
    assertThat(version.string("version")).isEqualTo(TrackerVersion.VERSION);
    assertThat(version.object("daemon").string("version")).isEqualTo("99.0.0");

    ok(cli.run("daemon", "stop", "-q"));
    assertThat(newer.await(Duration.ofSeconds(30)).exitCode()).isZero();
    assertNoDaemon(cli);
  }

  /**
   * Starts the distribution's daemon as {@code tracker-daemon run --detached} would, in the test's
   * home, but reporting {@code version}; returns once it answers /v1/health with that version.
   */
  private static CliRunner.Launched daemonOfVersion(CliRunner cli, String version)
      throws IOException {
    Path override = cli.home().resolve("version-" + version);
    Path properties = override.resolve("dev/tracker/core/version.properties");
    Files.createDirectories(properties.getParent());
    Files.writeString(properties, "version=" + version + "\n");
    Path java = Path.of(cli.environment().get("TRACKER_JAVA"));
    Path lib = CliRunner.distribution().resolve("lib/daemon");
    CliRunner.Launched daemon =
        cli.timeout(Duration.ofSeconds(90))
            .spawn(
                List.of(
                    java.toString(),
                    "-Xmx128m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    override + ":" + lib + "/*",
                    "dev.tracker.daemon.DaemonMain",
                    "run",
                    "--detached"));
    Await.until(
        Duration.ofSeconds(60),
        "the daemon of version " + version + " to answer",
        () -> version.equals(healthVersion(cli.paths().socket())));
    return daemon;
  }

  private static String healthVersion(Path socket) {
    if (!Files.exists(socket)) {
      return null;
    }
    try (Api api = new Api(socket)) {
      Api.Reply reply = api.get("/v1/health");
      return reply.status() == 200 ? reply.json().get("version").asString() : null;
    } catch (RuntimeException notYet) {
      return null;
    }
  }
}

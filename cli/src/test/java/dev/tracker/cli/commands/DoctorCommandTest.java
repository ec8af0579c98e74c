package dev.tracker.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.testing.CliHarness;
import dev.tracker.cli.testing.CliHarness.Result;
import dev.tracker.cli.testing.FakeDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
  static final String HEALTHY =
      "{\"database\":{\"file\":\"/d/tracker.db\",\"quickCheck\":[\"ok\"],\"sizeBytes\":4096,"
          + "\"freeBytes\":9000000000},\"git\":{\"available\":true,\"detail\":\"git version 2\"},"
          + "\"files\":[{\"project\":\"trk\",\"file\":\"/r/.tracker/issues.jsonl\",\"exists\":true,"
          + "\"error\":null}],\"sync\":[{\"project\":\"trk\",\"lastExport\":\"2026-03-01T10:00:00Z\","
          + "\"dirty\":false}]}";

  @TempDir Path home;

  @Test
  void withoutADaemonItSaysSoAndStartsNone() {
    Result result = new CliHarness(home).run("doctor");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out())
        .contains("FIX   daemon: no daemon answers on")
        .contains("-> any command starts one")
        .contains("Some checks need attention");
  }

  @Test
  void aHealthyInstallationPassesEveryCheck() throws Exception {
    CliHarness cli = new CliHarness(home);
    Files.setPosixFilePermissions(
        Files.createDirectories(home.resolve("run")), PosixFilePermissions.fromString("rwx------"));
    try (FakeDaemon daemon = cli.daemon()) {
      Files.setPosixFilePermissions(cli.socket(), PosixFilePermissions.fromString("rw-------"));
      Files.writeString(home.resolve("run/daemon.pid"), String.valueOf(FakeDaemon.FAKE_PID));
      daemon.on("GET", "/v1/diagnostics", 200, HEALTHY);

      Result result = cli.run("doctor");

      assertThat(result.exit()).as(result.out()).isZero();
      assertThat(result.out())
          .contains("ok    database integrity: /d/tracker.db: ok")
          .contains("ok    git: git version 2")
          .contains("ok    sync file of trk")
          .contains("Everything looks fine.");
    }
  }

  @Test
  void eachProblemComesWithItsFixAndJsonListsEveryCheck() throws Exception {
    CliHarness cli = new CliHarness(home);
    Files.setPosixFilePermissions(
        Files.createDirectories(home.resolve("run")), PosixFilePermissions.fromString("rwxr-xr-x"));
    try (FakeDaemon daemon = cli.daemon()) {
      daemon.on(
          "GET",
          "/v1/diagnostics",
          200,
          HEALTHY
              .replace("[\"ok\"]", "[\"row 3 missing from index issue_by_project_id\"]")
              .replace("\"freeBytes\":9000000000", "\"freeBytes\":1000")
              .replace("\"error\":null", "\"error\":\"line 4: conflict marker\""));

      Result result = cli.run("doctor", "--json");

      assertThat(result.exit()).isEqualTo(1);
      JsonObject report = Json.parseObject(result.out());
      assertThat(report).containsEntry("ok", false);
      List<JsonObject> failed =
          report.objects("checks").stream()
              .filter(check -> Boolean.FALSE.equals(check.get("ok")))
              .toList();
      assertThat(failed)
          .extracting(check -> check.string("check"))
          .contains("runtime directory", "database integrity", "disk space", "sync file of trk");
      assertThat(failed).allSatisfy(check -> assertThat(check.string("fix")).isNotBlank());
      assertThat(failed.get(0).string("fix")).startsWith("chmod 700 ");
    }
  }

  @Test
  void filesOfAVanishedDaemonAreStaleWithTheCommandToRemoveThem() throws Exception {
    CliHarness cli = new CliHarness(home);
    CliHarness.write(home.resolve("run/daemon.token"), "secret");
    CliHarness.write(home.resolve("run/daemon.tcp"), "127.0.0.1:4242");

    JsonObject stale = check(cli.run("doctor", "--json"), "stale files");

    assertThat(stale.get("ok")).isEqualTo(false);
    assertThat(stale.string("detail")).contains("daemon.token", "daemon.tcp");
    assertThat(stale.string("fix"))
        .contains("rm " + home.resolve("run/daemon.token") + " " + home.resolve("run/daemon.tcp"));
  }

  @Test
  void aLoginServiceIsCheckedForTheProgramItStarts() throws Exception {
    CliHarness cli = new CliHarness(home);
    assertThat(check(cli.run("doctor", "--json"), "login service").string("detail"))
        .startsWith("not installed");

    Path unit = home.resolve(".config/systemd/user/tracker.service");
    CliHarness.write(
        unit, "[Service]\nExecStart=" + home.resolve("gone/tracker-daemon") + " run\n");
    JsonObject gone = check(cli.run("doctor", "--json"), "login service");
    assertThat(gone.get("ok")).isEqualTo(false);
    assertThat(gone.string("detail")).contains(unit.toString(), "gone/tracker-daemon", "is gone");
    assertThat(gone.string("fix")).contains("tracker daemon install");

    Path program = home.resolve("dist/bin/tracker-daemon");
    CliHarness.write(program, "#!/bin/sh\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    CliHarness.write(unit, "[Service]\nExecStart=" + program + " run\n");
    CliHarness.write(home.resolve(".config/systemd/user/tracker.socket"), "[Socket]\n");
    JsonObject installed = check(cli.run("doctor", "--json"), "login service");
    assertThat(installed.get("ok")).isEqualTo(true);
    assertThat(installed.string("detail"))
        .isEqualTo(unit + " starts " + program + " (socket-activated)");
  }

  private static JsonObject check(Result result, String name) {
    return Json.parseObject(result.out()).objects("checks").stream()
        .filter(check -> name.equals(check.string("check")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + result.out()));
  }
}

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
}

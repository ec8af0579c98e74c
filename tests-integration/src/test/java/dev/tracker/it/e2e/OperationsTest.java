package dev.tracker.it.e2e;

import static dev.tracker.it.e2e.Projects.createId;
import static dev.tracker.it.e2e.Projects.fails;
import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.DatabaseSettings;
import dev.tracker.it.harness.Await;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.CliTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** backup, doctor against a real daemon, daemon status and daemon logs -f. */
@CliTest
class OperationsTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void backupCopiesTheLiveDatabaseAndNeverOverwrites(CliRunner cli) throws Exception {
    CliRunner repo = Projects.initRepo(cli, "bk", "bk");
    String first = createId(repo, "First");
    String second = createId(repo, "Second");

    JsonObject report = ok(repo.run("backup", "copy.db", "--json")).object();

    Path copy = repo.workDir().resolve("copy.db");
    assertThat(report.string("file")).isEqualTo(copy.toString());
    assertThat(report.number("sizeBytes", -1)).isEqualTo(Files.size(copy));
    // The copy is a whole database, sound and with the issues, that SQLite reads on its own.
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement statement = sqlite.createStatement()) {
      assertThat(column(statement, "PRAGMA integrity_check")).containsExactly("ok");
      assertThat(column(statement, "SELECT id FROM issue ORDER BY id"))
          .containsExactlyInAnyOrder(first, second);
    }
    // Restoring is putting the copy in the database's place: a daemon's database opens it as is.
    Path restored = Files.createDirectories(cli.home().resolve("restored")).resolve("tracker.db");
    Files.copy(copy, restored);
    try (Database database = Database.open(DatabaseSettings.defaults(restored))) {
      database.awaitReady();
      assertThat(database.quickCheck()).containsExactly("ok");
      Long issues =
          database.read(
              session ->
                  session
                      .createNativeQuery("SELECT count(*) FROM issue", Long.class)
                      .getSingleResult());
      assertThat(issues).isEqualTo(2L);
    }

    // The daemon served on; a second backup to the same name is refused, the first one intact.
    createId(repo, "Third");
    long size = Files.size(copy);
    fails(repo.run("backup", "copy.db"), 4, copy.toString(), "already exists");
    assertThat(Files.size(copy)).isEqualTo(size);
    fails(repo.run("backup", "missing/copy.db"), 2, "does not exist");
    assertThat(ok(repo.run("backup", "third.db")).stdout())
        .startsWith("Backed up the database to " + repo.workDir().resolve("third.db"));
  }

  @Test
  void doctorChecksTheRunningDaemonAndGivesAFixForEachProblem(CliRunner cli) throws Exception {
    Path config = cli.home().resolve("xdg-config");
    // The login service is looked for under this test's own config directory.
    CliRunner repo = Projects.initRepo(cli, "dr", "dr").env("XDG_CONFIG_HOME", config.toString());
    createId(repo, "Something to sync");
    ok(repo.run("sync"));

    JsonObject healthy = ok(repo.run("doctor", "--json")).object();

    assertThat(healthy.bool("ok")).as("%s", healthy).isTrue();
    assertThat(names(healthy))
        .containsExactly(
            "runtime directory",
            "socket",
            "pid file",
            "stale files",
            "daemon",
            "database integrity",
            "disk space",
            "git",
            "sync file of dr",
            "sync of dr",
            "launcher cache",
            "login service");
    assertThat(check(healthy, "daemon").string("detail"))
        .contains("pid " + ProcessHandle.current().pid(), "version ");
    assertThat(check(healthy, "database integrity").string("detail")).endsWith(": ok");
    assertThat(check(healthy, "login service").string("detail")).startsWith("not installed");

    // Two problems: a sync file that does not parse, and a login service whose program is gone.
    Path jsonl = repo.workDir().resolve(".tracker/issues.jsonl");
    Files.writeString(jsonl, "{not json\n", StandardOpenOption.APPEND);
    Path unit = config.resolve("systemd/user/tracker.service");
    Files.createDirectories(unit.getParent());
    Files.writeString(unit, "[Service]\nExecStart=/opt/gone/bin/tracker-daemon run\n");

    CliResult sick = repo.run("doctor", "--json");

    assertThat(sick.exitCode()).as("%s", sick).isEqualTo(1);
    JsonObject report = sick.object();
    assertThat(report.bool("ok")).isFalse();
    assertThat(check(report, "sync file of dr").bool("ok")).isFalse();
    assertThat(check(report, "sync file of dr").string("detail")).contains(jsonl.toString());
    assertThat(check(report, "login service").string("detail"))
        .contains(unit.toString(), "/opt/gone/bin/tracker-daemon", "gone");
    assertThat(check(report, "login service").string("fix")).contains("tracker daemon install");
    assertThat(report.objects("checks"))
        .filteredOn(each -> !each.bool("ok"))
        .allSatisfy(each -> assertThat(each.string("fix")).as(each.string("check")).isNotBlank());

    String human = repo.run("doctor").stdout();
    assertThat(human)
        .contains("FIX   login service: " + unit)
        .contains("      -> 'tracker daemon install' from the installation you use now")
        .contains("Some checks need attention");
  }

  @Test
  void statusShowsProcessFiguresRequestsAndEachProjectsSync(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "sx", "sx");
    createId(repo, "Counted");
    ok(repo.run("sync"));

    String status = ok(repo.run("daemon", "status")).stdout();

    assertThat(status)
        .contains("The daemon is running (pid " + ProcessHandle.current().pid())
        .containsPattern("uptime: \\d+ s, requests served: [1-9]\\d*")
        .containsPattern(
            "memory: \\d+ MB resident, \\d+ MB heap in use; open files: [1-9]\\d*,"
                + " threads: [1-9]\\d*")
        .contains("project sx (" + repo.workDir() + ")")
        .containsPattern("sync of sx: last export [^,]+, last import ");
    JsonObject process = ok(repo.run("daemon", "status", "--json")).object().object("status");
    assertThat(process.number("requests", 0)).isPositive();
    assertThat(process.object("process").keySet())
        .containsExactlyInAnyOrder("rssBytes", "heapUsedBytes", "openFiles", "threads");
  }

  @Test
  void logsFollowPrintsWhatIsAddedUntilItIsStopped(CliRunner cli) throws Exception {
    // The in-process daemon logs through the test's logging, so the test writes the log itself.
    Path log = cli.paths().logFile();
    Files.createDirectories(log.getParent());
    Files.writeString(log, "line one\nline two\n");

    CliRunner.Launched follow = cli.start("daemon", "logs", "-f", "-n", "1");
    Await.until(WAIT, "the last line", () -> follow.stdoutSoFar().contains("line two"));
    Files.writeString(log, "line three\n", StandardOpenOption.APPEND);
    Await.until(WAIT, "the appended line", () -> follow.stdoutSoFar().contains("line three"));
    // Rolled over: a file shorter than what was read is read again from its start.
    Files.writeString(log, "after rolling over\n");
    Await.until(WAIT, "the new file", () -> follow.stdoutSoFar().contains("after rolling over"));
    assertThat(follow.isAlive()).as("-f keeps following").isTrue();

    CliResult ended = follow.terminate(WAIT);
    assertThat(ended.stdoutLines()).containsExactly("line two", "line three", "after rolling over");
  }

  private static List<String> column(Statement statement, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static List<String> names(JsonObject report) {
    return report.objects("checks").stream().map(each -> each.string("check")).toList();
  }

  private static JsonObject check(JsonObject report, String name) {
    Map<String, JsonObject> byName =
        report.objects("checks").stream()
            .collect(Collectors.toMap(each -> each.string("check"), each -> each));
    assertThat(byName).containsKey(name);
    return byName.get(name);
  }
}

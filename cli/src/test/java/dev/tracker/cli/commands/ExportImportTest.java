package dev.tracker.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.testing.CliHarness;
import dev.tracker.cli.testing.CliHarness.Result;
import dev.tracker.cli.testing.FakeDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportTest {
  static final String ALL = "/v1/projects/trk/issues?sort=id&limit=1000";
  static final String EXISTING = "/v1/projects/trk/issues?limit=1000";

  @TempDir Path home;
  CliHarness cli;
  FakeDaemon daemon;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(home).env("TRACKER_PROJECT", "trk");
    daemon = cli.daemon();
    String issue = IssueCommandsTest.ISSUE.replace("\"Login fails\"", "\"Login, \\\"fails\\\"\"");
    daemon.on("GET", ALL, 200, "{\"items\":[" + issue + "],\"nextCursor\":null}");
    daemon.on("GET", EXISTING, 200, "{\"items\":[" + issue + "],\"nextCursor\":null}");
    daemon.on(
        "GET",
        "/v1/projects/trk/issues/trk-a1b2/dependencies",
        200,
        "[{\"issue\":\"trk-a1b2\",\"dependsOn\":\"trk-k3\",\"kind\":\"blocks\"},"
            + "{\"issue\":\"trk-z9\",\"dependsOn\":\"trk-a1b2\",\"kind\":\"blocks\"}]");
    daemon.on("GET", "/v1/projects/trk/issues/trk-a1b2/comments", 200, "[]");
  }

  @AfterEach
  void stop() throws Exception {
    daemon.close();
  }

  @Test
  void jsonlLinesFollowTheSyncFileFormat() {
    Result result = cli.run("export");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "{\"id\":\"trk-a1b2\",\"title\":\"Login, \\\"fails\\\"\",\"status\":\"open\","
                + "\"priority\":1,\"type\":\"bug\",\"labels\":[\"auth\"],"
                + "\"createdAt\":\"2026-03-01T10:00:01.000Z\",\"updatedAt\":"
                + "\"2026-03-01T10:00:01.000Z\",\"dependencies\":[{\"dependsOn\":\"trk-k3\","
                + "\"kind\":\"blocks\"}]}\n");
  }

  @Test
  void csvQuotesWhatNeedsQuoting() {
    Result result = cli.run("export", "--format", "csv");

    assertThat(result.out().split("\r\n")[1])
        .startsWith("trk-a1b2,\"Login, \"\"fails\"\"\",open,1,bug,,auth,");
  }

  @Test
  void toAFileWithJsonPrintsASummary() throws Exception {
    Result result = cli.run("export", "-f", "markdown", "-o", "out/issues.md", "--json");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(Json.parseObject(result.out()))
        .containsEntry("format", "markdown")
        .containsEntry("issues", 1L);
    assertThat(Files.readString(home.resolve("out/issues.md")))
        .startsWith("# Issues of trk\n\n## trk-a1b2: Login, \"fails\"\n");
  }

  @Test
  void jsonOnStdoutWithAnotherFormatIsAUsageError() {
    Result result = cli.run("export", "-f", "csv", "--json");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("--json prints JSON on stdout, but --format is csv");
  }

  @Test
  void dryRunShowsWhatWouldChangeAndChangesNothing() throws Exception {
    Path file = home.resolve("in.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"trk-a1b2\",\"title\":\"Login, \\\"fails\\\"\",\"status\":\"closed\",\"priority\":1}\n"
            + "\n"
            + "{\"id\":\"trk-new1\",\"title\":\"Brand new\"}\n"
            + "{\"id\":\"trk-gone\",\"title\":\"Gone\",\"deletedAt\":\"2026-03-01T10:00:00.000Z\"}\n");

    Result result = cli.run("import", file.toString(), "--dry-run", "--json");

    assertThat(result.exit()).as(result.err()).isZero();
    JsonObject report = Json.parseObject(result.out());
    assertThat(report)
        .containsEntry("dryRun", true)
        .containsEntry("created", 1L)
        .containsEntry("updated", 1L)
        .containsEntry("skipped", 1L);
    assertThat(report.objects("changes").get(0).strings("fields")).containsExactly("status");
    assertThat(daemon.calls()).containsExactly("GET " + EXISTING);
  }

  @Test
  void importCreatesAndUpdates() throws Exception {
    daemon.on(
        "POST", "/v1/projects/trk/issues", 201, "{\"id\":\"trk-q1\",\"title\":\"Brand new\"}");
    daemon.on("PATCH", "/v1/projects/trk/issues/trk-a1b2", 200, IssueCommandsTest.ISSUE);

    Result result =
        cli.stdin(
                "{\"id\":\"trk-a1b2\",\"title\":\"Renamed\"}\n"
                    + "{\"id\":\"trk-new1\",\"title\":\"Brand new\",\"priority\":0}\n")
            .run("import", "-");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("update trk-a1b2 (title): Renamed")
        .contains("create trk-q1: Brand new");
    assertThat(Json.parseObject(daemon.last("POST", "/v1/projects/trk/issues").bodyText()))
        .containsEntry("title", "Brand new")
        .containsEntry("priority", 0L);
  }

  @Test
  void aBadLineStopsTheImportBeforeAnyChange() {
    Result result = cli.stdin("{\"title\":\"ok\"}\n{\"title\":\n").run("import", "-");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).startsWith("tracker: line 2: invalid JSON at line 1, column 10");
    assertThat(daemon.calls()).isEmpty();
  }
}

package dev.tracker.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.testing.CliHarness;
import dev.tracker.cli.testing.CliHarness.Result;
import dev.tracker.cli.testing.FakeDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportTest {
  static final String EXPORT = "/v1/projects/trk/export";
  static final String IMPORT = "/v1/projects/trk/import";
  static final String LIVE =
      "{\"id\":\"trk-a1b2\",\"title\":\"Login, \\\"fails\\\"\",\"status\":\"open\","
          + "\"priority\":1,\"type\":\"bug\",\"labels\":[\"auth\"],"
          + "\"createdAt\":\"2026-03-01T10:00:01.000Z\",\"updatedAt\":"
          + "\"2026-03-01T10:00:01.000Z\",\"dependencies\":[{\"dependsOn\":\"trk-k3\","
          + "\"kind\":\"blocks\"}]}";
  static final String TOMBSTONE =
      "{\"id\":\"trk-gone\",\"title\":\"Gone\",\"status\":\"open\",\"priority\":2,"
          + "\"type\":\"task\",\"createdAt\":\"2026-03-01T10:00:00.000Z\","
          + "\"updatedAt\":\"2026-03-01T10:00:00.000Z\","
          + "\"deletedAt\":\"2026-03-02T10:00:00.000Z\"}";
  static final String REPORT =
      "{\"project\":\"trk\",\"file\":\"F\",\"dryRun\":DRY,\"created\":1,\"updated\":1,"
          + "\"deleted\":0,\"unchanged\":3,\"changes\":["
          + "{\"id\":\"trk-a1b2\",\"change\":\"update\",\"title\":\"Renamed\"},"
          + "{\"id\":\"trk-new1\",\"change\":\"create\",\"title\":\"Brand new\"}]}";

  @TempDir Path home;
  CliHarness cli;
  FakeDaemon daemon;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(home).env("TRACKER_PROJECT", "trk");
    daemon = cli.daemon();
    daemon.on("GET", EXPORT, 200, LIVE + "\n" + TOMBSTONE + "\n");
  }

  @AfterEach
  void stop() throws Exception {
    daemon.close();
  }

  @Test
  void jsonlIsTheDaemonsExportAsItIsTombstonesIncluded() {
    Result result = cli.run("export");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(LIVE + "\n" + TOMBSTONE + "\n");
    assertThat(daemon.calls()).containsExactly("GET " + EXPORT);
  }

  @Test
  void jsonIsTheLiveIssuesAsOneArray() {
    Result result = cli.run("export", "--json");

    assertThat(result.exit()).as(result.err()).isZero();
    List<Object> issues = Json.parseArray(result.out());
    assertThat(issues).hasSize(1);
    assertThat((JsonObject) issues.get(0)).containsEntry("id", "trk-a1b2");
  }

  @Test
  void csvQuotesWhatNeedsQuoting() {
    Result result = cli.run("export", "--format", "csv");

    assertThat(result.out().split("\r\n")).hasSize(2);
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
  void dryRunAsksTheDaemonForAReportOnly() throws Exception {
    Path file = home.resolve("in.jsonl");
    Files.writeString(file, LIVE + "\n");
    daemon.on("POST", IMPORT, 200, REPORT.replace("DRY", "true"));

    Result result = cli.run("import", "in.jsonl", "--dry-run", "--json");

    assertThat(result.exit()).as(result.err()).isZero();
    JsonObject request = Json.parseObject(daemon.last("POST", IMPORT).bodyText());
    assertThat(request)
        .containsEntry("file", file.toAbsolutePath().toString())
        .containsEntry("dryRun", true);
    assertThat(Json.parseObject(result.out()))
        .containsEntry("dryRun", true)
        .containsEntry("created", 1L)
        .containsEntry("updated", 1L);
  }

  @Test
  void importPrintsEachChangeAndTheCounts() throws Exception {
    Files.writeString(home.resolve("in.jsonl"), LIVE + "\n");
    daemon.on("POST", IMPORT, 200, REPORT.replace("DRY", "false"));

    Result result = cli.run("import", "in.jsonl");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("update trk-a1b2: Renamed")
        .contains("create trk-new1: Brand new");
    assertThat(result.out()).contains("Imported: created 1, updated 1, deleted 0; 3 unchanged.");
  }

  @Test
  void stdinIsPassedThroughAPrivateFileThatIsRemovedAfterwards() throws Exception {
    daemon.on("POST", IMPORT, 200, REPORT.replace("DRY", "false"));

    Result result = cli.stdin(LIVE + "\n").run("import", "-");

    assertThat(result.exit()).as(result.err()).isZero();
    Path sent = Path.of(Json.parseObject(daemon.last("POST", IMPORT).bodyText()).string("file"));
    assertThat(sent).isAbsolute();
    assertThat(Files.exists(sent)).as("temporary copy removed").isFalse();
  }

  @Test
  void aMissingFileIsAUsageErrorAndNothingIsSent() {
    Result result = cli.run("import", "nowhere.jsonl");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("cannot read nowhere.jsonl: no such file");
    assertThat(daemon.calls()).doesNotContain("POST " + IMPORT);
  }

  @Test
  void theDaemonsRefusalOfABadFileIsReportedWithItsLine() throws Exception {
    Files.writeString(home.resolve("bad.jsonl"), "{\"title\":\n");
    daemon.problem(
        "POST", IMPORT, 400, "validation_failed", "file: /x/bad.jsonl:1: truncated line");

    Result result = cli.run("import", "bad.jsonl");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("bad.jsonl:1: truncated line");
  }
}

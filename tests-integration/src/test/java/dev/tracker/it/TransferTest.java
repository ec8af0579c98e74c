package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonTest;
import dev.tracker.it.harness.TestDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET .../export} and {@code POST .../import}, against a real daemon and real files. */
@DaemonTest
class TransferTest {
  private Api api;
  private Path home;

  @BeforeEach
  void project(TestDaemon daemon) {
    api = daemon.api();
    home = daemon.home();
    assertThat(api.post("/v1/projects", Map.of("key", "trk", "name", "Tracker")).status())
        .isEqualTo(201);
  }

  @Test
  void anEmptyProjectExportsNothingAsNdjson() {
    Api.Reply export = api.get("/v1/projects/trk/export");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
    assertThat(export.text()).isEmpty();
  }

  @Test
  void theExportHoldsEveryIssueSortedWithTombstones() {
    String b = create("second");
    String a = create("first");
    assertThat(api.delete("/v1/projects/trk/issues/" + b).status()).isEqualTo(200);

    List<String> lines = lines(api.get("/v1/projects/trk/export").text());
    assertThat(lines).hasSize(2);
    assertThat(lines).isSortedAccordingTo(String::compareTo);
    assertThat(String.join("\n", lines)).contains("\"id\":\"" + a + "\"");
    assertThat(lines.stream().filter(l -> l.contains(b)).findFirst().orElseThrow())
        .contains("\"deletedAt\":");
  }

  @Test
  void reimportingAnExportChangesNothingAndAnOlderLineLosesToANewerDeletion() throws IOException {
    String id = create("kept id");
    api.post("/v1/projects/trk/issues/" + id + "/comments", Map.of("body", "a comment"));
    Path file = home.resolve("backup.jsonl");
    Files.writeString(file, api.get("/v1/projects/trk/export").text());

    JsonNode same = importFile(file, false);
    assertThat(same.get("changes")).isEmpty();
    assertThat(same.get("unchanged").asInt()).isEqualTo(1);

    assertThat(api.delete("/v1/projects/trk/issues/" + id).status()).isEqualTo(200);
    JsonNode older = importFile(file, false);
    assertThat(older.get("changes")).as("the deletion is newer than the backup").isEmpty();
    assertThat(api.get("/v1/projects/trk/issues/" + id).status()).isEqualTo(404);
  }

  @Test
  void aDryRunReportsAndChangesNothingThenTheImportAppliesIt() throws IOException {
    String id = create("existing");
    String export = api.get("/v1/projects/trk/export").text();
    String renamed =
        export
            .replace("\"title\":\"existing\"", "\"title\":\"renamed in the file\"")
            .replaceAll("\"updatedAt\":\"[^\"]+\"", "\"updatedAt\":\"2099-01-01T00:00:00.000Z\"");
    String added =
        "{\"id\":\"trk-zzzz9\",\"title\":\"added in the file\",\"status\":\"open\",\"priority\":1,"
            + "\"type\":\"bug\",\"createdAt\":\"2026-03-01T10:00:00.000Z\","
            + "\"updatedAt\":\"2026-03-01T10:00:00.000Z\"}\n";
    Path file = home.resolve("in.jsonl");
    Files.writeString(file, renamed + added);

    JsonNode dry = importFile(file, true);
    assertThat(dry.get("dryRun").asBoolean()).isTrue();
    assertThat(dry.get("created").asInt()).isEqualTo(1);
    assertThat(dry.get("updated").asInt()).isEqualTo(1);
    assertThat(title(id)).isEqualTo("existing");
    assertThat(api.get("/v1/projects/trk/issues/trk-zzzz9").status()).isEqualTo(404);

    JsonNode applied = importFile(file, false);
    assertThat(applied.get("created").asInt()).isEqualTo(1);
    assertThat(title(id)).isEqualTo("renamed in the file");
    assertThat(title("trk-zzzz9")).isEqualTo("added in the file");

    JsonNode repeated = importFile(file, false);
    assertThat(repeated.get("changes")).isEmpty();
    assertThat(repeated.get("unchanged").asInt()).isEqualTo(2);
  }

  @Test
  void aBadLineIsRefusedWithItsNumberAndNothingChanges() throws IOException {
    Path file = home.resolve("bad.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"trk-ok1\",\"title\":\"fine\",\"status\":\"open\",\"priority\":1,"
            + "\"type\":\"bug\",\"createdAt\":\"2026-03-01T10:00:00.000Z\","
            + "\"updatedAt\":\"2026-03-01T10:00:00.000Z\"}\n"
            + "<<<<<<< HEAD\n");
    Api.Reply reply = importReply(file, false);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("field").asString()).isEqualTo("file");
    assertThat(reply.json().get("detail").asString()).contains(file + ":2:");
    assertThat(api.get("/v1/projects/trk/issues/trk-ok1").status()).isEqualTo(404);
  }

  @Test
  void anIssueOfAnotherProjectIsRefused() throws IOException {
    Path file = home.resolve("other.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"abc-1234\",\"title\":\"elsewhere\",\"status\":\"open\",\"priority\":1,"
            + "\"type\":\"bug\",\"createdAt\":\"2026-03-01T10:00:00.000Z\","
            + "\"updatedAt\":\"2026-03-01T10:00:00.000Z\"}\n");
    Api.Reply reply = importReply(file, false);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("detail").asString())
        .contains("'abc-1234' does not belong to project 'trk'");
  }

  @Test
  void aRelativeOrMissingFileIsRefusedNamingTheField() {
    Api.Reply relative =
        api.post("/v1/projects/trk/import", Map.of("file", "in.jsonl", "dryRun", true));
    assertThat(relative.status()).isEqualTo(400);
    assertThat(relative.json().get("field").asString()).isEqualTo("file");
    assertThat(relative.json().get("detail").asString()).contains("must be an absolute path");

    Api.Reply missing = importReply(home.resolve("nowhere.jsonl"), false);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("detail").asString()).contains("no such file");

    Api.Reply unknown = api.post("/v1/projects/trk/import", Map.of("file", "/x", "dryrun", true));
    assertThat(unknown.status()).isEqualTo(400);
  }

  private String create(String title) {
    Api.Reply reply = api.post("/v1/projects/trk/issues", Map.of("title", title));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("id").asString();
  }

  private String title(String id) {
    return api.get("/v1/projects/trk/issues/" + id).json().get("title").asString();
  }

  private JsonNode importFile(Path file, boolean dryRun) {
    Api.Reply reply = importReply(file, dryRun);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private Api.Reply importReply(Path file, boolean dryRun) {
    return api.post("/v1/projects/trk/import", Map.of("file", file.toString(), "dryRun", dryRun));
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }
}

package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonTest;
import dev.tracker.it.harness.TestDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Export and import of {@code .tracker/issues.jsonl}, against a real daemon and real files. */
@DaemonTest
class SyncTest {
  private Api api;
  private Path repo;
  private Path file;

  @BeforeEach
  void project(TestDaemon daemon) throws IOException {
    api = daemon.api();
    repo = Files.createDirectories(daemon.home().resolve("repo"));
    file = repo.resolve(".tracker/issues.jsonl");
    Api.Reply created =
        api.post("/v1/projects", Map.of("key", "trk", "name", "Tracker", "root", repo.toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  @Test
  void anEmptyProjectIsExportedAsAnEmptyFile() throws IOException {
    JsonNode report = sync();
    // The sync loop may have exported the new project before this request did (on a busy
    // machine it does); either way the file is there once the sync has answered, and empty.
    assertThat(report.has("exported")).as(report.toString()).isTrue();
    assertThat(file).exists();
    assertThat(Files.readAllBytes(file)).isEmpty();
  }

  @Test
  void theFirstExportNamesTheProjectInItsRepository() throws IOException {
    sync();
    assertThat(Files.readString(repo.resolve(".tracker/project.toml")))
        .isEqualTo("key = \"trk\"\nname = \"Tracker\"\n");
    Files.writeString(
        repo.resolve(".tracker/project.toml"), "key = \"trk\"\nname = \"Renamed by hand\"\n");
    create("Another write");
    sync();
    assertThat(Files.readString(repo.resolve(".tracker/project.toml")))
        .as("never overwritten")
        .contains("Renamed by hand");
  }

  @Test
  void aWriteIsExportedWithinTheDebounce() throws Exception {
    sync();
    String id = create("Exported soon");
    await(() -> contains(file, id), Duration.ofSeconds(3));
    String line = Files.readAllLines(file).get(0);
    assertThat(line)
        .startsWith("{\"id\":\"" + id + "\",\"title\":\"Exported soon\",\"status\":\"open\"");
  }

  @Test
  void theExportIsSortedDeterministicAndUpdated() throws Exception {
    List<String> ids = List.of(create("b"), create("a"), create("c"));
    sync();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines)
        .extracting(l -> l.substring(7, l.indexOf('"', 7)))
        .isSorted()
        .containsAll(ids);
    byte[] first = Files.readAllBytes(file);
    assertThat(sync().get("exported").asBoolean()).as("nothing changed, nothing written").isFalse();
    assertThat(Files.readAllBytes(file)).isEqualTo(first);

    api.patch("/v1/projects/trk/issues/" + ids.get(0), Map.of("title", "b renamed"), Map.of());
    sync();
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
        .contains("\"title\":\"b renamed\"");
  }

  @Test
  void anExternalEditIsImportedAndImportingAgainChangesNothing() throws Exception {
    String id = create("Original title");
    sync();
    String edited = Files.readString(file).replace("Original title", "Edited in the repository");
    Files.writeString(file, edited);

    // The debounced export of the create may run the import first; either way it lands once.
    sync();
    assertThat(api.get("/v1/projects/trk/issues/" + id).json().get("title").asString())
        .isEqualTo("Edited in the repository");

    long counter = api.get("/v1/projects/trk").json().get("changeCount").asLong();
    JsonNode again = sync();
    assertThat(again.get("imported").asInt()).isZero();
    assertThat(again.get("exported").asBoolean()).isFalse();
    assertThat(api.get("/v1/projects/trk").json().get("changeCount").asLong()).isEqualTo(counter);
  }

  @Test
  void aNewIssueArrivingThroughTheFileIsCreated() throws Exception {
    create("Local");
    sync();
    String arriving =
        "{\"id\":\"trk-zz99\",\"title\":\"From a clone\",\"status\":\"open\",\"priority\":1,\"type\":\"bug\","
            + "\"labels\":[\"remote\"],\"createdAt\":\"2026-01-02T03:04:05.000Z\",\"updatedAt\":\"2026-01-02T03:04:05.000Z\"}\n";
    Files.writeString(file, Files.readString(file) + arriving);
    sync();
    JsonNode issue = api.get("/v1/projects/trk/issues/trk-zz99").json();
    assertThat(issue.get("title").asString()).isEqualTo("From a clone");
    assertThat(issue.get("labels").get(0).asString()).isEqualTo("remote");
  }

  @Test
  void conflictMarkersPauseImportNameTheLineAndLeaveTheFileUntouched() throws Exception {
    create("One");
    sync();
    String conflicted =
        "<<<<<<< HEAD\n" + Files.readString(file) + "=======\n{\"id\":\"trk-x\"}\n>>>>>>> theirs\n";
    Files.writeString(file, conflicted);

    JsonNode report = sync();
    assertThat(report.get("pausedAt").asString()).contains("issues.jsonl:1").contains("conflict");
    create("Written while paused");
    sync();
    assertThat(Files.readString(file)).as("never overwritten").isEqualTo(conflicted);
    JsonNode status = api.get("/v1/status").json().get("sync").get(0);
    assertThat(status.get("pausedAt").asString()).contains(":1:");

    Files.delete(file);
    JsonNode resumed = sync();
    assertThat(resumed.has("pausedAt")).isFalse();
    assertThat(Files.readString(file)).contains("Written while paused");
  }

  @Test
  void aDeletedFileIsExportedAgainNotTreatedAsDeletingEverything() throws Exception {
    String id = create("Survives");
    sync();
    Files.delete(file);
    sync();
    assertThat(Files.readString(file)).contains(id);
    assertThat(api.get("/v1/projects/trk/issues/" + id).status()).isEqualTo(200);
  }

  @Test
  void aFailingProjectRecordsTheErrorAndRecoversOnTheNextCycle() throws Exception {
    create("Blocked export");
    // A regular file where the .tracker directory belongs makes the export fail.
    Files.writeString(repo.resolve(".tracker"), "not a directory");
    JsonNode failed = sync();
    assertThat(failed.get("error").asString()).isNotBlank();
    assertThat(api.get("/v1/status").json().get("sync").get(0).get("lastError").asString())
        .isNotBlank();

    Files.delete(repo.resolve(".tracker"));
    JsonNode recovered = sync();
    assertThat(recovered.get("exported").asBoolean()).isTrue();
    assertThat(api.get("/v1/status").json().get("sync").get(0).has("lastError")).isFalse();
  }

  @Test
  void syncingAProjectWithoutARepositoryIsAClearError() {
    api.post("/v1/projects", Map.of("key", "solo", "name", "Personal"));
    Api.Reply reply = api.post("/v1/projects/solo/sync", null);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("detail").asString()).contains("no repository");
  }

  private JsonNode sync() {
    Api.Reply reply = api.post("/v1/projects/trk/sync", null);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private String create(String title) {
    return api.post("/v1/projects/trk/issues", Map.of("title", title)).json().get("id").asString();
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.exists(file) && Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      Thread.sleep(20);
    }
  }
}

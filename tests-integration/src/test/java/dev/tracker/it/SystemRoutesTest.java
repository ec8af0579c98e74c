package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.TrackerVersion;
import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonTest;
import dev.tracker.it.harness.TestDaemon;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DaemonTest
class SystemRoutesTest {

  @Test
  void healthReportsVersionPidAndTheDatabase(TestDaemon daemon) {
    Api.Reply reply = daemon.api().get("/v1/health");
    assertThat(reply.header("Server")).as("no server banner").isNull();
    JsonNode health = reply.json();
    assertThat(health.get("status").asString()).isEqualTo("ok");
    assertThat(health.get("version").asString())
        .isEqualTo(TrackerVersion.VERSION)
        .doesNotContain("${");
    assertThat(health.get("apiVersion").asInt()).isEqualTo(TrackerVersion.API_VERSION);
    assertThat(health.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
    assertThat(health.get("dbResponseMs").asDouble()).isGreaterThan(0);
    assertThat(health.get("activeConnections").asInt()).isEqualTo(1);
  }

  @Test
  void statusNamesPathsAndProjects(TestDaemon daemon) {
    Api api = daemon.api();
    api.post("/v1/projects", Map.of("key", "abc", "name", "Abc"));
    JsonNode status = api.get("/v1/status").json();
    assertThat(status.get("paths").get("socket").asString())
        .isEqualTo(daemon.paths().socket().toString());
    assertThat(status.get("paths").get("database").asString())
        .isEqualTo(daemon.paths().database().toString());
    assertThat(status.get("projects").get(0).get("key").asString()).isEqualTo("abc");
    assertThat(status.get("requests").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void statusCarriesProcessFiguresForDaemonStatus(TestDaemon daemon) {
    JsonNode process = daemon.api().get("/v1/status").json().get("process");
    assertThat(process.get("rssBytes").asLong()).isPositive();
    assertThat(process.get("heapUsedBytes").asLong()).isPositive();
    assertThat(process.get("openFiles").asInt()).isPositive();
    assertThat(process.get("threads").asInt()).isPositive();
  }

  @Test
  void diagnosticsCheckTheDatabaseGitAndEverySyncFile(TestDaemon daemon) throws Exception {
    Api api = daemon.api();
    java.nio.file.Path repo = Files.createDirectories(daemon.home().resolve("repo"));
    api.post("/v1/projects", Map.of("key", "trk", "name", "Tracker", "root", repo.toString()));
    Files.createDirectories(repo.resolve(".tracker"));
    Files.writeString(repo.resolve(".tracker/issues.jsonl"), "{\"id\":\"trk-1\"\n");

    JsonNode diagnostics = api.get("/v1/diagnostics").json();

    JsonNode db = diagnostics.get("database");
    assertThat(db.get("quickCheck").get(0).asString()).isEqualTo("ok");
    assertThat(db.get("freeBytes").asLong()).isPositive();
    assertThat(diagnostics.get("git").get("available").asBoolean()).isTrue();
    JsonNode file = diagnostics.get("files").get(0);
    assertThat(file.get("project").asString()).isEqualTo("trk");
    assertThat(file.get("exists").asBoolean()).isTrue();
    assertThat(file.get("error").asString()).startsWith("line 1:");
  }

  @Test
  void metricsArePrometheusTextWithRoutesStatusesAndGauges(TestDaemon daemon) {
    Api api = daemon.api();
    api.get("/v1/health");
    api.get("/v1/projects/none");
    Api.Reply reply = api.get("/v1/metrics");
    assertThat(reply.header("Content-Type")).startsWith("text/plain; version=0.0.4");
    assertThat(reply.text())
        .contains("tracker_http_requests_total{route=\"/v1/health\",status=\"200\"} 1")
        .contains("tracker_http_requests_total{route=\"/v1/projects/{project}\",status=\"404\"} 1")
        .contains("tracker_http_request_duration_seconds_bucket{le=\"+Inf\"} 2")
        .contains("tracker_db_connections_active ")
        .contains("tracker_db_connections_idle ")
        .containsPattern("process_open_fds \\d+")
        .containsPattern("jvm_threads_live \\d+")
        .containsPattern("jvm_heap_used_bytes \\d+");
  }

  @Test
  void healthSaysWhetherTheSocketWasInherited(TestDaemon daemon) {
    assertThat(daemon.api().get("/v1/health").json().get("socketActivated").asBoolean()).isFalse();
  }

  @Test
  void backupWritesAWholeCopyAndRefusesWhatItCannotWrite(TestDaemon daemon) throws Exception {
    Api api = daemon.api();
    api.post("/v1/projects", Map.of("key", "bk", "name", "Backup"));
    java.nio.file.Path dir = Files.createDirectories(daemon.home().resolve("backups"));
    java.nio.file.Path copy = dir.resolve("tracker.db");

    Api.Reply done = api.post("/v1/backup", Map.of("file", copy.toString()));
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    assertThat(done.json().get("file").asString()).isEqualTo(copy.toString());
    assertThat(done.json().get("sizeBytes").asLong()).isEqualTo(Files.size(copy)).isPositive();
    assertThat(done.json().get("millis").asLong()).isNotNegative();
    // Only the copy: the temporary name it was written under is gone.
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(copy);
    }

    assertProblem(
        api.post("/v1/backup", Map.of("file", copy.toString())), 409, "already_exists", "exists");
    assertProblem(
        api.post("/v1/backup", Map.of("file", "relative.db")),
        400,
        "validation_failed",
        "absolute");
    assertProblem(
        api.post("/v1/backup", Map.of("file", dir.resolve("no/such/dir.db").toString())),
        400,
        "validation_failed",
        "does not exist");
    assertProblem(api.post("/v1/backup", Map.of()), 400, "validation_failed", "required");
  }

  private static void assertProblem(Api.Reply reply, int status, String code, String detail) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    assertThat(reply.json().get("code").asString()).isEqualTo(code);
    assertThat(reply.json().get("field").asString()).isEqualTo("file");
    assertThat(reply.json().get("detail").asString()).contains(detail);
  }

  @Test
  void shutdownStopsTheDaemonGracefullyAndRemovesItsFiles(TestDaemon daemon) throws Exception {
    Api.Reply reply = daemon.api().post("/v1/shutdown", null);
    assertThat(reply.status()).isEqualTo(202);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    // Closing runs in reverse order: the socket goes first, the PID file after the database.
    while ((Files.exists(daemon.paths().socket()) || Files.exists(daemon.paths().pidFile()))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(Files.exists(daemon.paths().socket())).isFalse();
    assertThat(Files.exists(daemon.paths().pidFile())).isFalse();
  }
}

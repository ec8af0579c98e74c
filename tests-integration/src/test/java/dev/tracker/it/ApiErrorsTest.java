package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonTest;
import dev.tracker.it.harness.TestDaemon;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every error status of the API, as a client sees it: problem JSON with a stable code. */
@DaemonTest
class ApiErrorsTest {
  private Api api;
  private String issue;

  @BeforeEach
  void project(TestDaemon daemon) {
    api = daemon.api();
    assertThat(api.post("/v1/projects", Map.of("key", "trk", "name", "Tracker")).status())
        .isEqualTo(201);
    issue =
        api.post("/v1/projects/trk/issues", Map.of("title", "Existing"))
            .json()
            .get("id")
            .asString();
  }

  @Test
  void malformedJsonIs400() {
    assertProblem(
        api.post("/v1/projects/trk/issues", "{\"title\": "), 400, "invalid_request", null);
  }

  @Test
  void unknownFieldIs400NamingIt() {
    assertProblem(
        api.post("/v1/projects/trk/issues", Map.of("title", "t", "colour", "red")),
        400,
        "invalid_request",
        "colour");
  }

  @Test
  void wrongTypeIs400NamingTheField() {
    assertProblem(
        api.post("/v1/projects/trk/issues", Map.of("title", "t", "labels", 7)),
        400,
        "invalid_request",
        "labels");
  }

  @Test
  void outOfRangeValuesAre400NamingTheField() {
    assertProblem(
        api.post("/v1/projects/trk/issues", Map.of("title", "t", "priority", 9)),
        400,
        "validation_failed",
        "priority");
    assertProblem(
        api.post("/v1/projects/trk/issues", Map.of("title", "t", "status", "done")),
        400,
        "validation_failed",
        "status");
    assertProblem(
        api.post("/v1/projects/trk/issues", Map.of("title", "x".repeat(501))),
        400,
        "validation_failed",
        "title");
    assertProblem(api.get("/v1/projects/trk/issues?limit=0"), 400, "validation_failed", "limit");
    assertProblem(api.get("/v1/projects/trk/issues?colour=red"), 400, "invalid_request", "colour");
  }

  @Test
  void unknownIdAndUnknownProjectAre404() {
    assertProblem(api.get("/v1/projects/trk/issues/trk-zzzzzz"), 404, "not_found", null);
    assertProblem(api.get("/v1/projects/nope/issues"), 404, "not_found", null);
  }

  @Test
  void unknownRouteIs404AndWrongMethodIs405WithAllow() {
    assertProblem(api.get("/v1/nothing/here"), 404, "not_found", null);
    Api.Reply reply = api.delete("/v1/health");
    assertProblem(reply, 405, "method_not_allowed", "method");
    assertThat(reply.header("Allow")).isEqualTo("GET");
  }

  @Test
  void staleIfMatchIs412AndTheCurrentVersionWins() {
    Api.Reply first =
        api.patch(
            "/v1/projects/trk/issues/" + issue,
            Map.of("title", "First"),
            Map.of("If-Match", "\"0\""));
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("ETag")).isEqualTo("\"1\"");
    assertProblem(
        api.patch(
            "/v1/projects/trk/issues/" + issue,
            Map.of("title", "Second"),
            Map.of("If-Match", "\"0\"")),
        412,
        "version_conflict",
        null);
    assertThat(api.get("/v1/projects/trk/issues/" + issue).json().get("title").asString())
        .isEqualTo("First");
  }

  @Test
  void bodyOverOneMebibyteIs413() {
    String huge = "{\"title\":\"" + "x".repeat(1024 * 1024) + "\"}";
    assertProblem(api.post("/v1/projects/trk/issues", huge), 413, "payload_too_large", null);
  }

  @Test
  void wrongContentTypeIs415() {
    Api.Reply reply =
        api.send(
            "POST",
            "/v1/projects/trk/issues",
            Map.of("Content-Type", "text/plain"),
            "{\"title\":\"t\"}");
    assertProblem(reply, 415, "unsupported_media_type", "Content-Type");
  }

  @Test
  void ambiguousPrefixIs400ListingCandidates() {
    for (int i = 0; i < 60; i++) {
      api.post("/v1/projects/trk/issues", Map.of("title", "issue " + i));
    }
    Api.Reply reply = api.get("/v1/projects/trk/issues/trk-");
    assertProblem(reply, 400, "ambiguous_id", "id");
    assertThat(reply.json().get("candidates").size()).isGreaterThan(1);
  }

  @Test
  void rejectedRequestsChangeNothing() {
    long before = api.get("/v1/projects/trk").json().get("changeCount").asLong();
    api.post("/v1/projects/trk/issues", Map.of("title", "t", "priority", 9));
    api.post("/v1/projects/trk/issues", "{broken");
    api.patch("/v1/projects/trk/issues/" + issue, Map.of("title", ""), Map.of());
    assertThat(api.get("/v1/projects/trk").json().get("changeCount").asLong()).isEqualTo(before);
    assertThat(api.get("/v1/projects/trk/issues").json().get("items").size()).isEqualTo(1);
  }

  static void assertProblem(Api.Reply reply, int status, String code, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.header("X-Request-Id")).isNotBlank();
    JsonNode problem = reply.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("code").asString()).isEqualTo(code);
    assertThat(problem.get("detail").asString())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    if (field != null) {
      assertThat(problem.get("field").asString()).isEqualTo(field);
    }
  }
}

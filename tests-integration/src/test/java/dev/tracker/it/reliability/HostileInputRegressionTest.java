package dev.tracker.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonTest;
import dev.tracker.it.harness.TestDaemon;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One test for each failure the hostile-input tests found in the daemon, as it was found. */
@DaemonTest
class HostileInputRegressionTest {
  private Api api;
  private TestDaemon daemon;

  @BeforeEach
  void project(TestDaemon daemon) {
    this.daemon = daemon;
    api = daemon.api();
    assertThat(api.post("/v1/projects", Map.of("key", "trk", "name", "Tracker")).status())
        .isEqualTo(201);
  }

  /** Was a 500: the instant parsed, then could not be formatted for the query. */
  @Test
  void anInstantBeyondYear9999Is400NamingTheParameter() {
    for (String instant :
        List.of(
            "%2B1000000000-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z")) {
      assertProblem(
          api.get("/v1/projects/trk/issues?created-since=" + instant),
          "validation_failed",
          "created-since");
    }
    assertThat(api.get("/v1/projects/trk/issues?updated-before=9999-12-31").status())
        .isEqualTo(200);
  }

  /**
   * Was a 505 with Jetty's HTML page: a 5xx for a client's mistake. (HTTP/2.0 on this HTTP/1.1
   * socket is Jetty's 426, a problem too.)
   */
  @Test
  void anUnsupportedHttpVersionIsA400Problem() throws Exception {
    for (String version : List.of("HTTP/1.2", "HTTP/1.1x", "HTTPS/1.1", "HTTP/0.9", "HTTP/11")) {
      WireResponse response =
          raw(("GET /v1/health " + version + "\r\nHost: localhost\r\n\r\n").getBytes());
      assertThat(response.status()).as(version).isEqualTo(400);
      assertThat(response.mediaType()).as(version).isEqualTo("application/problem+json");
      assertThat(response.text()).as(version).contains("\"code\":\"invalid_request\"");
    }
  }

  /**
   * Was Jetty's HTML page (or an empty body, by method) without a request id, on a connection Jetty
   * then closed without saying so.
   */
  @Test
  void aRequestJettyRefusesGetsAProblemWithARequestIdAndConnectionClose() throws Exception {
    WireResponse response = raw("DELETE /v1/health HTTP/1.1\r\nX-A: a\rb\r\n\r\n".getBytes());
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.mediaType()).isEqualTo("application/problem+json");
    assertThat(response.header("x-request-id")).isNotBlank();
    assertThat(response.closesConnection()).isTrue();
    JsonNode problem = ValidCalls.JSON.readTree(response.body());
    assertThat(problem.get("requestId").asString()).isEqualTo(response.header("x-request-id"));
  }

  /** Both were 500s: the path was parsed deep in the store and the NUL refused there. */
  @Test
  void aNulByteInARootOrAnImportFileIs400NamingTheField() {
    assertProblem(
        api.post("/v1/projects", Map.of("key", "nul", "root", daemon.home() + "/a\u0000b")),
        "validation_failed",
        "root");
    assertProblem(
        api.post("/v1/projects/trk/import", Map.of("file", "/etc/hosts\u0000.jsonl")),
        "validation_failed",
        "file");
  }

  /** Was a 201, and the sync loop then created the whole path to write its file there. */
  @Test
  void aRootThatIsNotAnExistingDirectoryIsRefused() {
    var missing = daemon.home().resolve("no/such/repository");
    assertProblem(
        api.post("/v1/projects", Map.of("key", "miss", "root", missing.toString())),
        "validation_failed",
        "root");
    assertThat(Files.exists(daemon.home().resolve("no"))).isFalse();
  }

  /** Was an unbounded read (a full heap, and with the daemon's flags, its exit) or a hang. */
  @Test
  void anImportOfADeviceIsRefusedWithoutReadingIt() {
    assertProblem(
        api.post("/v1/projects/trk/import", Map.of("file", "/dev/zero")),
        "validation_failed",
        "file");
    assertThat(api.get("/v1/health").status()).isEqualTo(200);
  }

  /**
   * Was Jetty's 400 "Ambiguous URI path separator": a valid label with '/' could not be removed.
   */
  @Test
  void aLabelWithASlashIsRemovedThroughItsEncodedPath() {
    String id =
        api.post(
                "/v1/projects/trk/issues", Map.of("title", "t", "labels", List.of("area/db", "ui")))
            .json()
            .get("id")
            .asString();
    Api.Reply removed = api.delete("/v1/projects/trk/issues/" + id + "/labels/area%2Fdb");
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    assertThat(removed.json().get("labels").toString()).isEqualTo("[\"ui\"]");
  }

  /** Both were "given 2 times": a comma split a single-valued parameter in two. */
  @Test
  void aCommaInASearchOrAnAssigneeIsPartOfTheValue() {
    String id =
        api.post(
                "/v1/projects/trk/issues",
                Map.of("title", "crash, then login", "assignee", "Smith, Jo"))
            .json()
            .get("id")
            .asString();
    Api.Reply search = api.get("/v1/projects/trk/search?q=crash%2C%20login");
    assertThat(search.status()).as(search.toString()).isEqualTo(200);
    assertThat(search.json().get(0).get("issue").get("id").asString()).isEqualTo(id);
    Api.Reply list = api.get("/v1/projects/trk/issues?assignee=Smith%2C%20Jo");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(id);
  }

  /** Were named "text" (the store's word) and "key" (the body field), not the parameters. */
  @Test
  void refusedParametersAreNamedAsTheRequestNamesThem() {
    assertProblem(api.get("/v1/projects/trk/search?q=***"), "validation_failed", "q");
    assertProblem(api.get("/v1/projects/Not..A.Key/issues"), "validation_failed", "project");
    assertProblem(
        api.delete("/v1/projects/trk/issues/x/comments/..."), "validation_failed", "comment");
  }

  private WireResponse raw(byte[] request) throws Exception {
    try (RawUnixHttp http = new RawUnixHttp(daemon.paths().socket(), Duration.ofSeconds(5))) {
      RawUnixHttp.Outcome outcome =
          http.send(
              RawRequest.whole("regression", request, false, false)
                  .delivered(RawRequest.Delivery.CUT_AND_HALF_CLOSE, request.length));
      assertThat(outcome).isInstanceOf(RawUnixHttp.Outcome.Answered.class);
      return ((RawUnixHttp.Outcome.Answered) outcome).response();
    }
  }

  private static void assertProblem(Api.Reply reply, String code, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.get("code").asString()).as(reply.toString()).isEqualTo(code);
    assertThat(problem.get("field").asString()).as(reply.toString()).isEqualTo(field);
    assertThat(problem.get("detail").asString()).startsWith(field + ": ");
  }
}

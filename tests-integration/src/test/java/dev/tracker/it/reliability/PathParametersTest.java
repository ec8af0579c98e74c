package dev.tracker.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.Await;
import dev.tracker.it.harness.DaemonTest;
import dev.tracker.it.harness.TestDaemon;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Path parameters never reach the file system, and the fields that are paths are only used as
 * documented. Hostile project keys, ids, comment ids, labels and dependency kinds (traversals,
 * encoded traversals, absolute paths, NUL bytes, very long names) get a 400 problem naming the
 * parameter, and no file or directory appears, changes or is read outside the daemon's home and the
 * project's own {@code .tracker} directory.
 */
@DaemonTest
class PathParametersTest {
  /** Directories the daemon rewrites as it runs: compared by their entries, not their content. */
  private static final Set<String> VOLATILE = Set.of("data", "run", "state");

  /** An escape or byte the HTTP parser itself refuses, before any route (no parameter named). */
  private static final Pattern REFUSED_BY_PARSER = Pattern.compile("%00|%(?![0-9A-Fa-f]{2})");

  private final String marker = "trk-escape-" + UUID.randomUUID().toString().substring(0, 8);
  private Api api;
  private Path home;
  private Path repo;
  private String secret;
  private String issue;
  private String other;
  private String comment;

  @BeforeEach
  void store(TestDaemon daemon) throws Exception {
    api = daemon.api();
    home = daemon.home();
    repo = Files.createDirectory(home.resolve("repo"));
    Path outside = Files.createDirectory(home.resolve("outside"));
    secret = "canary " + UUID.randomUUID();
    Files.writeString(outside.resolve("secret.jsonl"), secret + "\n");
    created(
        api.post("/v1/projects", Map.of("key", "trk", "name", "Tracker", "root", repo.toString())));
    issue =
        created(
                api.post(
                    "/v1/projects/trk/issues",
                    Map.of("title", "Target", "labels", List.of("area/db"))))
            .get("id")
            .asString();
    other =
        created(api.post("/v1/projects/trk/issues", Map.of("title", "Other"))).get("id").asString();
    comment =
        created(api.post("/v1/projects/trk/issues/" + issue + "/comments", Map.of("body", "hello")))
            .get("id")
            .asString();
    created(
        api.post(
            "/v1/projects/trk/issues/" + issue + "/dependencies",
            Map.of("dependsOn", other, "kind", "blocks")));
    Path exported = repo.resolve(".tracker/issues.jsonl");
    Await.until(
        Duration.ofSeconds(10),
        "the sync loop to export the project",
        () -> Files.exists(exported) && read(exported).contains(comment));
  }

  @Test
  void hostilePathParametersAre400NamingTheParameterAndTouchNoFile() throws Exception {
    DirectorySnapshot before = DirectorySnapshot.of(home, VOLATILE);
    long changes = changeCount();
    List<String> values = new ArrayList<>(HostileText.PATH_PARAMETERS);
    String encodedHome = home.toString().replace("/", "%2F");
    values.addAll(
        List.of(
            "..%2F..%2F" + marker,
            "..%2F..%2F..%2F..%2F..%2F" + marker,
            "%2Ftmp%2F" + marker,
            "..%5C..%5C" + marker,
            marker + "%00",
            "..%2F..%2Foutside%2Fsecret.jsonl",
            "%2e%2e%2F%2e%2e%2Foutside",
            encodedHome + "%2Foutside%2Fsecret.jsonl",
            "%2E%2E%2F%2E%2E%2F" + marker + "%2F" + "a".repeat(300)));
    int requests = 0;
    for (String value : values) {
      for (Map.Entry<String, List<String[]>> parameter : routes().entrySet()) {
        for (String[] route : parameter.getValue()) {
          String path = route[1].replace("{v}", value);
          Api.Reply reply = api.send(route[0], path, Map.of(), route.length > 2 ? route[2] : null);
          requests++;
          assertRefusedNaming(parameter.getKey(), value, route[0] + " " + path, reply);
        }
      }
    }
    assertThat(requests).isGreaterThan(400);
    assertThat(changeCount()).as("project changes").isEqualTo(changes);
    assertThat(DirectorySnapshot.of(home, VOLATILE)).isEqualTo(before);
    assertThat(escapes()).isEmpty();
  }

  /**
   * A root is a path by design: the API takes an absolute path to a directory that exists, stores
   * it normalized, and the sync loop writes only in its {@code .tracker} directory. Anything else
   * is a 400 naming {@code root}, and nothing is created.
   */
  @Test
  void aProjectRootMustBeAnExistingAbsoluteDirectoryAndIsStoredNormalized() throws Exception {
    Path elsewhere = Files.createDirectory(home.resolve("elsewhere"));
    for (String root :
        List.of(
            "../../" + marker,
            marker,
            // Only inside the test's home: were one accepted, the sync loop would write there.
            home.resolve(marker).resolve("deep").toString(),
            home + "/outside/secret.jsonl",
            home + "/" + marker + "\u0000/x",
            "\u0000")) {
      assertProblem(
          api.post("/v1/projects", Map.of("key", "bad", "name", "Bad", "root", root)),
          "validation_failed",
          "root",
          "root " + root);
    }
    String traversing = home + "/outside/../" + marker + "/../elsewhere";
    JsonNode project =
        created(
            api.post(
                "/v1/projects",
                Map.of("key", "els", "name", "../../" + marker + "/name", "root", traversing)));
    assertThat(project.get("root").asString()).isEqualTo(elsewhere.toString());
    assertThat(project.get("name").asString()).isEqualTo("../../" + marker + "/name");
    created(api.post("/v1/projects/els/issues", Map.of("title", "Exported")));
    Path exported = elsewhere.resolve(".tracker/issues.jsonl");
    Await.until(Duration.ofSeconds(10), "the export to " + exported, () -> Files.exists(exported));
    assertThat(read(elsewhere.resolve(".tracker/project.toml")))
        .contains("name = \"../../" + marker + "/name\"");
    try (var listing = Files.list(elsewhere)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactly(".tracker");
    }
    assertThat(escapes()).isEmpty();
  }

  /** Keys, names, actors, labels and titles are text: a traversal in them is stored as text. */
  @Test
  void traversalsInOtherFieldsAreTextNeverPaths() throws Exception {
    assertProblem(
        api.post("/v1/projects", Map.of("key", "../../" + marker, "name", "x")),
        "validation_failed",
        "key",
        "key");
    String title = "../../" + marker + "/title";
    JsonNode created =
        created(
            api.send(
                "POST",
                "/v1/projects/trk/issues",
                Map.of("X-Tracker-Actor", "../../" + marker),
                Map.of(
                    "title",
                    title,
                    "assignee",
                    "/etc/" + marker,
                    "labels",
                    List.of("a/../" + marker))));
    String id = created.get("id").asString();
    JsonNode stored = api.get("/v1/projects/trk/issues/" + id).json();
    assertThat(stored.get("title").asString()).isEqualTo(title);
    assertThat(stored.get("assignee").asString()).isEqualTo("/etc/" + marker);
    assertThat(stored.get("labels").get(0).asString()).isEqualTo("a/../" + marker);
    // The label holds slashes: its own route takes it percent-encoded, as one segment.
    String encodedLabel = ("a/../" + marker).replace("/", "%2F");
    Api.Reply removed = api.delete("/v1/projects/trk/issues/" + id + "/labels/" + encodedLabel);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    assertThat(removed.json().get("labels").size()).isZero();
    assertThat(api.get("/v1/projects/trk/issues/" + id + "/events").text())
        .contains("../../" + marker);
    Path exported = repo.resolve(".tracker/issues.jsonl");
    Await.until(Duration.ofSeconds(10), "the export of " + id, () -> read(exported).contains(id));
    assertThat(escapes()).isEmpty();
  }

  /** The import's file is a path by design; only an absolute regular file is read. */
  @Test
  void anImportReadsOnlyAnAbsoluteRegularFile() throws Exception {
    Path fifo = home.resolve("outside/fifo");
    Process mkfifo =
        new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
    try {
      assertThat(mkfifo.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      mkfifo.destroyForcibly().waitFor();
      mkfifo.getInputStream().close();
      mkfifo.getOutputStream().close();
      mkfifo.getErrorStream().close();
    }
    assertThat(Files.exists(fifo)).isTrue();
    for (String file :
        List.of(
            "../outside/secret.jsonl",
            "/dev/zero",
            fifo.toString(),
            home.resolve("outside").toString(),
            home + "/outside/secret.jsonl\u0000.jsonl",
            home + "/" + marker + ".jsonl")) {
      Api.Reply reply = api.post("/v1/projects/trk/import", Map.of("file", file, "dryRun", true));
      assertProblem(reply, "validation_failed", "file", "file " + file);
    }
    assertThat(escapes()).isEmpty();
  }

  private Map<String, List<String[]>> routes() {
    String p = "/v1/projects/trk/issues/";
    return Map.of(
        "project",
        List.<String[]>of(
            new String[] {"GET", "/v1/projects/{v}"},
            new String[] {"GET", "/v1/projects/{v}/export"},
            new String[] {"POST", "/v1/projects/{v}/sync"},
            new String[] {
              "POST", "/v1/projects/{v}/import", "{\"file\":\"/dev/null\",\"dryRun\":true}"
            },
            new String[] {"POST", "/v1/projects/{v}/issues", "{\"title\":\"t\"}"}),
        "id",
        List.<String[]>of(
            new String[] {"GET", p + "{v}"},
            new String[] {"DELETE", p + "{v}"},
            new String[] {"POST", p + "{v}/comments", "{\"body\":\"b\"}"}),
        "comment",
        List.<String[]>of(new String[] {"DELETE", p + issue + "/comments/{v}"}),
        "label",
        List.<String[]>of(new String[] {"DELETE", p + issue + "/labels/{v}"}),
        "kind",
        List.<String[]>of(new String[] {"DELETE", p + issue + "/dependencies/{v}/" + other}),
        "target",
        List.<String[]>of(new String[] {"DELETE", p + issue + "/dependencies/blocks/{v}"}));
  }

  private void assertRefusedNaming(
      String parameter, String value, String request, Api.Reply reply) {
    assertThat(reply.status()).as(request + " -> " + reply).isEqualTo(400);
    assertThat(reply.header("Content-Type")).as(request).startsWith("application/problem+json");
    assertThat(reply.text()).as(request).doesNotContain(secret);
    JsonNode problem = reply.json();
    if (REFUSED_BY_PARSER.matcher(value).find()) {
      assertThat(problem.get("code").asString()).as(request).isEqualTo("invalid_request");
    } else {
      assertThat(problem.get("field")).as(request + " -> " + reply).isNotNull();
      assertThat(problem.get("field").asString()).as(request).isEqualTo(parameter);
      assertThat(problem.get("detail").asString()).as(request).startsWith(parameter + ": ");
    }
  }

  private static void assertProblem(Api.Reply reply, String code, String field, String what) {
    assertThat(reply.status()).as(what + " -> " + reply).isEqualTo(400);
    JsonNode problem = reply.json();
    assertThat(problem.get("code").asString()).as(what).isEqualTo(code);
    assertThat(problem.get("field").asString()).as(what).isEqualTo(field);
  }

  private Set<Path> escapes() {
    Path cwd = Path.of("").toAbsolutePath();
    return DirectorySnapshot.named(
        marker,
        home,
        home.getParent(),
        Path.of("/"),
        cwd,
        cwd.getParent(),
        cwd.getParent().getParent());
  }

  private long changeCount() {
    return api.get("/v1/projects/trk").json().get("changeCount").asLong();
  }

  private static JsonNode created(Api.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}

package dev.tracker.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.testing.CliHarness;
import dev.tracker.cli.testing.CliHarness.Result;
import dev.tracker.cli.testing.FakeDaemon;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands against a scripted daemon: the requests they send and what they print. */
class IssueCommandsTest {
  static final String ISSUE =
      "{\"id\":\"trk-a1b2\",\"project\":\"trk\",\"title\":\"Login fails\",\"status\":\"open\","
          + "\"priority\":1,\"type\":\"bug\",\"labels\":[\"auth\"],\"createdAt\":"
          + "\"2026-03-01T10:00:01.000Z\",\"updatedAt\":\"2026-03-01T10:00:01.000Z\",\"version\":3}";

  @TempDir Path home;
  CliHarness cli;
  FakeDaemon daemon;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(home).env("TRACKER_PROJECT", "trk").env("COLUMNS", "60");
    daemon = cli.daemon();
  }

  @AfterEach
  void stop() throws Exception {
    daemon.close();
  }

  @Test
  void createSendsADraftWithCheckedValues() {
    daemon.on("POST", "/v1/projects/trk/issues", 201, ISSUE);

    Result result =
        cli.run(
            "create",
            "Login",
            "fails",
            "-p",
            "high",
            "-t",
            "BUG",
            "-l",
            "auth,web",
            "-l",
            "auth",
            "--blocked-by",
            "trk-k3",
            "--depends-on",
            "related:trk-x9");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("Created trk-a1b2 [P1 open] Login fails\n");
    JsonObject body = Json.parseObject(daemon.last("POST", "/v1/projects/trk/issues").bodyText());
    assertThat(body.string("title")).isEqualTo("Login fails");
    assertThat(body.number("priority", -1)).isEqualTo(1);
    assertThat(body.string("type")).isEqualTo("bug");
    assertThat(body.strings("labels")).containsExactly("auth", "web");
    assertThat(body.objects("dependencies"))
        .containsExactly(
            new JsonObject().with("kind", "blocks").with("dependsOn", "trk-k3"),
            new JsonObject().with("kind", "related").with("dependsOn", "trk-x9"));
  }

  @Test
  void createQuietPrintsOnlyTheIdAndJsonOnlyTheIssue() {
    daemon.on("POST", "/v1/projects/trk/issues", 201, ISSUE);

    assertThat(cli.run("create", "x", "-q").out()).isEqualTo("trk-a1b2\n");
    Result json = cli.run("create", "x", "--json");
    assertThat(Json.parseObject(json.out()).string("id")).isEqualTo("trk-a1b2");
  }

  @Test
  void listAsksForUnfinishedIssuesAndFollowsCursors() {
    daemon.on(
        "GET",
        "/v1/projects/trk/issues?status=open%2Cin_progress%2Cblocked%2Cdeferred&type=bug&label=a&limit=3",
        200,
        "{\"items\":[" + ISSUE + "],\"nextCursor\":\"c1\"}");
    daemon.on(
        "GET",
        "/v1/projects/trk/issues?status=open%2Cin_progress%2Cblocked%2Cdeferred&type=bug&label=a&limit=2&cursor=c1",
        200,
        "{\"items\":[" + ISSUE.replace("a1b2", "c3d4") + "],\"nextCursor\":null}");

    Result result = cli.run("list", "-t", "bug", "-l", "a", "-n", "3", "--json");

    assertThat(result.exit()).as(result.err()).isZero();
    List<Object> issues = Json.parseArray(result.out());
    assertThat(issues).hasSize(2);
  }

  @Test
  void listRendersATableWithinTheWidthWithoutColourWhenNotATerminal() {
    String longTitle = "A title far too long to fit in sixty columns of a narrow terminal";
    daemon.on(
        "GET",
        "/v1/projects/trk/issues?status=open%2Cin_progress%2Cblocked%2Cdeferred&limit=100",
        200,
        "{\"items\":[" + ISSUE.replace("Login fails", longTitle) + "],\"nextCursor\":null}");

    Result result = cli.run("list");

    assertThat(result.out().lines())
        .containsExactly(
            "ID        P   STATUS  TYPE  ASSIGNEE  TITLE",
            "trk-a1b2  P1  open    bug             A title far too long …");
    assertThat(result.out()).doesNotContain("\u001b[");
  }

  @Test
  void colourOnATerminalButNotWithNoColor() {
    String page = "{\"items\":[" + ISSUE + "],\"nextCursor\":null}";
    daemon.on(
        "GET",
        "/v1/projects/trk/issues?status=open%2Cin_progress%2Cblocked%2Cdeferred&limit=100",
        200,
        page);

    assertThat(cli.terminal(true).run("list").out()).contains("\u001b[31mP1\u001b[0m");
    assertThat(cli.terminal(true).env("NO_COLOR", "1").run("list").out()).doesNotContain("\u001b[");
  }

  @Test
  void closingSeveralIdsIsOneAllOrNothingRequest() {
    daemon.on(
        "POST",
        "/v1/projects/trk/issues/close",
        200,
        "["
            + ISSUE.replace("open", "closed")
            + ","
            + ISSUE.replace("a1b2", "c3").replace("open", "closed")
            + "]");

    Result result = cli.run("close", "a1", "c3", "-r", "done", "--json");

    assertThat(result.exit()).isZero();
    assertThat(Json.parseArray(result.out())).hasSize(2);
    JsonObject body =
        Json.parseObject(daemon.last("POST", "/v1/projects/trk/issues/close").bodyText());
    assertThat(body.strings("ids")).containsExactly("a1", "c3");
    assertThat(body.string("reason")).isEqualTo("done");
  }

  @Test
  void closingOneIdUsesItsOwnRouteAndAlwaysPrintsAnArray() {
    daemon.on("POST", "/v1/projects/trk/issues/a1/close", 200, ISSUE.replace("open", "closed"));

    Result result = cli.run("close", "a1", "--json");

    assertThat(Json.parseArray(result.out())).hasSize(1);
  }

  @Test
  void showAddsDependenciesAndComments() {
    daemon.on("GET", "/v1/projects/trk/issues/a1", 200, ISSUE);
    daemon.on(
        "GET",
        "/v1/projects/trk/issues/trk-a1b2/dependencies",
        200,
        "[{\"issue\":\"trk-a1b2\",\"dependsOn\":\"trk-k3\",\"kind\":\"blocks\"}]");
    daemon.on(
        "GET",
        "/v1/projects/trk/issues/trk-a1b2/comments",
        200,
        "[{\"id\":\"c1\",\"issueId\":\"trk-a1b2\",\"author\":\"bob\",\"body\":\"Seen it\","
            + "\"createdAt\":\"2026-03-01T11:30:00.000Z\"}]");

    JsonObject json = Json.parseObject(cli.run("show", "a1", "--json").out());
    Result text = cli.run("show", "a1");

    assertThat(json.objects("dependencies")).hasSize(1);
    assertThat(json.objects("comments").get(0).string("body")).isEqualTo("Seen it");
    assertThat(text.out())
        .contains("trk-a1b2  Login fails")
        .contains("Priority: P1 (high)")
        .contains("blocked by trk-k3")
        .contains("bob, 2026-03-01 11:30 UTC");
  }

  @Test
  void notFoundIsExit3WithTheDaemonsDetailAndAHint() {
    daemon.problem("GET", "/v1/projects/trk/issues/zz", 404, "not_found", "issue 'zz' not found");

    Result result = cli.run("show", "zz");

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines())
        .containsExactly(
            "tracker: issue 'zz' not found",
            "hint: 'tracker list --all' shows the issues, 'tracker projects' the projects");
  }

  @Test
  void anAmbiguousPrefixIsExit2ListingTheCandidates() {
    daemon.on(
        "GET",
        "/v1/projects/trk/issues/a",
        400,
        "{\"status\":400,\"code\":\"ambiguous_id\",\"detail\":\"'a' matches 2 issues\","
            + "\"candidates\":[\"trk-a1b2\",\"trk-a9\"]}");

    Result result = cli.run("show", "a");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("hint: type more of the id; it matches trk-a1b2, trk-a9");
  }

  @Test
  void conflictsAreExit4AndABusyDatabaseExit5() {
    daemon.problem("PATCH", "/v1/projects/trk/issues/a1", 412, "version_conflict", "stale");
    daemon.problem(
        "POST", "/v1/projects/trk/issues/a1/dependencies", 409, "dependency_cycle", "cycle");
    daemon.problem("GET", "/v1/projects/trk/ready", 503, "busy", "database locked");

    assertThat(cli.run("update", "a1", "--title", "x").exit()).isEqualTo(4);
    assertThat(cli.run("dep", "add", "a1", "b2").exit()).isEqualTo(4);
    assertThat(cli.run("ready").exit()).isEqualTo(5);
  }

  @Test
  void updateWithLabelEditsWritesBackWithIfMatch() {
    daemon.on("GET", "/v1/projects/trk/issues/a1", 200, ISSUE);
    daemon.on("PATCH", "/v1/projects/trk/issues/trk-a1b2", 200, ISSUE);

    Result result =
        cli.run("update", "a1", "--add-label", "web", "--remove-label", "auth", "-p", "0");

    assertThat(result.exit()).as(result.err()).isZero();
    JsonObject patch =
        Json.parseObject(daemon.last("PATCH", "/v1/projects/trk/issues/trk-a1b2").bodyText());
    assertThat(patch.strings("labels")).containsExactly("web");
    assertThat(patch.number("priority", -1)).isZero();
  }

  @Test
  void updateOfSeveralIdsIsABulkUpdate() {
    daemon.on("POST", "/v1/projects/trk/issues/bulk-update", 200, "[" + ISSUE + "]");

    Result result = cli.run("update", "a1", "b2", "--assignee", "", "-s", "in-progress");

    assertThat(result.exit()).as(result.err()).isZero();
    JsonObject body =
        Json.parseObject(daemon.last("POST", "/v1/projects/trk/issues/bulk-update").bodyText());
    assertThat(body.strings("ids")).containsExactly("a1", "b2");
    assertThat(body.object("patch"))
        .containsEntry("assignee", "")
        .containsEntry("status", "in_progress");
  }

  @Test
  void updateWithoutChangesIsAUsageError() {
    Result result = cli.run("update", "a1");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).startsWith("tracker: nothing to change");
  }

  @Test
  void idsAndLabelsArePercentEncodedInPaths() {
    daemon.on("DELETE", "/v1/projects/trk/issues/a1/labels/needs%20review", 200, ISSUE);

    assertThat(cli.run("label", "remove", "a1", "needs review").exit()).isZero();
  }

  @Test
  void depTreeRendersBranches() {
    daemon.on(
        "GET",
        "/v1/projects/trk/issues/a1/tree?direction=down",
        200,
        "{\"issue\":{\"id\":\"trk-a1\",\"title\":\"Root\",\"status\":\"open\",\"priority\":2},"
            + "\"children\":[{\"issue\":{\"id\":\"trk-b2\",\"title\":\"Child\",\"status\":"
            + "\"open\",\"priority\":1},\"kind\":\"blocks\",\"children\":[],\"truncated\":false},"
            + "{\"issue\":{\"id\":\"trk-c3\",\"title\":\"Other\",\"status\":\"closed\","
            + "\"priority\":3},\"kind\":\"related\",\"children\":[],\"truncated\":true}],"
            + "\"truncated\":false}");

    Result result = cli.run("dep", "tree", "a1");

    assertThat(result.out().lines())
        .containsExactly(
            "trk-a1 [P2 open] Root",
            "├── blocks: trk-b2 [P1 open] Child",
            "└── related: trk-c3 [P3 closed] Other ...");
  }

  @Test
  void everyCommandsJsonIsJsonOnly() {
    daemon.on("GET", "/v1/projects/trk/ready", 200, "[" + ISSUE + "]");
    daemon.on("GET", "/v1/projects/trk/stats", 200, "{\"total\":1,\"byStatus\":{\"open\":1}}");
    daemon.on("GET", "/v1/projects/trk/labels", 200, "[{\"label\":\"auth\",\"count\":1}]");
    daemon.on("GET", "/v1/projects/trk/cycles", 200, "[]");
    daemon.on("GET", "/v1/projects/trk/issues/a1/events", 200, "[]");
    daemon.on("POST", "/v1/projects/trk/sync", 200, "{\"project\":\"trk\",\"exported\":true}");

    for (String[] args :
        List.of(
            new String[] {"ready", "--json"},
            new String[] {"stats", "--json"},
            new String[] {"label", "list", "--json"},
            new String[] {"dep", "cycles", "--json"},
            new String[] {"history", "a1", "--json"},
            new String[] {"sync", "--json"})) {
      Result result = cli.run(args);
      assertThat(result.exit()).as(String.join(" ", args) + ": " + result.err()).isZero();
      assertThat(Json.parse(result.out())).as(String.join(" ", args)).isNotNull();
      assertThat(result.err()).isEmpty();
    }
  }

  @Test
  void aSyncThatFailsIsExit1WithTheReason() {
    daemon.on(
        "POST",
        "/v1/projects/trk/sync",
        200,
        "{\"project\":\"trk\",\"exported\":false,\"pausedAt\":\"line 3\",\"error\":\"git conflict marker at line 3\"}");

    Result result = cli.run("sync");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err())
        .contains("sync of trk failed: git conflict marker at line 3")
        .contains("import is paused at line 3");
  }
}

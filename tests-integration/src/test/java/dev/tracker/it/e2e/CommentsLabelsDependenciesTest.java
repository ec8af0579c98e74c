package dev.tracker.it.e2e;

import static dev.tracker.it.e2e.Projects.createId;
import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.CliTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** comment, comments, label, dep, ready, blocked, search, stats, history. */
@CliTest
class CommentsLabelsDependenciesTest {

  @Test
  void commentsFromArgumentsAndStdinAreListedOldestFirst(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "cm", "cm");
    String id = createId(repo, "Login fails");

    JsonObject first =
        ok(repo.run("comment", id, "Only", "with", "private", "browsing", "--json")).object();
    assertThat(first.keySet())
        .containsExactlyInAnyOrder("id", "issueId", "author", "body", "createdAt");
    assertThat(first.string("issueId")).isEqualTo(id);
    assertThat(first.string("body")).isEqualTo("Only with private browsing");
    ok(
        repo.stdin("From a pipe\nsecond line\n")
            .run("comment", id, "--file", "-", "--author", "ci"));

    List<JsonObject> comments = ok(repo.run("comments", id, "--json")).objects();
    assertThat(comments)
        .extracting(c -> c.string("body"))
        .containsExactly("Only with private browsing", "From a pipe\nsecond line");
    assertThat(comments.get(1).string("author")).isEqualTo("ci");
    assertThat(ok(repo.run("comments", id)).stdout()).contains("Only with private browsing", "ci");
    assertThat(ok(repo.run("show", id, "--json")).object().objects("comments")).hasSize(2);

    ok(repo.run("comment", id, "--delete", first.string("id"), "-q"));
    assertThat(ok(repo.run("comments", id, "--json")).objects()).hasSize(1);
  }

  @Test
  void labelsAreAddedRemovedAndCounted(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "lb", "lb");
    String a = createId(repo, "One", "-l", "web");
    String b = createId(repo, "Two");

    JsonObject added = ok(repo.run("label", "add", a, "auth", "safari", "--json")).object();
    assertThat(added.strings("labels")).containsExactly("auth", "safari", "web");
    ok(repo.run("label", "add", b, "auth", "-q"));
    JsonObject removed = ok(repo.run("label", "remove", a, "web", "--json")).object();
    assertThat(removed.strings("labels")).containsExactly("auth", "safari");

    List<JsonObject> counts = ok(repo.run("label", "list", "--json")).objects();
    assertThat(counts).allSatisfy(c -> assertThat(c.keySet()).containsExactly("label", "count"));
    assertThat(counts)
        .extracting(c -> c.string("label") + "=" + c.number("count", -1))
        .containsExactly("auth=2", "safari=1");
    assertThat(ok(repo.run("label", "list", a, "--json")).json())
        .isEqualTo(List.of("auth", "safari"));
    JsonObject replaced = ok(repo.run("label", "set", b, "ops", "web", "--json")).object();
    assertThat(replaced.strings("labels")).containsExactly("ops", "web");
    ok(repo.run("label", "set", b, "auth", "-q"));
    CliResult table = ok(repo.run("label", "list"));
    assertThat(table.stdoutLines().get(0)).contains("LABEL", "ISSUES");
    assertThat(table.stdout()).contains("auth", "safari");
  }

  @Test
  void dependenciesDecideWhatIsReadyAndWhatIsBlocked(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "dp", "dp");
    String login = createId(repo, "Fix login", "-p", "1");
    String schema = createId(repo, "Migrate schema", "-p", "2");
    String notes = createId(repo, "Release notes", "-p", "3");

    JsonObject edge = ok(repo.run("dep", "add", login, schema, "--json")).object();
    assertThat(edge.keySet()).containsExactlyInAnyOrder("issue", "dependsOn", "kind");
    assertThat(edge.string("kind")).isEqualTo("blocks");
    ok(repo.run("dep", "add", login, notes, "--kind", "related", "-q"));

    assertThat(ids(repo.run("ready", "--json"))).containsExactly(schema, notes);
    List<JsonObject> blocked = ok(repo.run("blocked", "--json")).objects();
    assertThat(blocked)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.object("issue").string("id")).isEqualTo(login);
              assertThat(b.objects("blockers"))
                  .extracting(x -> x.string("id"))
                  .containsExactly(schema);
              assertThat(b.objects("blockers").get(0).keySet())
                  .containsExactlyInAnyOrder("id", "title", "status", "priority");
            });

    JsonObject tree = ok(repo.run("dep", "tree", login, "--json")).object();
    assertThat(tree.keySet()).containsExactlyInAnyOrder("issue", "kind", "children", "truncated");
    assertThat(tree.object("issue").string("id")).isEqualTo(login);
    assertThat(tree.objects("children"))
        .extracting(c -> c.object("issue").string("id") + ":" + c.string("kind"))
        .containsExactlyInAnyOrder(schema + ":blocks", notes + ":related");
    JsonObject up = ok(repo.run("dep", "tree", schema, "--up", "--json")).object();
    assertThat(up.objects("children"))
        .extracting(c -> c.object("issue").string("id"))
        .containsExactly(login);
    assertThat(ok(repo.run("dep", "tree", login)).stdout())
        .contains(login, schema, "Migrate schema");
    assertThat(ok(repo.run("dep", "list", login, "--json")).objects()).hasSize(2);

    // A blocks edge that would close a cycle is refused with the path named: exit 4, conflict.
    CliResult cycle = repo.run("dep", "add", schema, login, "--json");
    assertThat(cycle.exitCode()).as("%s", cycle).isEqualTo(4);
    assertThat(cycle.stdout()).isEmpty();
    assertThat(cycle.stderrLines().get(0)).startsWith("tracker: ").contains(schema, login, "cycle");

    // Closing the blocker makes the issue ready.
    ok(repo.run("close", schema, "-q"));
    assertThat(ids(repo.run("ready", "--json"))).containsExactly(login, notes);
    assertThat(ok(repo.run("blocked", "--json")).objects()).isEmpty();
    ok(repo.run("reopen", schema, "-q"));
    ok(repo.run("dep", "remove", login, schema, "-q"));
    assertThat(ids(repo.run("ready", "--json"))).containsExactly(login, schema, notes);
    assertThat(ok(repo.run("ready")).stdout()).contains("Fix login", "Migrate schema");
    assertThat(ok(repo.run("dep", "cycles", "--json")).json()).isEqualTo(List.of());
    assertThat(ok(repo.run("dep", "cycles")).stdout()).contains("No cycles");
  }

  @Test
  void searchStatsAndHistory(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "ss", "ss");
    String safari = createId(repo, "Login fails on Safari", "-t", "bug", "-p", "1", "-a", "alice");
    String docs = createId(repo, "Write the docs", "-d", "Explain the safari workaround");
    String other = createId(repo, "Unrelated");
    ok(repo.run("comment", docs, "mentions", "Safari", "again", "-q"));
    ok(repo.run("update", safari, "--priority", "0", "-q"));
    ok(repo.run("close", other, "-q"));

    List<JsonObject> hits = ok(repo.run("search", "safari", "--json")).objects();
    assertThat(hits)
        .allSatisfy(
            h -> assertThat(h.keySet()).containsExactlyInAnyOrder("issue", "score", "snippet"));
    assertThat(hits)
        .extracting(h -> h.object("issue").string("id"))
        .containsExactlyInAnyOrder(safari, docs);
    assertThat(ok(repo.run("search", "nothing-like-this", "--json")).objects()).isEmpty();
    assertThat(ok(repo.run("search", "safari")).stdout()).contains(safari, docs);

    JsonObject stats = ok(repo.run("stats", "--json", "--days", "3")).object();
    assertThat(stats.keySet())
        .containsExactlyInAnyOrder(
            "total", "byStatus", "byPriority", "byType", "byAssignee", "timeline");
    assertThat(stats.number("total", -1)).isEqualTo(3);
    assertThat(stats.object("byStatus").number("open", -1)).isEqualTo(2);
    assertThat(stats.object("byStatus").number("closed", -1)).isEqualTo(1);
    assertThat(stats.object("byType").number("bug", -1)).isEqualTo(1);
    assertThat(stats.object("byAssignee").number("alice", -1)).isEqualTo(1);
    assertThat(stats.objects("timeline"))
        .hasSize(3)
        .allSatisfy(
            d -> assertThat(d.keySet()).containsExactlyInAnyOrder("day", "opened", "closed"));
    assertThat(stats.objects("timeline").stream().mapToLong(d -> d.number("opened", 0)).sum())
        .isEqualTo(3);
    assertThat(ok(repo.run("stats")).stdout()).contains("Issues: 3");

    List<JsonObject> history = ok(repo.run("history", safari, "--json")).objects();
    assertThat(history)
        .allSatisfy(
            e ->
                assertThat(List.of("id", "issueId", "kind", "field", "from", "to", "actor", "at"))
                    .containsAll(e.keySet()));
    assertThat(history.get(0).string("kind")).isEqualTo("created");
    assertThat(history)
        .anySatisfy(
            e -> {
              assertThat(e.string("field")).isEqualTo("priority");
              assertThat(e.string("from")).isEqualTo("1");
              assertThat(e.string("to")).isEqualTo("0");
            });
    assertThat(ok(repo.run("history", safari)).stdout()).contains("priority: 1 -> 0");
  }

  private static List<String> ids(CliResult result) {
    return ok(result).objects().stream().map(i -> i.string("id")).toList();
  }
}

package dev.tracker.it.e2e;

import static dev.tracker.it.e2e.Projects.createId;
import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.CliTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sync, export (jsonl, json, csv, markdown), import (with --dry-run), dep cycles from sync. */
@CliTest
class SyncExportImportTest {

  @Test
  void syncWritesTheJsonlAndImportsAHandEdit(CliRunner cli) throws Exception {
    CliRunner repo = Projects.initRepo(cli, "sy", "sy");
    String a = createId(repo, "Blocker", "-l", "core");
    String b = createId(repo, "Blocked");
    ok(repo.run("dep", "add", b, a, "-q"));

    JsonObject sync = ok(repo.run("sync", "--json")).object();
    assertThat(List.of("project", "exported", "imported", "committed", "pausedAt", "error"))
        .containsAll(sync.keySet());
    assertThat(sync.string("project")).isEqualTo("sy");
    Path file = repo.workDir().resolve(".tracker/issues.jsonl");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(String.join("\n", lines)).contains(a, b, "\"dependsOn\":\"" + a + "\"");

    // A hand edit (a pull would do the same): a new title, and a blocks edge back, which makes a
    // cycle that only sync can bring in.
    List<String> edited = new ArrayList<>();
    for (String line : lines) {
      JsonObject issue = Json.parseObject(line);
      if (issue.string("id").equals(a)) {
        issue.put("title", "Blocker, renamed by hand");
        issue.put("updatedAt", "2099-01-01T00:00:00.000Z");
        issue.put(
            "dependencies", List.of(new JsonObject().with("dependsOn", b).with("kind", "blocks")));
      }
      edited.add(Json.write(issue));
    }
    Files.write(file, edited);
    // The daemon's own loop may import the change first; after 'sync' it is in either way.
    JsonObject imported = ok(repo.run("sync", "--json")).object();
    assertThat(imported.number("imported", -1)).isBetween(0L, 1L);
    assertThat(ok(repo.run("show", a, "--json")).object().string("title"))
        .isEqualTo("Blocker, renamed by hand");

    List<JsonObject> cycles = ok(repo.run("dep", "cycles", "--json")).objects();
    assertThat(cycles)
        .singleElement()
        .satisfies(
            c -> {
              List<String> path = c.strings("path");
              assertThat(path).hasSize(3).contains(a, b);
              assertThat(path.get(0)).isEqualTo(path.get(2));
            });
    assertThat(ok(repo.run("dep", "cycles")).stdout()).contains(a, b, "->");
    // The human summary (it once failed on the daemon's count of imported issues).
    assertThat(ok(repo.run("sync")).stdout()).startsWith("Synced sy: ");
  }

  @Test
  void exportWritesEveryFormat(CliRunner cli) throws Exception {
    CliRunner repo = Projects.initRepo(cli, "ex", "ex");
    String open = createId(repo, "Open one", "-l", "a,b", "-d", "Some *markdown*");
    String closed = createId(repo, "Closed, with a comma");
    ok(repo.run("comment", open, "A comment", "-q"));
    ok(repo.run("close", closed, "-q"));

    List<String> jsonl = ok(repo.run("export")).stdoutLines();
    assertThat(jsonl).hasSize(2);
    List<JsonObject> parsed = jsonl.stream().map(Json::parseObject).toList();
    assertThat(parsed)
        .extracting(i -> i.string("id"))
        .isSorted()
        .containsExactlyInAnyOrder(open, closed);
    JsonObject withComment =
        parsed.stream().filter(i -> i.string("id").equals(open)).findFirst().orElseThrow();
    assertThat(withComment.objects("comments"))
        .singleElement()
        .satisfies(c -> assertThat(c.string("body")).isEqualTo("A comment"));

    List<JsonObject> json = ok(repo.run("export", "-f", "json")).objects();
    assertThat(json).extracting(i -> i.string("id")).containsExactlyInAnyOrder(open, closed);
    assertThat(ok(repo.run("export", "--json")).objects()).hasSize(2);

    List<String> csv = ok(repo.run("export", "-f", "csv")).stdoutLines();
    assertThat(csv.get(0)).startsWith("id,title,status,priority,type");
    assertThat(csv).hasSize(3);
    assertThat(String.join("\n", csv)).contains("\"Closed, with a comma\"", "a;b");

    String markdown = ok(repo.run("export", "-f", "markdown")).stdout();
    assertThat(markdown).contains("# Issues of ex", "## " + open + ": Open one", "A comment");

    Path out = repo.workDir().resolve("out.csv");
    JsonObject written =
        ok(repo.run("export", "-f", "csv", "-o", out.toString(), "--json")).object();
    assertThat(written.keySet()).containsExactlyInAnyOrder("file", "format", "issues");
    assertThat(written.string("format")).isEqualTo("csv");
    assertThat(written.number("issues", -1)).isEqualTo(2);
    assertThat(Files.readAllLines(out)).hasSize(3);

    CliResult unknown = repo.run("export", "-f", "xml");
    assertThat(unknown.exitCode()).as("%s", unknown).isEqualTo(2);
    assertThat(unknown.stdout()).isEmpty();
  }

  @Test
  void importShowsADryRunThenRestoresWithTheSameIdsAndIsRepeatable(CliRunner cli) throws Exception {
    CliRunner source = Projects.initRepo(cli, "src", "src");
    String blocker = createId(source, "Blocker");
    String blocked = createId(source, "Blocked", "-l", "x");
    ok(source.run("dep", "add", blocked, blocker, "-q"));
    Path file = cli.workDir().resolve("issues.jsonl");
    ok(source.run("export", "-o", file.toString(), "-q"));
    // Lost after the backup: one issue deleted, the other retitled further back in time.
    ok(source.run("delete", blocker, "-q"));

    JsonObject dryRun = ok(source.run("import", file.toString(), "--dry-run", "--json")).object();
    assertThat(dryRun.keySet())
        .containsExactlyInAnyOrder(
            "project", "file", "dryRun", "created", "updated", "deleted", "unchanged", "changes");
    assertThat(dryRun.bool("dryRun")).isTrue();
    assertThat(dryRun.objects("changes"))
        .as("the deletion is newer than the backup's line: it stays deleted")
        .extracting(c -> c.string("id"))
        .doesNotContain(blocker);

    // Import keeps ids, so another project's export is refused, naming the first foreign id.
    CliResult foreign =
        Projects.initRepo(cli, "dst", "dst").run("import", file.toString(), "--json");
    Projects.fails(foreign, 2, "does not belong to project 'dst'");

    // Both deleted, then a backup whose lines are newer than the deletions brings them back,
    // with their ids and the edge between them.
    ok(source.run("delete", blocked, "-q"));
    Path restored = cli.workDir().resolve("restored.jsonl");
    Files.writeString(
        restored,
        Files.readString(file)
            .replaceAll("\"updatedAt\":\"[^\"]+\"", "\"updatedAt\":\"2099-01-01T00:00:00.000Z\""));
    JsonObject plan = ok(source.run("import", restored.toString(), "--dry-run", "--json")).object();
    assertThat(plan.objects("changes")).extracting(c -> c.string("change")).containsOnly("update");
    assertThat(ok(source.run("list", "--json")).objects())
        .as("a dry run changes nothing")
        .isEmpty();
    assertThat(ok(source.run("import", restored.toString(), "--dry-run")).stdout())
        .contains("would update " + blocker);

    JsonObject done = ok(source.run("import", restored.toString(), "--json")).object();
    assertThat(done.bool("dryRun")).isFalse();
    assertThat(done.number("updated", -1)).isEqualTo(2);
    List<JsonObject> issues = ok(source.run("list", "--json")).objects();
    assertThat(issues).extracting(i -> i.string("id")).containsExactlyInAnyOrder(blocker, blocked);
    assertThat(ok(source.run("blocked", "--json")).objects())
        .singleElement()
        .satisfies(b -> assertThat(b.object("issue").string("id")).isEqualTo(blocked));

    JsonObject again = ok(source.run("import", restored.toString(), "--json")).object();
    assertThat(again.objects("changes")).isEmpty();
    assertThat(again.number("unchanged", -1)).isEqualTo(2);
  }

  @Test
  void aBadLineStopsTheImportBeforeAnythingChanges(CliRunner cli) throws Exception {
    CliRunner repo = Projects.initRepo(cli, "bad", "bad");
    Path file = cli.workDir().resolve("broken.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"bad-0001\",\"title\":\"Fine\",\"status\":\"open\",\"priority\":2,\"type\":\"task\","
            + "\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"updatedAt\":\"2026-01-01T00:00:00.000Z\"}\n"
            + "<<<<<<< HEAD\n");
    CliResult result = repo.run("import", file.toString(), "--json");
    assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderrLines().get(0)).startsWith("tracker: ").contains("2");
    assertThat(ok(repo.run("list", "--all", "--json")).objects()).isEmpty();
  }
}

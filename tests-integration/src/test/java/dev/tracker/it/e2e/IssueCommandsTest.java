package dev.tracker.it.e2e;

import static dev.tracker.it.e2e.Projects.create;
import static dev.tracker.it.e2e.Projects.createId;
import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.CliTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** init, create, list, show, update, close, reopen, delete: through the packaged CLI. */
@CliTest
class IssueCommandsTest {
  /** The issue's documented fields (docs/cli.md), of which absent values are left out. */
  private static final List<String> ISSUE_FIELDS =
      List.of(
          "id",
          "project",
          "title",
          "description",
          "status",
          "priority",
          "type",
          "assignee",
          "labels",
          "parent",
          "createdAt",
          "updatedAt",
          "closedAt",
          "closeReason",
          "version",
          "deletedAt");

  @Test
  void initWritesTheProjectFileRegistersTheProjectAndSetsUpTheMergeDriver(CliRunner cli)
      throws Exception {
    Path repo = Files.createDirectories(cli.workDir().resolve("shop"));
    CliRunner inRepo = cli.in(repo);
    ok(inRepo.exec("git", "init", "-q", "."));
    Path subdir = Files.createDirectories(repo.resolve("src/main"));

    // From a subdirectory, init sets up the repository's root.
    JsonObject init = ok(cli.in(subdir).run("init", "--key", "shp", "--json")).object();
    assertThat(init)
        .containsKeys(
            "project",
            "root",
            "projectFile",
            "projectFileWritten",
            "git",
            "gitattributesChanged",
            "mergeDriverConfigured");
    assertThat(init.object("project").string("key")).isEqualTo("shp");
    assertThat(init.object("project").string("name")).isEqualTo("shop");
    assertThat(init.string("root")).isEqualTo(repo.toRealPath().toString());
    assertThat(init.bool("projectFileWritten")).isTrue();
    assertThat(init.bool("git")).isTrue();
    assertThat(Files.readString(repo.resolve(".tracker/project.toml"))).contains("shp");
    assertThat(Files.readString(repo.resolve(".gitattributes")))
        .contains("/.tracker/issues.jsonl merge=tracker");
    CliResult driver = ok(inRepo.exec("git", "config", "merge.tracker.driver"));
    assertThat(driver.stdout()).contains("merge-driver");

    // Running it again is harmless: nothing is rewritten, nothing is appended twice.
    JsonObject again = ok(inRepo.run("init", "--key", "shp", "--json")).object();
    assertThat(again.bool("gitattributesChanged")).isFalse();
    assertThat(Files.readString(repo.resolve(".gitattributes"))).containsOnlyOnce("merge=tracker");

    JsonObject projects = ok(cli.in(subdir).run("projects", "--json")).object();
    assertThat(projects.object("current").string("key")).isEqualTo("shp");
    assertThat(projects.object("current").string("source")).isEqualTo("repository");
    assertThat(projects.objects("projects")).extracting(p -> p.string("key")).contains("shp");
  }

  @Test
  void createShowAndListPrintTheDocumentedJson(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "app", "app");
    JsonObject created =
        create(
            repo,
            "Login fails on Safari",
            "-p",
            "high",
            "-t",
            "bug",
            "-l",
            "auth,web",
            "-a",
            "alice",
            "-d",
            "Steps: open /login");
    assertThat(ISSUE_FIELDS).containsAll(created.keySet());
    assertThat(created.string("id")).matches("app-[0-9a-z]{4,}");
    assertThat(created.string("project")).isEqualTo("app");
    assertThat(created.string("title")).isEqualTo("Login fails on Safari");
    assertThat(created.string("description")).isEqualTo("Steps: open /login");
    assertThat(created.string("status")).isEqualTo("open");
    assertThat(created.number("priority", -1)).isEqualTo(1);
    assertThat(created.string("type")).isEqualTo("bug");
    assertThat(created.string("assignee")).isEqualTo("alice");
    assertThat(created.strings("labels")).containsExactly("auth", "web");
    assertThat(created.number("version", -1)).isZero();
    assertThat(created).containsKeys("createdAt", "updatedAt");
    String id = created.string("id");
    String other = createId(repo, "Second issue");

    JsonObject shown = ok(repo.run("show", id, "--json")).object();
    assertThat(shown).containsKeys("dependencies", "comments");
    assertThat(shown.string("title")).isEqualTo("Login fails on Safari");
    // A unique prefix without the project key names the issue too.
    String shortPrefix = id.substring("app-".length(), "app-".length() + 3);
    if (!other.startsWith("app-" + shortPrefix)) {
      assertThat(ok(repo.run("show", shortPrefix, "--json")).object().string("id")).isEqualTo(id);
    }
    // Several ids print an array.
    assertThat(ok(repo.run("show", id, other, "--json")).objects())
        .extracting(i -> i.string("id"))
        .containsExactly(id, other);

    List<JsonObject> listed = ok(repo.run("list", "--json")).objects();
    assertThat(listed).extracting(i -> i.string("id")).containsExactly(id, other);

    // The human output names the same issues, one row each, under a header.
    CliResult table = ok(repo.run("list"));
    assertThat(table.stdoutLines().get(0)).contains("ID", "P", "STATUS", "TYPE", "TITLE");
    assertThat(table.stdoutLines()).hasSize(3);
    assertThat(table.stdout()).contains(id, "Login fails on Safari", other, "Second issue");
    CliResult human = ok(repo.run("show", id));
    assertThat(human.stdout()).contains(id, "Login fails on Safari", "alice", "auth, web");
  }

  @Test
  void listFiltersCombine(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "filters", "flt");
    String epic = createId(repo, "Checkout epic", "-t", "epic", "-p", "1");
    String bug = createId(repo, "Crash on pay", "-t", "bug", "-p", "0", "-l", "pay,urgent");
    String task =
        createId(repo, "Pay button colour", "-a", "bob", "-l", "pay,ui", "--parent", epic);
    String low = createId(repo, "Rename variables", "-p", "backlog", "-t", "chore");
    String done = createId(repo, "Old thing", "-l", "pay");
    ok(repo.run("close", done, "-q"));

    assertThat(ids(repo, "list")).containsExactly(bug, epic, task, low);
    assertThat(ids(repo, "list", "--all")).containsExactlyInAnyOrder(bug, epic, task, low, done);
    assertThat(ids(repo, "list", "--all", "-s", "closed")).containsExactly(done);
    assertThat(ids(repo, "list", "-s", "open,closed")).hasSize(5);
    assertThat(ids(repo, "list", "-a", "bob")).containsExactly(task);
    assertThat(ids(repo, "list", "--unassigned")).containsExactly(bug, epic, low);
    assertThat(ids(repo, "list", "-l", "pay")).containsExactly(bug, task);
    assertThat(ids(repo, "list", "-l", "pay", "-l", "ui")).containsExactly(task);
    assertThat(ids(repo, "list", "--any-label", "urgent", "--any-label", "ui"))
        .containsExactly(bug, task);
    assertThat(ids(repo, "list", "-t", "chore")).containsExactly(low);
    assertThat(ids(repo, "list", "-p", "critical")).containsExactly(bug);
    assertThat(ids(repo, "list", "--priority-max", "1")).containsExactly(bug, epic);
    assertThat(ids(repo, "list", "--priority-min", "3")).containsExactly(low);
    assertThat(ids(repo, "list", "--parent", epic)).containsExactly(task);
    assertThat(ids(repo, "list", "--text", "button")).containsExactly(task);
    assertThat(ids(repo, "list", "-n", "2")).containsExactly(bug, epic);
    // Newest first (docs/api.md).
    assertThat(ids(repo, "list", "--sort", "created")).containsExactly(low, task, bug, epic);
    assertThat(ids(repo, "list", "--created-since", "2000-01-01")).hasSize(4);
    assertThat(ids(repo, "list", "--created-before", "2000-01-01")).isEmpty();
    assertThat(ids(repo, "list", "-l", "pay", "-t", "bug", "-a", "bob")).isEmpty();
    assertThat(ok(repo.run("list", "-a", "nobody")).stdout()).contains("No issues");
  }

  @Test
  void updateChangesSeveralIssuesAllOrNothing(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "upd", "upd");
    String a = createId(repo, "First", "-l", "later");
    String b = createId(repo, "Second");

    List<JsonObject> updated =
        ok(repo.run("update", a, b, "--priority", "0", "--assignee", "carol", "--json")).objects();
    assertThat(updated).extracting(i -> i.string("id")).containsExactly(a, b);
    assertThat(updated).allSatisfy(i -> assertThat(i.number("priority", -1)).isZero());
    assertThat(updated).allSatisfy(i -> assertThat(i.string("assignee")).isEqualTo("carol"));
    assertThat(updated).allSatisfy(i -> assertThat(i.number("version", -1)).isEqualTo(1));

    // One unknown id: exit 3, and the known one is left as it was.
    CliResult partly = repo.run("update", a, "upd-zzzz", "--title", "Changed", "--json");
    assertThat(partly.exitCode()).as("%s", partly).isEqualTo(3);
    assertThat(partly.stdout()).isEmpty();
    assertThat(show(repo, a).string("title")).isEqualTo("First");

    JsonObject relabelled =
        ok(repo.run("update", a, "--add-label", "urgent", "--remove-label", "later", "--json"))
            .objects()
            .get(0);
    assertThat(relabelled.strings("labels")).containsExactly("urgent");

    JsonObject closed =
        ok(repo.run("update", b, "-s", "closed", "--reason", "duplicate", "--json"))
            .objects()
            .get(0);
    assertThat(closed.string("status")).isEqualTo("closed");
    assertThat(closed.string("closeReason")).isEqualTo("duplicate");
    assertThat(closed.string("closedAt")).isNotBlank();

    // An empty value clears.
    JsonObject cleared = ok(repo.run("update", a, "--assignee", "", "--json")).objects().get(0);
    assertThat(cleared).doesNotContainKey("assignee");

    CliResult human = ok(repo.run("update", a, "--title", "First, renamed"));
    assertThat(human.stdout()).contains(a, "First, renamed");
  }

  @Test
  void closeReopenAndDelete(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "life", "lf");
    String a = createId(repo, "Alpha");
    String b = createId(repo, "Beta");
    String c = createId(repo, "Gamma");

    List<JsonObject> closed =
        ok(repo.run("close", a, b, "-r", "fixed in 1.4.2", "--json")).objects();
    assertThat(closed).extracting(i -> i.string("status")).containsExactly("closed", "closed");
    assertThat(closed)
        .allSatisfy(i -> assertThat(i.string("closeReason")).isEqualTo("fixed in 1.4.2"));
    assertThat(ids(repo, "list")).containsExactly(c);

    CliResult reopened = ok(repo.run("reopen", a));
    assertThat(reopened.stdout()).contains("Reopened", a);
    JsonObject alpha = show(repo, a);
    assertThat(alpha.string("status")).isEqualTo("open");
    assertThat(alpha).doesNotContainKeys("closedAt", "closeReason");
    assertThat(ids(repo, "list")).containsExactlyInAnyOrder(a, c);

    List<JsonObject> deleted = ok(repo.run("delete", c, "--json")).objects();
    assertThat(deleted)
        .singleElement()
        .satisfies(t -> assertThat(t.string("deletedAt")).isNotBlank());
    CliResult gone = repo.run("show", c);
    assertThat(gone.exitCode()).as("%s", gone).isEqualTo(3);
    assertThat(ids(repo, "list", "--all")).containsExactlyInAnyOrder(a, b);

    CliResult human = ok(repo.run("close", a));
    assertThat(human.stdout()).contains("Closed", a);
  }

  @Test
  void tablesFitTheWidthAndQuietPrintsOnlyResults(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "tbl", "tbl");
    CliResult quiet =
        ok(repo.run("create", "A title that is much longer than forty columns of text", "-q"));
    assertThat(quiet.stdout().strip()).matches("tbl-[0-9a-z]{4,}");
    String id = quiet.stdout().strip();

    // The title column takes what the others leave (at least 10 columns) and is cut with "…".
    CliResult narrow = ok(repo.env("COLUMNS", "60").run("list"));
    assertThat(narrow.stdoutLines()).hasSize(2);
    assertThat(narrow.stdoutLines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
    assertThat(narrow.stdoutLines().get(1)).startsWith(id).endsWith("…");

    // Not a terminal: never colour, whatever NO_COLOR says.
    assertThat(ok(repo.run("list")).stdout()).doesNotContain("\u001b[");
    assertThat(ok(repo.env("NO_COLOR", "1").run("list")).stdout()).doesNotContain("\u001b[");
  }

  private static List<String> ids(CliRunner cli, String... args) {
    String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    return ok(cli.run(withJson)).objects().stream().map(i -> i.string("id")).toList();
  }

  private static JsonObject show(CliRunner cli, String id) {
    return ok(cli.run("show", id, "--json")).object();
  }
}

package dev.tracker.it.e2e;

import static dev.tracker.it.e2e.Projects.createId;
import static dev.tracker.it.e2e.Projects.fails;
import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.CliTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * {@code create} without a title and {@code edit} run {@code $EDITOR} (here a shell script) on a
 * template, as {@code git commit} does; an empty result aborts and changes nothing.
 */
@CliTest
class EditorTest {

  @Test
  void createWithoutATitleOpensTheEditorOnATemplate(CliRunner cli) throws Exception {
    CliRunner repo = Projects.initRepo(cli, "ed", "ed");
    Path seen = cli.home().resolve("template-seen.txt");
    Path editor =
        script(
            cli,
            "write-issue",
            "cp \"$1\" '"
                + seen
                + "'\nprintf 'Title from the editor\\n\\n# Heading\\nBody line\\n' > \"$1\"\n");

    JsonObject created = ok(repo.env("EDITOR", editor.toString()).run("create", "--json")).object();
    assertThat(created.string("title")).isEqualTo("Title from the editor");
    assertThat(created.string("description")).isEqualTo("# Heading\nBody line");
    assertThat(Files.readString(seen)).contains(">8", "project ed", "empty title aborts");

    // $VISUAL when $EDITOR is not set; with a title, --edit still opens it.
    JsonObject visual =
        ok(repo.env("VISUAL", editor.toString()).run("create", "ignored", "--edit", "--json"))
            .object();
    assertThat(visual.string("title")).isEqualTo("Title from the editor");
    assertThat(Files.readString(seen)).startsWith("ignored");
  }

  @Test
  void editRewritesTitleAndDescriptionFromTheTemplate(CliRunner cli) throws Exception {
    CliRunner repo = Projects.initRepo(cli, "ed2", "edt");
    String id = createId(repo, "Old title", "-d", "Old description");
    Path seen = cli.home().resolve("seen.txt");
    Path editor =
        script(
            cli,
            "rewrite",
            "cp \"$1\" '"
                + seen
                + "'\nsed -i -e 's/Old title/New title/' -e 's/Old description/New description/' \"$1\"\n");

    JsonObject edited =
        ok(repo.env("EDITOR", editor.toString()).run("edit", id, "--json")).object();
    assertThat(edited.string("title")).isEqualTo("New title");
    assertThat(edited.string("description")).isEqualTo("New description");
    assertThat(edited.number("version", -1)).isEqualTo(1);
    assertThat(Files.readString(seen))
        .startsWith("Old title\n\nOld description")
        .contains("Editing " + id);
    assertThat(ok(repo.run("history", id, "--json")).objects())
        .anySatisfy(e -> assertThat(e.string("to")).isEqualTo("New title"));

    // The config's editor comes before $EDITOR.
    Path other = script(cli, "other", "printf 'From the config editor\\n' > \"$1\"\n");
    ok(repo.run("config", "set", "editor", other.toString(), "-q"));
    JsonObject configured =
        ok(repo.env("EDITOR", editor.toString()).run("edit", id, "--json")).object();
    assertThat(configured.string("title")).isEqualTo("From the config editor");
  }

  @Test
  void anEmptyResultAbortsWithNothingChanged(CliRunner cli) throws Exception {
    CliRunner repo = Projects.initRepo(cli, "ed3", "ede");
    String id = createId(repo, "Keep me", "-d", "As I am");
    Path empty = script(cli, "empty", ": > \"$1\"\n");
    CliRunner emptying = repo.env("EDITOR", empty.toString());

    fails(emptying.run("create"), 1, "aborted", "empty");
    fails(emptying.run("create", "--json"), 1, "aborted");
    fails(emptying.run("edit", id, "--json"), 1, "aborted", id);

    assertThat(ok(repo.run("list", "--all", "--json")).objects())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.string("title")).isEqualTo("Keep me");
              assertThat(issue.string("description")).isEqualTo("As I am");
              assertThat(issue.number("version", -1)).isZero();
            });

    // An editor that fails changes nothing either.
    Path failing = script(cli, "failing", "exit 3\n");
    fails(repo.env("EDITOR", failing.toString()).run("edit", id), 1, "editor");
    assertThat(ok(repo.run("show", id, "--json")).object().number("version", -1)).isZero();
  }

  @Test
  void aChangeMadeWhileEditingIsAConflictAndNothingIsOverwritten(CliRunner cli) throws Exception {
    CliRunner repo = Projects.initRepo(cli, "ed4", "edc");
    String id = createId(repo, "Contended");
    // The editor changes the issue behind edit's back (as a colleague would), then saves.
    Path tracker = dev.tracker.it.harness.CliRunner.distribution().resolve("bin/tracker");
    Path editor =
        script(
            cli,
            "racing",
            "'" + tracker + "' update " + id + " --priority 0 -q\nprintf 'Mine\\n' > \"$1\"\n");

    CliResult result =
        fails(repo.env("EDITOR", editor.toString()).run("edit", id, "--json"), 4, id);
    assertThat(result.stderr()).contains("hint:");
    JsonObject issue = ok(repo.run("show", id, "--json")).object();
    assertThat(issue.string("title")).isEqualTo("Contended");
    assertThat(issue.number("priority", -1)).isZero();
  }

  private static Path script(CliRunner cli, String name, String body) throws Exception {
    Path file = cli.home().resolve(name + ".sh");
    Files.writeString(file, "#!/bin/sh\nset -e\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }
}

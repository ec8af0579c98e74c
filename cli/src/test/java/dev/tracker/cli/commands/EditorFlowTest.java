package dev.tracker.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.testing.CliHarness;
import dev.tracker.cli.testing.CliHarness.Result;
import dev.tracker.cli.testing.FakeDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** create and edit through $EDITOR, with shell scripts standing in for an editor. */
class EditorFlowTest {
  @TempDir Path home;
  CliHarness cli;
  FakeDaemon daemon;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(home).env("TRACKER_PROJECT", "trk");
    daemon = cli.daemon();
    daemon.on("POST", "/v1/projects/trk/issues", 201, IssueCommandsTest.ISSUE);
  }

  @AfterEach
  void stop() throws Exception {
    daemon.close();
  }

  /** An editor script that replaces the file with {@code content} and keeps what it was given. */
  private String editor(String name, String content) throws IOException {
    Path script = home.resolve(name);
    Path seen = home.resolve(name + ".seen");
    Files.writeString(
        script, "#!/bin/sh\ncp \"$1\" '" + seen + "'\ncat > \"$1\" <<'END'\n" + content + "END\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script.toString();
  }

  @Test
  void createWithoutATitleTakesTitleAndDescriptionFromTheEditor() throws IOException {
    String editor =
        editor(
            "ed.sh",
            "Crash on start\n\n# Steps\n1. run it\n\n# ------------------------ >8 ------------------------\nignored\n");

    Result result = cli.env("EDITOR", editor).run("create", "-p", "0");

    assertThat(result.exit()).as(result.err()).isZero();
    JsonObject body = Json.parseObject(daemon.last("POST", "/v1/projects/trk/issues").bodyText());
    assertThat(body.string("title")).isEqualTo("Crash on start");
    assertThat(body.string("description")).isEqualTo("# Steps\n1. run it");
    assertThat(body.number("priority", -1)).isZero();
    assertThat(Files.readString(home.resolve("ed.sh.seen"))).contains("# New issue in project trk");
  }

  @Test
  void visualIsUsedWhenEditorIsUnset() throws IOException {
    String visual = editor("visual.sh", "From visual\n");

    Result result = cli.env("EDITOR", null).env("VISUAL", visual).run("create");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(
            Json.parseObject(daemon.last("POST", "/v1/projects/trk/issues").bodyText())
                .string("title"))
        .isEqualTo("From visual");
  }

  @Test
  void anEmptyResultAbortsWithExit1AndCreatesNothing() throws IOException {
    String editor = editor("empty.sh", "\n\n");

    Result result = cli.env("EDITOR", editor).run("create");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("tracker: aborted: the title is empty; nothing was created");
    assertThat(daemon.calls()).isEmpty();
  }

  @Test
  void aFailingEditorChangesNothing() {
    Result result = cli.env("EDITOR", "false").run("create");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("the editor 'false' failed with status 1; nothing changed");
    assertThat(daemon.calls()).isEmpty();
  }

  @Test
  void editSendsOnlyWhatChangedWithTheVersionItRead() throws IOException {
    daemon.on("GET", "/v1/projects/trk/issues/a1", 200, IssueCommandsTest.ISSUE);
    daemon.on("PATCH", "/v1/projects/trk/issues/trk-a1b2", 200, IssueCommandsTest.ISSUE);
    String editor = editor("edit.sh", "Login fails\n\nOnly on Safari.\n");

    Result result = cli.env("EDITOR", editor).run("edit", "a1");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(Files.readString(home.resolve("edit.sh.seen"))).startsWith("Login fails\n\n");
    JsonObject patch =
        Json.parseObject(daemon.last("PATCH", "/v1/projects/trk/issues/trk-a1b2").bodyText());
    assertThat(patch)
        .containsOnlyKeys("description")
        .containsEntry("description", "Only on Safari.");
  }

  @Test
  void editWithoutChangesSendsNothing() throws IOException {
    daemon.on("GET", "/v1/projects/trk/issues/a1", 200, IssueCommandsTest.ISSUE);
    String editor = editor("same.sh", "Login fails\n");

    Result result = cli.env("EDITOR", editor).run("edit", "a1");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("No changes");
    assertThat(daemon.calls()).containsExactly("GET /v1/projects/trk/issues/a1");
  }

  @Test
  void commentTextFromStdin() {
    daemon.on(
        "POST",
        "/v1/projects/trk/issues/a1/comments",
        201,
        "{\"id\":\"c9\",\"issueId\":\"trk-a1b2\",\"author\":\"me\",\"body\":\"hi\"}");

    Result result = cli.stdin("from stdin\n").run("comment", "a1", "--file", "-");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(
            Json.parseObject(daemon.last("POST", "/v1/projects/trk/issues/a1/comments").bodyText())
                .string("body"))
        .isEqualTo("from stdin");
    assertThat(result.out()).isEqualTo("Commented on trk-a1b2 [c9]\n");
  }
}

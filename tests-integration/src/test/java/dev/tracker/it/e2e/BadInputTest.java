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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets the documented exit code (2 usage, 3 not found, 4 conflict, 5 daemon unavailable),
 * one line on stderr naming what was wrong, and nothing on stdout, --json or not.
 */
@CliTest
class BadInputTest {

  @Test
  void anUnknownOptionIsAUsageErrorNamingTheOption(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "opt", "opt");
    fails(repo.run("list", "--bogus"), 2, "--bogus");
    fails(repo.run("list", "--bogus", "--json"), 2, "--bogus");
    fails(repo.run("create", "x", "--prio", "1"), 2, "--prio");
    // A close spelling gets a suggestion.
    CliResult suggested = fails(repo.run("list", "--lable", "x"), 2, "--lable");
    assertThat(suggested.stderr()).contains("--label");
    assertThat(ok(repo.run("list", "--json")).objects()).isEmpty();
  }

  @Test
  void aBadPriorityIsAUsageErrorAndCreatesNothing(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "prio", "pr");
    fails(repo.run("create", "Something", "-p", "urgent"), 2, "--priority", "urgent");
    fails(repo.run("create", "Something", "-p", "7", "--json"), 2, "7");
    fails(repo.run("list", "--priority-max", "-1"), 2, "-1");
    String id = createId(repo, "Real one");
    fails(repo.run("update", id, "-p", "highest"), 2, "highest");
    assertThat(ok(repo.run("list", "--json")).objects())
        .singleElement()
        .satisfies(i -> assertThat(i.number("priority", -1)).isEqualTo(2));
  }

  @Test
  void anUnknownIdIsNotFoundWithExit3(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "nf", "nf");
    String id = createId(repo, "Exists");
    fails(repo.run("show", "nf-zzzz"), 3, "nf-zzzz");
    fails(repo.run("show", "nf-zzzz", "--json"), 3, "nf-zzzz");
    fails(repo.run("close", "zzzz", "--json"), 3, "zzzz");
    fails(repo.run("comment", "nf-zzzz", "hello"), 3, "nf-zzzz");
    fails(repo.run("dep", "add", id, "nf-zzzz"), 3, "nf-zzzz");
    fails(repo.run("history", "nf-zzzz", "--json"), 3, "nf-zzzz");
    fails(repo.run("list", "--project", "nosuch", "--json"), 3, "nosuch");
    assertThat(ok(repo.run("show", id, "--json")).object().string("status")).isEqualTo("open");
  }

  @Test
  void anAmbiguousPrefixIsAUsageErrorNamingTheCandidates(CliRunner cli) throws Exception {
    CliRunner repo = Projects.initRepo(cli, "amb", "amb");
    // 40 issues in one import: ids are random base-36, so at least two share a first character.
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      file.append(
          "{\"id\":\"amb-x%03d\",\"title\":\"Issue %d\",\"status\":\"open\",\"priority\":2,\"type\":\"task\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"updatedAt\":\"2026-01-01T00:00:00.000Z\"}\n"
              .formatted(i, i));
    }
    Path jsonl = Files.writeString(cli.workDir().resolve("many.jsonl"), file);
    ok(repo.run("import", jsonl.toString(), "-q"));
    List<String> ids =
        ok(repo.run("list", "-n", "0", "--json")).objects().stream()
            .map(i -> i.string("id"))
            .toList();
    assertThat(ids).hasSize(40);
    Map<Character, List<String>> byFirst = new HashMap<>();
    for (String id : ids) {
      byFirst.computeIfAbsent(id.charAt(4), c -> new java.util.ArrayList<>()).add(id);
    }
    List<String> sharing =
        byFirst.values().stream().filter(group -> group.size() > 1).findFirst().orElseThrow();
    String prefix = sharing.get(0).substring(0, 5);

    CliResult result = fails(repo.run("show", prefix, "--json"), 2, prefix);
    assertThat(result.stderr()).contains(sharing.get(0), sharing.get(1));
    fails(repo.run("close", prefix), 2, prefix);
    assertThat(ok(repo.run("list", "-n", "0", "--json")).objects()).hasSize(40);
    // One more character makes it unique again.
    JsonObject one = ok(repo.run("show", sharing.get(0), "--json")).object();
    assertThat(one.string("id")).isEqualTo(sharing.get(0));
  }

  @Test
  void aMistypedCommandGetsDidYouMean(CliRunner cli) {
    CliResult top = fails(cli.run("creat", "x"), 2, "creat");
    assertThat(top.stderr()).contains("did you mean create");
    CliResult list = fails(cli.run("lst", "--json"), 2, "lst");
    assertThat(list.stderr()).contains("did you mean list");
    CliResult nested = fails(cli.run("label", "ad", "x", "y"), 2, "ad");
    assertThat(nested.stderr()).contains("did you mean add");
    CliResult daemon = fails(cli.run("daemon", "stpo"), 2, "stpo");
    assertThat(daemon.stderr()).contains("did you mean stop");
  }

  @Test
  void noDaemonAndNoAutoStartIsExit5(CliRunner cli) throws Exception {
    // Another runtime directory, where no daemon listens; auto-start is off for @CliTest.
    Path elsewhere = Files.createDirectories(cli.home().resolve("other-run"));
    CliRunner nowhere = cli.env("TRACKER_RUNTIME_DIR", elsewhere.toString());
    CliResult result = fails(nowhere.run("list", "--json"), 5, "daemon");
    assertThat(result.stderr()).contains("TRACKER_NO_AUTOSTART");
    CliResult status = nowhere.run("daemon", "status", "--json");
    assertThat(status.exitCode()).as("%s", status).isEqualTo(5);
    assertThat(status.object()).isEqualTo(new JsonObject().with("running", false));
    try (var files = Files.list(elsewhere)) {
      assertThat(files.toList()).as("nothing started there").isEmpty();
    }
  }
}

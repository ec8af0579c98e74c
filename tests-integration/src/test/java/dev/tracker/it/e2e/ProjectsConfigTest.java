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
import java.util.List;
import org.junit.jupiter.api.Test;

/** projects, which project a command acts on, config, completion, version, daemon status. */
@CliTest
class ProjectsConfigTest {

  @Test
  void outsideAnyRepositoryCommandsUseThePersonalProject(CliRunner cli) throws Exception {
    Path plain = Files.createDirectories(cli.workDir().resolve("notes"));
    CliRunner outside = cli.in(plain);

    JsonObject before = ok(outside.run("projects", "--json")).object();
    assertThat(before.keySet()).containsExactlyInAnyOrder("current", "projects");
    assertThat(before.object("current").string("key")).isEqualTo("me");
    assertThat(before.object("current").string("source")).isEqualTo("personal");
    assertThat(before.objects("projects")).as("created on first use, not before").isEmpty();
    assertThat(ok(outside.run("projects")).stdout()).contains("me", "personal");

    String id = createId(outside, "Buy milk");
    assertThat(id).startsWith("me-");
    List<JsonObject> projects = ok(outside.run("projects", "--json")).object().objects("projects");
    assertThat(projects)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(List.of("key", "name", "root", "changeCount", "createdAt"))
                  .containsAll(p.keySet());
              assertThat(p.string("key")).isEqualTo("me");
              assertThat(p.string("name")).isEqualTo("Personal");
              assertThat(p.string("root")).as("no repository").isNull();
            });
    // Any directory outside a repository is the same personal project.
    assertThat(ok(cli.run("list", "--json")).objects())
        .extracting(i -> i.string("id"))
        .containsExactly(id);
    // No repository, so no JSONL export anywhere in the directory.
    fails(outside.run("sync"), 2, "no repository");
    assertThat(plain.resolve(".tracker")).doesNotExist();

    // Its key comes from config.toml.
    ok(outside.run("config", "set", "personal.key", "mine", "-q"));
    String other = createId(outside, "Call the bank");
    assertThat(other).startsWith("mine-");
    assertThat(ok(outside.run("projects", "--json")).object().object("current").string("key"))
        .isEqualTo("mine");
  }

  @Test
  void theProjectComesFromTheFlagTheEnvironmentOrTheNearestProjectFile(CliRunner cli)
      throws Exception {
    CliRunner alpha = Projects.initRepo(cli, "alpha", "ka");
    CliRunner beta = Projects.initRepo(cli, "beta", "kb");
    String a = createId(alpha, "In alpha");
    String b = createId(beta, "In beta");
    Path deep = Files.createDirectories(alpha.workDir().resolve("src/main/java"));
    CliRunner inDeep = cli.in(deep);

    assertThat(ids(inDeep.run("list", "--json"))).containsExactly(a);
    assertThat(ids(inDeep.run("list", "--project", "kb", "--json"))).containsExactly(b);
    assertThat(ids(inDeep.env("TRACKER_PROJECT", "kb").run("list", "--json"))).containsExactly(b);
    // The flag wins over the environment.
    assertThat(ids(inDeep.env("TRACKER_PROJECT", "kb").run("list", "--project", "ka", "--json")))
        .containsExactly(a);

    assertThat(current(inDeep)).isEqualTo("ka/repository");
    assertThat(current(inDeep.env("TRACKER_PROJECT", "kb"))).isEqualTo("kb/environment");
    JsonObject flag = ok(inDeep.run("projects", "--project", "kb", "--json")).object();
    assertThat(flag.object("current").string("source")).isEqualTo("flag");
    assertThat(flag.objects("projects")).extracting(p -> p.string("key")).contains("ka", "kb");
    assertThat(ok(inDeep.run("projects")).stdout())
        .contains("ka", "kb", alpha.workDir().toString());
  }

  @Test
  void configIsReadAndWrittenInConfigToml(CliRunner cli) throws Exception {
    JsonObject list = ok(cli.run("config", "list", "--json")).object();
    assertThat(list.keySet()).containsExactlyInAnyOrder("file", "settings");
    assertThat(list.objects("settings"))
        .extracting(s -> s.string("key"))
        .contains(
            "personal.key", "personal.name", "user.name", "color", "editor", "daemon.autostart");
    assertThat(list.objects("settings"))
        .allSatisfy(
            s ->
                assertThat(List.of("key", "value", "default", "description"))
                    .containsAll(s.keySet()));
    Path file = Path.of(list.string("file"));
    assertThat(file).isEqualTo(cli.paths().configFile());

    JsonObject defaulted = ok(cli.run("config", "get", "personal.key", "--json")).object();
    assertThat(defaulted.keySet()).containsExactlyInAnyOrder("key", "value", "default");
    assertThat(defaulted.string("value")).isEqualTo("me");
    assertThat(defaulted.bool("default")).isTrue();

    JsonObject set = ok(cli.run("config", "set", "user.name", "alice", "--json")).object();
    assertThat(set.keySet()).containsExactlyInAnyOrder("key", "value", "file");
    assertThat(Files.readString(file)).contains("alice");
    assertThat(ok(cli.run("config", "get", "user.name")).stdout().strip()).isEqualTo("alice");
    JsonObject got = ok(cli.run("config", "get", "user.name", "--json")).object();
    assertThat(got.string("value")).isEqualTo("alice");
    assertThat(got.bool("default")).isFalse();
    assertThat(ok(cli.run("config", "list")).stdout()).contains("user.name", "alice");

    // The setting is used: it is who comments.
    String id = createId(cli, "Personal issue");
    assertThat(ok(cli.run("comment", id, "hi", "--json")).object().string("author"))
        .isEqualTo("alice");

    JsonObject unset = ok(cli.run("config", "unset", "user.name", "--json")).object();
    assertThat(unset.keySet()).containsExactlyInAnyOrder("key", "removed");
    assertThat(unset.bool("removed")).isTrue();
    assertThat(Files.readString(file)).doesNotContain("alice");

    fails(cli.run("config", "get", "no.such"), 2, "no.such");
    fails(cli.run("config", "set", "daemon.autostart", "maybe"), 2, "maybe");
  }

  @Test
  void completionScriptsAndVersions(CliRunner cli) {
    CliResult bash = ok(cli.run("completion", "bash"));
    assertThat(bash.stdout()).startsWith("#!/usr/bin/env bash").contains("complete", "tracker");
    CliResult zsh = ok(cli.run("completion", "zsh"));
    assertThat(zsh.stdout()).startsWith("#compdef tracker").contains("bashcompinit");
    JsonObject json = ok(cli.run("completion", "bash", "--json")).object();
    assertThat(json.keySet()).containsExactlyInAnyOrder("shell", "script");
    assertThat(json.string("script")).isEqualTo(bash.stdout());
    fails(cli.run("completion", "fish"), 2, "fish");

    CliResult help = ok(cli.run("--help"));
    assertThat(help.stdout()).startsWith("Usage: tracker").contains("Exit codes:");
    for (String command :
        List.of(
            "init",
            "create",
            "list",
            "show",
            "update",
            "edit",
            "close",
            "reopen",
            "delete",
            "comment",
            "comments",
            "label",
            "dep",
            "ready",
            "blocked",
            "search",
            "stats",
            "history",
            "sync",
            "export",
            "import",
            "projects",
            "daemon",
            "config",
            "completion",
            "version")) {
      assertThat(help.stdout()).containsPattern("(?m)^  " + command + " ");
    }

    JsonObject version = ok(cli.run("version", "--json")).object();
    assertThat(version.keySet()).containsExactlyInAnyOrder("version", "apiVersion", "daemon");
    assertThat(version.string("version")).isEqualTo(dev.tracker.core.TrackerVersion.VERSION);
    assertThat(version.number("apiVersion", -1))
        .isEqualTo(dev.tracker.core.TrackerVersion.API_VERSION);
    JsonObject daemon = version.object("daemon");
    assertThat(daemon.keySet()).containsExactlyInAnyOrder("version", "apiVersion", "pid");
    // The daemon is this test's own, in this JVM.
    assertThat(daemon.number("pid", -1)).isEqualTo(ProcessHandle.current().pid());
    assertThat(ok(cli.run("version")).stdout())
        .contains("tracker " + dev.tracker.core.TrackerVersion.VERSION, "daemon");
    assertThat(ok(cli.run("--version")).stdout().strip())
        .isEqualTo("tracker " + dev.tracker.core.TrackerVersion.VERSION);
  }

  @Test
  void daemonStatusAndLogsDescribeTheRunningDaemon(CliRunner cli) {
    Projects.initRepo(cli, "st", "st");
    JsonObject status = ok(cli.run("daemon", "status", "--json")).object();
    assertThat(status.keySet()).containsExactlyInAnyOrder("running", "health", "status");
    assertThat(status.bool("running")).isTrue();
    JsonObject health = status.object("health");
    assertThat(health).containsKeys("status", "version", "apiVersion", "pid", "uptimeSeconds");
    assertThat(health.number("pid", -1)).isEqualTo(ProcessHandle.current().pid());
    assertThat(status.object("status").object("paths").string("socket"))
        .isEqualTo(cli.paths().socket().toString());
    assertThat(status.object("status").objects("projects"))
        .extracting(p -> p.string("key"))
        .contains("st");
    CliResult human = ok(cli.run("daemon", "status"));
    assertThat(human.stdout())
        .contains("The daemon is running", "pid " + ProcessHandle.current().pid(), "project st");

    // The in-process daemon logs through the test's logging, not to the file: logs says so.
    JsonObject logs = ok(cli.run("daemon", "logs", "--json")).object();
    assertThat(logs.keySet()).containsExactlyInAnyOrder("file", "lines");
    assertThat(logs.string("file")).isEqualTo(cli.paths().logFile().toString());
    fails(cli.run("daemon", "logs", "-f", "--json"), 2, "--follow");
  }

  private static List<String> ids(CliResult result) {
    return ok(result).objects().stream().map(i -> i.string("id")).toList();
  }

  private static String current(CliRunner cli) {
    JsonObject current = ok(cli.run("projects", "--json")).object().object("current");
    return current.string("key") + "/" + current.string("source");
  }
}

package dev.tracker.cli.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.testing.CliHarness;
import dev.tracker.cli.testing.CliHarness.Result;
import dev.tracker.cli.testing.FakeDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which project a command acts on, and init. */
class ProjectResolutionTest {
  static final String PAGE = "{\"items\":[],\"nextCursor\":null}";
  static final String UNFINISHED = "?status=open%2Cin_progress%2Cblocked%2Cdeferred&limit=100";

  @TempDir Path home;
  CliHarness cli;
  FakeDaemon daemon;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(home);
    daemon = cli.daemon();
  }

  @AfterEach
  void stop() throws Exception {
    daemon.close();
  }

  @Test
  void theNearestProjectFileAboveTheWorkingDirectoryWins() throws Exception {
    Path repo = home.resolve("repo");
    CliHarness.write(repo.resolve(".tracker/project.toml"), "key = \"abc\"\nname = \"ABC\"\n");
    Path deep = Files.createDirectories(repo.resolve("src/main"));
    daemon.on("GET", "/v1/projects/abc/issues" + UNFINISHED, 200, PAGE);

    Result result = cli.in(deep).run("list", "--json");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(daemon.calls()).containsExactly("GET /v1/projects/abc/issues" + UNFINISHED);
  }

  @Test
  void theFlagBeatsTheEnvironmentWhichBeatsTheFile() throws Exception {
    Path repo = home.resolve("repo");
    CliHarness.write(repo.resolve(".tracker/project.toml"), "key = \"abc\"\n");
    daemon.on("GET", "/v1/projects/env/issues" + UNFINISHED, 200, PAGE);
    daemon.on("GET", "/v1/projects/flag/issues" + UNFINISHED, 200, PAGE);

    cli.in(repo).env("TRACKER_PROJECT", "env").run("list");
    cli.in(repo).env("TRACKER_PROJECT", "env").run("list", "--project", "FLAG");

    assertThat(daemon.calls())
        .containsExactly(
            "GET /v1/projects/env/issues" + UNFINISHED,
            "GET /v1/projects/flag/issues" + UNFINISHED);
  }

  @Test
  void outsideAnyRepositoryThePersonalProjectIsCreatedOnFirstUse() throws Exception {
    CliHarness.write(cli.configFile(), "[personal]\nkey = \"mine\"\nname = \"Mine\"\n");
    daemon.problem(
        "GET",
        "/v1/projects/mine/issues" + UNFINISHED,
        404,
        "not_found",
        "project 'mine' not found");
    daemon.on("POST", "/v1/projects", 201, "{\"key\":\"mine\",\"name\":\"Mine\"}");

    Result result = cli.in(Files.createDirectories(home.resolve("elsewhere"))).run("list");

    assertThat(result.exit()).isEqualTo(3);
    assertThat(daemon.calls())
        .containsExactly(
            "GET /v1/projects/mine/issues" + UNFINISHED,
            "POST /v1/projects",
            "GET /v1/projects/mine/issues" + UNFINISHED);
    JsonObject body = Json.parseObject(daemon.last("POST", "/v1/projects").bodyText());
    assertThat(body)
        .containsEntry("key", "mine")
        .containsEntry("name", "Mine")
        .doesNotContainKey("root");
  }

  @Test
  void projectsShowsWhereTheCurrentProjectComesFrom() throws Exception {
    Path repo = home.resolve("repo");
    CliHarness.write(repo.resolve(".tracker/project.toml"), "key = \"abc\"\n");
    daemon.on(
        "GET", "/v1/projects", 200, "[{\"key\":\"abc\",\"name\":\"A\",\"root\":\"" + repo + "\"}]");

    JsonObject json = Json.parseObject(cli.in(repo).run("projects", "--json").out());
    Result text = cli.in(repo).run("projects");

    assertThat(json.object("current"))
        .containsEntry("key", "abc")
        .containsEntry("source", "repository")
        .containsEntry("root", repo.toString());
    assertThat(text.out())
        .contains("*  abc")
        .contains("This directory uses abc (from .tracker/project.toml");
  }

  @Test
  void initInAGitRepositoryWritesTheFileRegistersAndAddsTheMergeDriver() throws Exception {
    Path repo = home.resolve("My-Repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("sub"));
    CliHarness.write(repo.resolve(".gitattributes"), "*.png binary");
    daemon.on("POST", "/v1/projects", 201, "{\"key\":\"myrepo\",\"name\":\"My-Repo\"}");

    Result result = cli.in(repo.resolve("sub")).env("PATH", "/nonexistent").run("init");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(Files.readString(repo.resolve(".tracker/project.toml")))
        .isEqualTo("key = \"myrepo\"\nname = \"My-Repo\"\n");
    assertThat(Files.readString(repo.resolve(".gitattributes")))
        .isEqualTo("*.png binary\n/.tracker/issues.jsonl merge=tracker\n");
    JsonObject body = Json.parseObject(daemon.last("POST", "/v1/projects").bodyText());
    assertThat(body).containsEntry("root", repo.toString()).containsEntry("key", "myrepo");
    assertThat(result.err()).contains("could not configure the merge driver (git is not on PATH)");

    daemon.on("GET", "/v1/projects/myrepo", 200, "{\"key\":\"myrepo\",\"root\":\"" + repo + "\"}");
    daemon.problem("POST", "/v1/projects", 409, "already_exists", "key 'myrepo' is registered");
    Result again = cli.in(repo).env("PATH", "/nonexistent").run("init");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).startsWith("Already initialized: project myrepo");
    assertThat(Files.readString(repo.resolve(".gitattributes"))).containsOnlyOnce("merge=tracker");
  }

  @Test
  void initRefusesAKeyTakenByAnotherDirectory() throws Exception {
    Path dir = Files.createDirectories(home.resolve("proj"));
    daemon.problem("POST", "/v1/projects", 409, "already_exists", "key 'proj' is registered");
    daemon.on("GET", "/v1/projects/proj", 200, "{\"key\":\"proj\",\"root\":\"/elsewhere\"}");

    Result result = cli.in(dir).run("init");

    assertThat(result.exit()).isEqualTo(4);
    assertThat(result.err()).contains("the key 'proj' is taken by /elsewhere");
    assertThat(Files.exists(dir.resolve(".tracker/project.toml"))).isFalse();
  }

  @Test
  void initRefusesABadKeyBeforeAskingTheDaemon() throws Exception {
    Result result =
        cli.in(Files.createDirectories(home.resolve("x"))).run("init", "--key", "9lives");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("--key: must be lower-case letters and digits, starting with a letter");
    assertThat(daemon.calls()).isEmpty();
  }
}

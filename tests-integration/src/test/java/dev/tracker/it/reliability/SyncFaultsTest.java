package dev.tracker.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.lifecycle.Daemon;
import dev.tracker.daemon.lifecycle.DaemonOptions;
import dev.tracker.daemon.sync.SyncSettings;
import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.Await;
import dev.tracker.it.harness.DaemonExtension;
import dev.tracker.it.harness.LeakExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Git failing or missing while git commits are on: the error shows in status, the file is still
 * exported, the loop keeps running, and a commit that failed is retried by the loop itself.
 */
@ExtendWith(LeakExtension.class)
class SyncFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private Path home;
  private RuntimePaths paths;
  private Path repo;
  private Daemon daemon;
  private Process child;
  private Api api;

  @BeforeEach
  void home() throws IOException {
    home = Files.createTempDirectory(Path.of("/tmp"), "trk-fault-");
    paths = DaemonExtension.pathsUnder(home);
    repo = Files.createDirectories(home.resolve("repo"));
  }

  @AfterEach
  void stop() throws Exception {
    if (api != null) {
      api.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    if (child != null) {
      child.destroy();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
      }
    }
    try (var walk = Files.walk(home)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void aFailingGitIsShownInStatusAndTheLoopRetriesTheCommitByItself() throws Exception {
    git("init", "-q");
    git("config", "user.name", "Tracker Test");
    git("config", "user.email", "tracker@example.invalid");
    // Another git command in progress holds the index lock: git add fails until it is gone.
    Path lock = Files.createFile(repo.resolve(".git/index.lock"));
    daemon =
        Daemon.start(
            DaemonOptions.defaults(paths)
                .withSync(
                    SyncSettings.DEFAULTS.withGitCommit(true).withInterval(Duration.ofSeconds(1))));
    api = new Api(paths.socket());
    register();
    api.post("/v1/projects/trk/issues", Map.of("title", "Waiting for git"));

    JsonNode report = api.post("/v1/projects/trk/sync", null).json();
    assertThat(report.get("error").asString()).contains("git add failed").contains("index.lock");
    assertThat(Files.readString(repo.resolve(".tracker/issues.jsonl")))
        .as("the file is exported although git failed")
        .contains("Waiting for git");
    assertThat(lastError()).contains("git add failed");

    Files.delete(lock);
    Await.until(
        WAIT, "the loop to commit once git works again", () -> committed("Waiting for git"));
    Await.until(WAIT, "the error to clear from status", () -> lastError().isEmpty());
  }

  @Test
  void aMissingGitIsShownInStatusWhileExportsGoOn() throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    child = childDaemonWithoutGit();
    api = new Api(paths.socket());
    Await.until(WAIT, "the daemon to answer", () -> healthy());
    register();
    api.post("/v1/projects/trk/issues", Map.of("title", "No git here"));

    JsonNode report = api.post("/v1/projects/trk/sync", null).json();
    assertThat(report.get("error").asString()).contains("git is not installed");
    assertThat(lastError()).contains("git is not installed");

    // The loop is alive: a later write reaches the file without any sync request.
    api.post("/v1/projects/trk/issues", Map.of("title", "Exported by the loop"));
    Await.until(
        WAIT, "the loop to export the second issue", () -> fileContains("Exported by the loop"));
    assertThat(child.isAlive()).isTrue();
    assertThat(lastError()).contains("git is not installed");
  }

  private void register() {
    Api.Reply reply =
        api.post("/v1/projects", Map.of("key", "trk", "name", "Tracker", "root", repo.toString()));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }

  private String lastError() {
    JsonNode sync = api.get("/v1/status").json().get("sync").get(0);
    return sync.has("lastError") ? sync.get("lastError").asString() : "";
  }

  private boolean healthy() {
    try {
      return api.get("/v1/health").status() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean fileContains(String text) {
    try {
      Path file = repo.resolve(".tracker/issues.jsonl");
      return Files.exists(file) && Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private boolean committed(String text) {
    try {
      return git("show", "HEAD:.tracker/issues.jsonl").contains(text);
    } catch (Exception e) {
      return false;
    }
  }

  /** The real daemon main in a child whose PATH holds no git; java itself is named by path. */
  private Process childDaemonWithoutGit() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(
        List.of(
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.tracker.daemon.DaemonMain",
            "run",
            "--git-commit"));
    command.addAll(DaemonExtension.directoryOptions(paths));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("child.out").toFile());
    builder.environment().put("PATH", home.resolve("no-git").toString());
    return builder.start();
  }

  private String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      process.getOutputStream().close();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("git " + String.join(" ", args) + " failed: " + output);
      }
      return output;
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

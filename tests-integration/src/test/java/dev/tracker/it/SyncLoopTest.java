package dev.tracker.it;

import static dev.tracker.it.SyncTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.lifecycle.Daemon;
import dev.tracker.daemon.lifecycle.DaemonOptions;
import dev.tracker.daemon.sync.SyncSettings;
import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonExtension;
import dev.tracker.it.harness.LeakExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The loop's timing and switches: interval, disabled sync, git commits, the final flush. */
@ExtendWith(LeakExtension.class)
class SyncLoopTest {
  private Path home;
  private Daemon daemon;
  private Api api;

  private Path start(UnaryOperator<SyncSettings> sync) throws Exception {
    home = Files.createTempDirectory(Path.of("/tmp"), "trk-sync-");
    RuntimePaths paths = DaemonExtension.pathsUnder(home);
    daemon =
        Daemon.start(DaemonOptions.defaults(paths).withSync(sync.apply(SyncSettings.DEFAULTS)));
    api = new Api(paths.socket());
    Path repo = Files.createDirectories(home.resolve("repo"));
    api.post("/v1/projects", Map.of("key", "trk", "name", "Tracker", "root", repo.toString()));
    return repo;
  }

  @AfterEach
  void stop() throws IOException {
    if (api != null) {
      api.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    try (var walk = Files.walk(home)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void theIntervalPicksUpAnExternalEditWithoutAnyRequest() throws Exception {
    Path repo = start(s -> s.withInterval(Duration.ofMillis(300)));
    Path file = repo.resolve(".tracker/issues.jsonl");
    String id =
        api.post("/v1/projects/trk/issues", Map.of("title", "Before")).json().get("id").asString();
    await(() -> read(file).contains("Before"), Duration.ofSeconds(3));
    Files.writeString(file, read(file).replace("Before", "After"));
    await(
        () ->
            api.get("/v1/projects/trk/issues/" + id).json().get("title").asString().equals("After"),
        Duration.ofSeconds(3));
  }

  @Test
  void disabledSyncWritesNothingOnItsOwn() throws Exception {
    Path repo = start(s -> SyncSettings.DISABLED);
    api.post("/v1/projects/trk/issues", Map.of("title", "Stays in the database"));
    Thread.sleep(1_500);
    assertThat(repo.resolve(".tracker/issues.jsonl")).doesNotExist();
    // An explicit sync still works: disabling stops the loop, not the user.
    assertThat(api.post("/v1/projects/trk/sync", null).json().get("exported").asBoolean()).isTrue();
  }

  @Test
  void withGitEnabledEachExportIsCommitted() throws Exception {
    Path repo = start(s -> s.withGitCommit(true));
    git(repo, "init", "-q");
    git(repo, "config", "user.name", "Tracker Test");
    git(repo, "config", "user.email", "tracker@example.invalid");
    api.post("/v1/projects/trk/issues", Map.of("title", "Committed"));
    assertThat(api.post("/v1/projects/trk/sync", null).json().get("committed").asBoolean())
        .isTrue();
    assertThat(git(repo, "log", "--format=%s", "--", ".tracker/issues.jsonl"))
        .isEqualTo("tracker: sync issues");
    assertThat(git(repo, "show", "HEAD:.tracker/issues.jsonl")).contains("Committed");
    assertThat(api.post("/v1/projects/trk/sync", null).json().get("committed").asBoolean())
        .as("nothing new, no empty commit")
        .isFalse();
  }

  @Test
  void closingFlushesTheLastWrite() throws Exception {
    Path repo = start(s -> s.withInterval(Duration.ofHours(1)));
    api.post("/v1/projects/trk/sync", null);
    api.post("/v1/projects/trk/issues", Map.of("title", "Written just before stop"));
    api.close();
    api = null;
    daemon.close();
    assertThat(read(repo.resolve(".tracker/issues.jsonl"))).contains("Written just before stop");
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String git(Path repo, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      process.getOutputStream().close();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      return output;
    } finally {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}

package dev.tracker.daemon.sync.jsonl;

import static dev.tracker.daemon.sync.jsonl.Lines.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge driver under real git: installed as the design says ({@code .gitattributes} and {@code
 * merge.tracker.driver}), run by {@code git merge} in a JVM of its own through {@code DaemonMain}.
 */
class MergeDriverGitTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String FILE = ".tracker/issues.jsonl";

  @TempDir Path tmp;
  Path repo;

  final IssueLine login =
      issue("trk-a1")
          .title("Login fails")
          .labels("auth")
          .comment("c1aaaaaaaaaa", "alice", "Seen on staging", 1)
          .updated(1)
          .build();
  final IssueLine docs = issue("trk-b2").title("Update the docs").updated(1).build();
  final IssueLine quiet = issue("trk-c3").title("Untouched").updated(1).build();

  @BeforeEach
  void initRepository() throws Exception {
    repo = Files.createDirectory(tmp.resolve("repo"));
    git("init", "-q", "-b", "main");
    git("config", "user.name", "Test User");
    git("config", "user.email", "test@example.invalid");
    git("config", "commit.gpgsign", "false");
    git("config", "merge.tracker.name", "tracker issues");
    git("config", "merge.tracker.driver", driverCommand());
    Files.writeString(repo.resolve(".gitattributes"), "/.tracker/issues.jsonl merge=tracker\n");
  }

  @Test
  void changesOnTwoBranchesToTheSameIssueMergeWithoutAConflict() throws Exception {
    commit("base", List.of(login, docs, quiet));
    IssueLine oursLogin =
        Lines.from(login)
            .title("Login fails on Safari")
            .labels("safari")
            .comment("c2bbbbbbbbbb", "bob", "Only with private browsing", 10)
            .updated(10)
            .build();
    IssueLine theirsLogin = Lines.from(login).priority(0).labels("urgent").updated(12).build();
    IssueLine theirsDocs = Lines.from(docs).closed(12, "done").updated(12).build();

    git("checkout", "-q", "-b", "b");
    commit("b: priority, label, close", List.of(theirsLogin, theirsDocs, quiet));
    git("checkout", "-q", "main");
    git("checkout", "-q", "-b", "a");
    commit("a: title, label, comment", List.of(oursLogin, docs, quiet));

    // Both branches changed the line of trk-a1: git's own line merge would stop with a conflict.
    assertThat(git("check-attr", "merge", "--", FILE)).isEqualTo(FILE + ": merge: tracker\n");
    Result merge = run("git", "merge", "--no-edit", "b");

    assertThat(merge.exit()).as(merge.output()).isZero();
    assertThat(merge.output()).doesNotContain("CONFLICT");
    List<IssueLine> merged = JsonlCodec.read(Files.readAllBytes(repo.resolve(FILE)));
    IssueLine expectedLogin =
        Lines.from(login)
            .title("Login fails on Safari")
            .priority(0)
            .labels("safari", "urgent")
            .comment("c2bbbbbbbbbb", "bob", "Only with private browsing", 10)
            .updated(12)
            .build();
    assertThat(merged).containsExactly(expectedLogin, theirsDocs, quiet);
    assertThat(merged.get(1).status()).isEqualTo(Status.CLOSED);
    assertThat(merged.get(1).closedAt()).isNotNull();
    assertThat(git("status", "--porcelain")).isEmpty();
    assertThat(git("log", "--merges", "--format=%s")).startsWith("Merge branch 'b'");
    assertThat(git("show", "HEAD:" + FILE)).isEqualTo(Files.readString(repo.resolve(FILE)));
  }

  @Test
  void aFileCreatedOnBothBranchesMergesWithoutAnAncestor() throws Exception {
    Files.writeString(repo.resolve("README"), "repo\n");
    git("add", "-A");
    git("commit", "-q", "-m", "start");
    git("checkout", "-q", "-b", "b");
    commit("b: tracker", List.of(Lines.from(login).labels("theirs").updated(3).build(), docs));
    git("checkout", "-q", "main");
    commit("main: tracker", List.of(Lines.from(login).labels("ours").updated(2).build(), quiet));

    Result merge = run("git", "merge", "--no-edit", "b");

    assertThat(merge.exit()).as(merge.output()).isZero();
    assertThat(JsonlCodec.read(Files.readAllBytes(repo.resolve(FILE))))
        .containsExactly(
            Lines.from(login).labels("ours", "theirs").updated(3).build(), docs, quiet);
  }

  @Test
  void aSideWithConflictMarkersMakesTheDriverFailAndGitReportAConflict() throws Exception {
    commit("base", List.of(login, docs));
    git("checkout", "-q", "-b", "b");
    String line = Lines.text(JsonlCodec.write(List.of(docs)));
    Files.writeString(
        repo.resolve(FILE),
        Lines.text(JsonlCodec.write(List.of(login)))
            + "<<<<<<< HEAD\n"
            + line
            + "=======\n"
            + line.replace("Update the docs", "Update the documentation")
            + ">>>>>>> other\n");
    git("add", "-A");
    git("commit", "-q", "-m", "b: an unresolved conflict, committed by mistake");
    git("checkout", "-q", "main");
    IssueLine oursLogin = Lines.from(login).title("Login fails on Safari").updated(5).build();
    commit("main: title", List.of(oursLogin, docs));
    String oursContent = Files.readString(repo.resolve(FILE));

    Result merge = run("git", "merge", "--no-edit", "b");

    assertThat(merge.exit()).as(merge.output()).isNotZero();
    assertThat(merge.output())
        .contains("tracker-daemon merge-driver: theirs (")
        .contains(
            "): git conflict marker at line 2; resolve the conflict, the file is left untouched")
        .contains("CONFLICT");
    assertThat(git("diff", "--name-only", "--diff-filter=U")).isEqualTo(FILE + "\n");
    assertThat(Files.readString(repo.resolve(FILE))).isEqualTo(oursContent);
  }

  @Test
  void theCommandLineChecksItsArguments() throws Exception {
    Result wrong = run(javaCommand("merge-driver", "only-one"));

    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.output())
        .contains("tracker-daemon merge-driver: expected 3 files, got 1")
        .contains("usage: tracker-daemon merge-driver BASE OURS THEIRS");
  }

  private void commit(String message, List<IssueLine> issues) throws Exception {
    Files.createDirectories(repo.resolve(FILE).getParent());
    Files.write(repo.resolve(FILE), JsonlCodec.write(issues));
    git("add", "-A");
    git("commit", "-q", "-m", message);
  }

  /** The driver as git runs it: a shell command line, every path quoted. */
  private static String driverCommand() {
    StringBuilder command = new StringBuilder();
    for (String word : javaCommand()) {
      command.append(quote(word)).append(' ');
    }
    return command.append("merge-driver %O %A %B").toString();
  }

  private static List<String> javaCommand(String... args) {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx64m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.tracker.daemon.DaemonMain");
    command.addAll(List.of(args));
    return command;
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private String git(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    Result result = run(command);
    assertThat(result.exit()).as("%s: %s", command, result.output()).isZero();
    return result.output();
  }

  record Result(int exit, String output) {}

  private Result run(String... command) throws Exception {
    return run(List.of(command));
  }

  /**
   * Runs a command in the repository with stdin closed, output (both streams) drained into a file,
   * a timeout, and the process and anything it started (git's driver JVM) reaped in every case. Git
   * sees only the repository's own configuration.
   */
  private Result run(List<String> command) throws Exception {
    Path output = Files.createTempFile(tmp, "output", ".txt");
    Path globalConfig = tmp.resolve("empty-gitconfig");
    if (!Files.exists(globalConfig)) {
      Files.createFile(globalConfig);
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("GIT_"));
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", globalConfig.toString());
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_EDITOR", "true");
    env.put("LC_ALL", "C");
    Process process = builder.start();
    try {
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(command + " did not finish in " + TIMEOUT + ": " + read(output));
      }
      return new Result(process.exitValue(), read(output));
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}

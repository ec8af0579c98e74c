package dev.tracker.cli.project;

import dev.tracker.cli.Environment;
import dev.tracker.cli.daemon.DaemonExecutable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code tracker init} needs of git: where a repository's root is, the {@code .gitattributes}
 * line that hands the sync file to tracker's merge driver, and the driver's configuration (see
 * docs/sync.md, "The git merge driver").
 */
public final class GitRepository {
  public static final String ATTRIBUTE_LINE = "/.tracker/issues.jsonl merge=tracker";
  static final String DRIVER_COMMAND = "tracker-daemon merge-driver %O %A %B";
  private static final long GIT_TIMEOUT_SECONDS = 10;

  private GitRepository() {}

  /** The nearest directory at or above {@code start} with a {@code .git} entry, or null. */
  public static Path findRoot(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir;
      }
    }
    return null;
  }

  /**
   * Adds the merge-driver attribute to {@code dir/.gitattributes} unless a line already hands the
   * sync file to it. Returns whether the file changed.
   */
  public static boolean addMergeAttribute(Path dir) throws IOException {
    Path file = dir.resolve(".gitattributes");
    String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    for (String line : existing.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.contains(".tracker/issues.jsonl") && trimmed.contains("merge=tracker")) {
        return false;
      }
    }
    String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
    Files.writeString(file, existing + separator + ATTRIBUTE_LINE + "\n", StandardCharsets.UTF_8);
    return true;
  }

  /**
   * Sets {@code merge.tracker.name} and {@code merge.tracker.driver} in the repository's own git
   * configuration, which is not committed, so each clone needs it once. Returns null when done,
   * else why not.
   */
  public static String configureMergeDriver(Path dir, Environment env) {
    Path git = DaemonExecutable.onPath(env, "git");
    if (git == null) {
      return "git is not on PATH";
    }
    String driver = DRIVER_COMMAND;
    if (env.trackerHome() != null
        && DaemonExecutable.onPath(env, "tracker-daemon") == null
        && Files.isExecutable(env.trackerHome().resolve("bin/tracker-daemon"))) {
      driver =
          shellQuote(env.trackerHome().resolve("bin/tracker-daemon").toString())
              + " merge-driver %O %A %B";
    }
    String failure = runGit(dir, git, List.of("config", "merge.tracker.name", "tracker issues"));
    return failure != null
        ? failure
        : runGit(dir, git, List.of("config", "merge.tracker.driver", driver));
  }

  private static String runGit(Path dir, Path git, List<String> args) {
    List<String> command = new java.util.ArrayList<>();
    command.add(git.toString());
    command.add("-C");
    command.add(dir.toString());
    command.addAll(args);
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "git " + args.get(0) + " did not finish within " + GIT_TIMEOUT_SECONDS + " s";
      }
      return process.exitValue() == 0 ? null : "git " + args.get(0) + ": " + output.trim();
    } catch (IOException e) {
      return "cannot run git: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while running git";
    }
  }

  private static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}

package dev.tracker.daemon.sync;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the git binary, the only place the daemon starts a child process. Every run has a timeout,
 * reads nothing from stdin, writes its output to a file (a pipe nobody drains can block git
 * forever), and is reaped before the call returns, even when it is killed.
 */
final class Git {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final File NO_INPUT = new File("/dev/null");

  private Git() {}

  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  static boolean isRepository(Path root) {
    return Files.exists(root.resolve(".git"));
  }

  /** Commits {@code file} (relative to {@code root}) if it changed; true if a commit was made. */
  static boolean commit(Path root, String file, String message) throws IOException {
    Result add = run(root, List.of("add", "--", file));
    if (!add.ok()) {
      throw new IOException("git add failed (" + add.exitCode() + "): " + add.output());
    }
    if (run(root, List.of("diff", "--cached", "--quiet", "--", file)).ok()) {
      return false;
    }
    Result commit = run(root, List.of("commit", "--no-verify", "-m", message, "--", file));
    if (!commit.ok()) {
      throw new IOException("git commit failed (" + commit.exitCode() + "): " + commit.output());
    }
    return true;
  }

  static Result run(Path root, List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(arguments);
    Path output = Files.createTempFile("tracker-git-", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
              .redirectOutput(output.toFile())
              .redirectErrorStream(true)
              .start();
      try {
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IOException(
              "git " + arguments.get(0) + " did not finish within " + TIMEOUT.toSeconds() + " s");
        }
        return new Result(
            process.exitValue(), tail(Files.readString(output, StandardCharsets.UTF_8)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while git ran", e);
      } finally {
        if (process.isAlive()) {
          process.destroyForcibly();
        }
        reap(process);
      }
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("error=2")) {
        throw new IOException("git is not installed (or not on PATH)", e);
      }
      throw e;
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static void reap(Process process) {
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String tail(String output) {
    String trimmed = output.strip();
    return trimmed.length() > 500 ? "..." + trimmed.substring(trimmed.length() - 500) : trimmed;
  }
}

package dev.tracker.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes sure the launcher's class-data archives for the CLI and the daemon exist in the shared
 * cache before a test that measures what many processes do at once. The launcher records an archive
 * during a program's first representative run and adopts it at the next start; a test whose twenty
 * racing CLIs happened to be the first would race without archives, and whichever racing daemon got
 * to record would record only what a daemon that lost the lock loads.
 */
public final class Archives {
  private static boolean warm;

  private Archives() {}

  private static void startAndStop(CliRunner cli) {
    for (String command : List.of("start", "stop")) {
      CliResult result = cli.run("daemon", command);
      if (result.exitCode() != 0) {
        throw new AssertionError("warming the archives failed:\n" + result);
      }
    }
  }

  /** An archive recorded but not yet adopted (the launcher's lock directory is still there). */
  private static boolean recording() throws IOException {
    Path dir = CliExtension.sharedCache().resolve("tracker/jvm");
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".recording"));
    }
  }

  /**
   * Once per JVM: starts and stops a daemon in a scratch home, through the CLI, and once more if
   * that recorded an archive.
   */
  public static synchronized void warmUp() throws IOException, InterruptedException {
    if (warm) {
      return;
    }
    Path home = Files.createTempDirectory(Path.of("/tmp"), "trk-warm-");
    try {
      CliRunner cli = CliExtension.spawningRunner(home);
      startAndStop(cli);
      if (recording()) {
        // Recorded just now: the next start adopts what was recorded.
        startAndStop(cli);
      }
      warm = true;
    } finally {
      DaemonProcesses.end(DaemonProcesses.under(home), Duration.ofSeconds(15));
      DaemonExtension.deleteRecursively(home);
    }
  }
}

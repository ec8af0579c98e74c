package dev.tracker.it.e2e;

import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.DaemonProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the tests with real daemon processes check again and again. */
public final class Daemons {
  private Daemons() {}

  /** The one daemon process of the runner's home; fails if there is none or more than one. */
  public static long theOnlyDaemon(CliRunner cli) {
    List<Long> daemons = DaemonProcesses.under(cli.home());
    assertThat(daemons).as("daemon processes of this home").hasSize(1);
    return daemons.get(0);
  }

  /** The pid the running daemon reports on /v1/health, through {@code tracker daemon status}. */
  public static long reportedPid(CliRunner cli) {
    return ok(cli.run("daemon", "status", "--json")).object().object("health").number("pid", -1);
  }

  /** Asserts that no daemon of this home runs and that it left only its lock file behind. */
  public static void assertNoDaemon(CliRunner cli) {
    assertThat(DaemonProcesses.under(cli.home())).as("daemon processes of this home").isEmpty();
    assertThat(runtimeFiles(cli)).as("runtime files").doesNotContain("daemon.sock", "daemon.pid");
  }

  public static List<String> runtimeFiles(CliRunner cli) {
    Path dir = cli.paths().runtimeDir();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Field 6 of /proc/PID/stat: the session id. */
  public static long sessionOf(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // After "pid (comm) ": state, ppid, pgrp, session.
    return Long.parseLong(fields[3]);
  }

  public static String fdTarget(long pid, int fd) throws IOException {
    return Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/" + fd)).toString();
  }
}

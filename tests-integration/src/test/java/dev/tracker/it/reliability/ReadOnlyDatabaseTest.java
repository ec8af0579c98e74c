package dev.tracker.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tracker.core.paths.CurrentUser;
import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.lifecycle.Daemon;
import dev.tracker.daemon.lifecycle.DaemonOptions;
import dev.tracker.daemon.sync.SyncSettings;
import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonExtension;
import dev.tracker.it.harness.LeakExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database the daemon cannot write stops it at start with a message that names the file and says
 * it is read-only, and leaves nothing half-started: the packaged daemon exits non-zero, with no
 * socket and no PID file left. Made read-only for real: a tmpfs remounted read-only (root ignores
 * file modes), and a 0444 file for a user other than root.
 */
@ExtendWith(LeakExtension.class)
class ReadOnlyDatabaseTest {
  private static final String OTHER_USER = "tracker-peer";

  private Path home;
  private ScratchTmpfs disk;
  private DaemonUnderUlimit daemon;

  @BeforeEach
  void home() throws Exception {
    home = Files.createTempDirectory(Path.of("/tmp"), "trk-ro-");
  }

  @AfterEach
  void cleanUp() throws Exception {
    try {
      if (daemon != null) {
        daemon.close();
      }
    } finally {
      try {
        if (disk != null) {
          disk.close();
        }
      } finally {
        try (Stream<Path> walk = Files.walk(home)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  @Test
  void onAReadOnlyFileSystemTheDaemonRefusesToStartNamingTheFile() throws Exception {
    disk = ScratchTmpfs.mount(home.resolve("data"), "4m");
    RuntimePaths paths = createDatabase();
    disk.remountReadOnly();

    daemon = DaemonUnderUlimit.start(List.of(), home, 256, null, "--no-sync");
    assertRefusedAtStart(paths);
  }

  @Test
  void aFileWithMode0444RefusesAnotherUserThanRoot() throws Exception {
    RuntimePaths paths = createDatabase();
    Files.setPosixFilePermissions(paths.database(), PosixFilePermissions.fromString("r--r--r--"));
    List<String> runAs = List.of();
    if (CurrentUser.uid() == 0) {
      // Root may write a 0444 file; the daemon runs as an ordinary user instead, as users do.
      assumeTrue(
          Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is not installed");
      ensureUser(OTHER_USER);
      HostCommand.Result chown = HostCommand.run("chown", "-R", OTHER_USER + ":", home.toString());
      assertThat(chown.exitCode()).as(chown.output()).isZero();
      runAs =
          List.of(
              "setpriv", "--reuid=" + OTHER_USER, "--regid=" + OTHER_USER, "--clear-groups", "--");
    }
    daemon = DaemonUnderUlimit.start(runAs, home, 256, null, "--no-sync");
    assertRefusedAtStart(paths);
  }

  /** A real database with a project in it, written by a daemon that then stopped. */
  private RuntimePaths createDatabase() throws Exception {
    RuntimePaths paths = DaemonExtension.pathsUnder(home);
    try (Daemon first =
            Daemon.start(DaemonOptions.defaults(paths).withSync(SyncSettings.DISABLED));
        Api api = new Api(paths.socket())) {
      assertThat(api.post("/v1/projects", Map.of("key", "ro", "name", "Read only")).status())
          .isEqualTo(201);
    }
    assertThat(paths.database()).exists();
    return paths;
  }

  private void assertRefusedAtStart(RuntimePaths paths) throws Exception {
    int exit = daemon.awaitExit(Duration.ofSeconds(60));
    String output = daemon.output();
    assertThat(exit).as(output).isNotZero();
    assertThat(output)
        .contains(
            "tracker-daemon: cannot start: the database " + paths.database() + " is read-only");
    try (Stream<Path> left = Files.list(paths.runtimeDir())) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("runtime files left by the failed start")
          .containsOnly("daemon.lock");
    }
    assertThat(Files.readAllBytes(paths.database())).as("the database").isNotEmpty();
  }

  private static void ensureUser(String name) throws Exception {
    if (HostCommand.run("id", "-u", name).exitCode() == 0) {
      return;
    }
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/useradd")), "useradd is not installed");
    HostCommand.Result created =
        HostCommand.run(
            "/usr/sbin/useradd",
            "--system",
            "--no-create-home",
            "--shell",
            "/usr/sbin/nologin",
            name);
    assertThat(created.exitCode()).as(created.output()).isZero();
  }
}

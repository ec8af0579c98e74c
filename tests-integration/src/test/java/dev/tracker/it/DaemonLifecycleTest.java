package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.lifecycle.AlreadyRunningException;
import dev.tracker.daemon.lifecycle.Daemon;
import dev.tracker.daemon.lifecycle.DaemonOptions;
import dev.tracker.it.harness.DaemonExtension;
import dev.tracker.it.harness.DaemonTest;
import dev.tracker.it.harness.TestDaemon;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

@DaemonTest
class DaemonLifecycleTest {

  @Test
  void startWritesSocketLockAndPidFileWithPrivateModes(TestDaemon daemon) throws IOException {
    RuntimePaths paths = daemon.paths();
    assertThat(
            Files.readAttributes(paths.socket(), java.nio.file.attribute.BasicFileAttributes.class)
                .isOther())
        .as("a socket, not a regular file")
        .isTrue();
    assertThat(perms(paths.socket())).isEqualTo("rw-------");
    assertThat(perms(paths.runtimeDir())).isEqualTo("rwx------");
    assertThat(perms(paths.lockFile())).isEqualTo("rw-------");
    assertThat(Files.readString(paths.pidFile()).strip())
        .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
    assertThat(rawGet(paths.socket(), "/v1/health"))
        .startsWith("HTTP/1.1 200")
        .contains("\"status\":\"ok\"");
  }

  @Test
  void closeRemovesSocketAndPidFileAndIsIdempotent(TestDaemon daemon) {
    RuntimePaths paths = daemon.paths();
    daemon.close();
    daemon.close();
    assertThat(Files.exists(paths.socket())).isFalse();
    assertThat(Files.exists(paths.pidFile())).isFalse();
    assertThat(Files.exists(paths.lockFile())).as("the lock file stays, unlocked").isTrue();
  }

  @Test
  void aSecondDaemonForTheSameUserIsRefusedAndTheFirstKeepsServing(TestDaemon daemon) {
    assertThatThrownBy(() -> Daemon.start(DaemonOptions.defaults(daemon.paths())))
        .isInstanceOf(AlreadyRunningException.class)
        .hasMessage("already running (pid " + ProcessHandle.current().pid() + ")");
    assertThat(rawGet(daemon.paths().socket(), "/v1/health")).startsWith("HTTP/1.1 200");
  }

  @Test
  void aStaleSocketLeftByACrashedDaemonIsReplaced(TestDaemon daemon) throws Exception {
    RuntimePaths paths = daemon.paths();
    daemon.close();
    // A killed daemon leaves its socket file behind, with nobody listening on it.
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(paths.socket()));
    }
    assertThat(Files.exists(paths.socket())).isTrue();

    try (Daemon next = Daemon.start(DaemonOptions.defaults(paths))) {
      assertThat(rawGet(paths.socket(), "/v1/health")).startsWith("HTTP/1.1 200");
    }
    assertThat(Files.exists(paths.socket())).isFalse();
  }

  @Test
  void aSocketPathTooLongForUnixSocketsFallsBackToAShortHashedOne() throws Exception {
    Path home = Files.createTempDirectory(Path.of("/tmp"), "trk-long-");
    try {
      Path deep = home.resolve("a".repeat(60)).resolve("b".repeat(60));
      RuntimePaths resolved =
          new dev.tracker.core.paths.RuntimePathResolver(java.util.Map.of(), home, 0)
              .resolve(
                  new dev.tracker.core.paths.PathOverrides(
                      home.resolve("data"),
                      home.resolve("run"),
                      home.resolve("state"),
                      home.resolve("config"),
                      deep.resolve("daemon.sock")));
      assertThat(resolved.socketFallback()).isTrue();
      assertThat(resolved.socket().getParent()).isEqualTo(home.resolve("run"));
      try (Daemon started = Daemon.start(DaemonOptions.defaults(resolved))) {
        assertThat(rawGet(resolved.socket(), "/v1/health")).startsWith("HTTP/1.1 200");
      }
    } finally {
      deleteTree(home);
    }
  }

  @Test
  void aRuntimeDirectoryOwnedBySomeoneElseIsRefused() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dev.tracker.core.paths.CurrentUser.uid() == 0,
        "giving a directory to another user needs root");
    Path home = Files.createTempDirectory(Path.of("/tmp"), "trk-owner-");
    try {
      RuntimePaths paths = DaemonExtension.pathsUnder(home);
      Files.createDirectories(paths.runtimeDir());
      Files.setAttribute(paths.runtimeDir(), "unix:uid", 65534);
      assertThatThrownBy(() -> Daemon.start(DaemonOptions.defaults(paths)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("belongs to uid 65534")
          .hasMessageContaining("refusing to use it");
      assertThat(Files.exists(paths.socket())).isFalse();
    } finally {
      deleteTree(home);
    }
  }

  @Test
  void aRuntimeDirectoryWithWideModesIsNarrowedToOwnerOnly() throws Exception {
    Path home = Files.createTempDirectory(Path.of("/tmp"), "trk-mode-");
    try {
      RuntimePaths paths = DaemonExtension.pathsUnder(home);
      Files.createDirectories(paths.runtimeDir());
      Files.setPosixFilePermissions(
          paths.runtimeDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
      try (Daemon started = Daemon.start(DaemonOptions.defaults(paths))) {
        assertThat(perms(paths.runtimeDir())).isEqualTo("rwx------");
      }
    } finally {
      deleteTree(home);
    }
  }

  static String rawGet(Path socket, String path) {
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      channel.write(
          ByteBuffer.wrap(
              ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      while (channel.read(buffer) >= 0 && buffer.hasRemaining()) {
        // Read until the server closes the connection.
      }
      buffer.flip();
      return StandardCharsets.UTF_8.decode(buffer).toString();
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " failed: " + e, e);
    }
  }

  private static String perms(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

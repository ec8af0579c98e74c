package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tracker.core.paths.CurrentUser;
import dev.tracker.it.harness.DaemonTest;
import dev.tracker.it.harness.TestDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Another OS user gets nothing: the socket's modes keep it out, and when they are loosened the
 * daemon still refuses it by its kernel-reported credentials. Needs root to create that user, as CI
 * has; elsewhere the tests are skipped and say why.
 */
@DaemonTest
class PeerCredentialsTest {
  private static final String OTHER_USER = "tracker-peer";

  @BeforeAll
  static void secondUser() throws Exception {
    assumeTrue(CurrentUser.uid() == 0, "creating a second OS user needs root");
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/useradd")), "useradd is not installed");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    if (run(List.of("id", "-u", OTHER_USER)).exitCode() != 0) {
      Result created =
          run(
              List.of(
                  "/usr/sbin/useradd",
                  "--system",
                  "--no-create-home",
                  "--shell",
                  "/usr/sbin/nologin",
                  OTHER_USER));
      assertThat(created.exitCode()).as(created.output()).isZero();
    }
  }

  @Test
  void theSocketsModesKeepAnotherUserOut(TestDaemon daemon) throws Exception {
    Result result = curlAs(OTHER_USER, daemon.paths().socket());
    // curl exit 7: could not connect (permission denied on the 0700 directory and 0600 socket).
    assertThat(result.exitCode()).as(result.output()).isEqualTo(7);
  }

  @Test
  void withLoosenedModesThePeerCheckStillRefusesAnotherUser(TestDaemon daemon) throws Exception {
    Path socket = daemon.paths().socket();
    for (Path dir = socket.getParent(); dir.startsWith(daemon.home()); dir = dir.getParent()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));

    Result result = curlAs(OTHER_USER, socket);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).startsWith("403").contains("\"code\":\"forbidden\"");
    assertThat(daemon.api().get("/v1/health").status())
        .as("the owner is still served")
        .isEqualTo(200);
  }

  private static Result curlAs(String user, Path socket) throws Exception {
    List<String> command = new ArrayList<>(List.of("runuser", "-u", user, "--"));
    command.addAll(
        List.of(
            "curl",
            "-sS",
            "--max-time",
            "10",
            "--unix-socket",
            socket.toString(),
            "-o",
            "-",
            "-w",
            "\\n%{http_code}",
            "http://localhost/v1/health"));
    Result result = run(command);
    // Put the status first, the body after, for readable assertions.
    String[] lines = result.output().strip().split("\n");
    String status = lines[lines.length - 1];
    String body = String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 1));
    return new Result(result.exitCode(), status + " " + body);
  }

  record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError(command + " did not finish in 30 s");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

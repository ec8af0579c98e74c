package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.Await;
import dev.tracker.it.harness.DaemonExtension;
import dev.tracker.it.harness.DaemonProcesses;
import dev.tracker.it.harness.LeakExtension;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * {@code tracker-daemon run --socket-activation} in child processes, started the way systemd starts
 * a service with {@code StandardInput=socket}: the listening socket is bound by someone else (here
 * {@code activate.py}, a few lines of Python doing what systemd does for one socket: bind, wait for
 * a connection, start the program with the socket as its standard input), the daemon serves it, and
 * the socket outlives the daemon for the next one. A JVM cannot hand one of its channels to a child
 * as stdin, hence the Python.
 */
@ExtendWith(LeakExtension.class)
class SocketActivationTest {
  private static final Duration START = Duration.ofSeconds(30);

  private Path home;
  private RuntimePaths paths;
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void home() throws IOException {
    home = Files.createTempDirectory(Path.of("/tmp"), "trk-sa-");
    paths = DaemonExtension.pathsUnder(home);
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (Process process : started) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> walk = Files.walk(home)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  @Test
  void eachDaemonServesTheInheritedSocketAndLeavesItForTheNext() throws Exception {
    Path python = python3();
    Files.createDirectories(paths.runtimeDir());
    Files.setPosixFilePermissions(paths.runtimeDir(), PosixFilePermissions.fromString("rwx------"));
    Path report = home.resolve("activations");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            python.toString(),
            script().toString(),
            paths.socket().toString(),
            "2",
            report.toString()));
    command.addAll(daemonCommand());
    Process activator = start(command);
    Await.until(
        START, "the activator to listen on " + paths.socket(), () -> isSocket(paths.socket()));
    // Listening is not running: as with systemd, the first connection starts the daemon.
    assertThat(activator.descendants().count()).isZero();

    long first;
    try (Api api = new Api(paths.socket())) {
      JsonNode health = api.get("/v1/health").json();
      assertThat(health.get("socketActivated").asBoolean()).isTrue();
      first = health.get("pid").asLong();
      assertThat(activator.children().map(ProcessHandle::pid)).containsExactly(first);
      assertThat(api.post("/v1/projects", Map.of("key", "ops", "name", "Ops")).status())
          .isEqualTo(201);
      assertThat(api.post("/v1/shutdown", null).status()).isEqualTo(202);
    }
    assertThat(DaemonProcesses.awaitExit(first, START)).as("first daemon exited").isTrue();
    assertThat(isSocket(paths.socket())).as("the socket file survives its daemon").isTrue();
    assertThat(paths.pidFile()).doesNotExist();

    long second;
    try (Api api = new Api(paths.socket())) {
      JsonNode health = api.get("/v1/health").json();
      second = health.get("pid").asLong();
      assertThat(second).isNotEqualTo(first);
      assertThat(api.get("/v1/projects/ops").status()).isEqualTo(200);
      assertThat(api.post("/v1/shutdown", null).status()).isEqualTo(202);
    }
    assertThat(activator.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(activator.exitValue()).isZero();
    assertThat(Files.readAllLines(report)).containsExactly(first + " 0", second + " 0");
    assertThat(isSocket(paths.socket())).isTrue();

    // Logging goes to stderr (the journal, under systemd) and never to stdout.
    assertThat(Files.readString(home.resolve("stdout"))).isEmpty();
    String stderr = Files.readString(home.resolve("stderr"), StandardCharsets.UTF_8);
    assertThat(stderr)
        .contains("ready (pid " + first + ", socket-activated)")
        .contains("ready (pid " + second + ", socket-activated)")
        .contains("tracker daemon stopping")
        .doesNotContain("stale socket");
    assertThat(stderr.lines().filter(line -> line.contains("tracker daemon stopping"))).hasSize(2);
  }

  @Test
  void withoutAnInheritedSocketTheDaemonRefusesToStart() throws Exception {
    Process daemon = start(daemonCommand());
    assertThat(daemon.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.exitValue()).isEqualTo(1);
    assertThat(Files.readString(home.resolve("stderr")))
        .contains("--socket-activation: standard input is not a socket")
        .contains("StandardInput=socket");
    assertThat(paths.socket()).doesNotExist();
    assertThat(paths.pidFile()).doesNotExist();
  }

  private List<String> daemonCommand() {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m",
                // C1 only and the serial collector: a daemon that serves a few requests starts
                // faster so.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.tracker.daemon.DaemonMain",
                "run",
                "--socket-activation",
                "--socket",
                paths.socket().toString()));
    command.addAll(DaemonExtension.directoryOptions(paths));
    return command;
  }

  /** Output to files (nothing left in pipes); stdin is /dev/null, which the activator replaces. */
  private Process start(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(home.resolve("stdout").toFile())
            .redirectError(home.resolve("stderr").toFile())
            .start();
    started.add(process);
    return process;
  }

  private Path script() throws IOException {
    Path script = home.resolve("activate.py");
    try (InputStream in = getClass().getResourceAsStream("/socket-activation/activate.py")) {
      Files.copy(in, script);
    }
    return script;
  }

  private static boolean isSocket(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return (mode & 0170000) == 0140000;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static Path python3() {
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "/usr/bin:/bin" : path + ":/usr/bin").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "python3");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    assumeTrue(
        false,
        "python3 is not installed: the socket-activation test needs it to hand a"
            + " listening socket to the daemon as its stdin");
    throw new IllegalStateException("unreachable");
  }
}

package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.LeakExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The distribution's launcher scripts in child processes: the class-data archive is recorded by a
 * serving daemon, adopted by the next launch, and a damaged or foreign archive never breaks a
 * command. The daemon runs on the JDK that runs these tests.
 */
@ExtendWith(LeakExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  /** The archive {@link #adoptedArchive()} recorded first, kept until the class ends. */
  private static Path adoptedOnce;

  private Path home;
  private Path cache;
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void home() throws IOException {
    home = Files.createTempDirectory(Path.of("/tmp"), "trk-launch-");
    cache = home.resolve("cache");
    Files.createDirectories(home.resolve("run"));
    Files.setPosixFilePermissions(
        home.resolve("run"), PosixFilePermissions.fromString("rwx------"));
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
      process.waitFor(10, TimeUnit.SECONDS);
    }
    deleteTree(home);
  }

  @Test
  void versionPrintsOnStderrAndNothingOnStdout() throws Exception {
    Run run = run("tracker-daemon", Map.of(), "--version");
    assertThat(run.exit()).isZero();
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).startsWith("tracker-daemon ");
    assertThat(archives()).as("--version records no archive").isEmpty();
    assertThat(cache.resolve("tracker/jvm")).isDirectory();
    try (Stream<Path> files = Files.list(cache.resolve("tracker/jvm"))) {
      assertThat(files).as("nor starts a recording").isEmpty();
    }
  }

  // First, so that the archive it records is the one adoptedArchive() hands the later tests.
  @Order(1)
  @Test
  void aServingDaemonRecordsTheArchiveAndTheNextLaunchAdoptsIt() throws Exception {
    serveOnce();
    try (Stream<Path> files = Files.list(cache.resolve("tracker/jvm"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("daemon-") && name.endsWith(".recording"));
    }

    assertThat(run("tracker-daemon", Map.of(), "--version").exit()).isZero();

    Path archive = onlyArchive();
    assertThat(Files.readString(Path.of(archive + ".size")).strip())
        .isEqualTo(String.valueOf(Files.size(archive)));
    try (Stream<Path> files = Files.list(cache.resolve("tracker/jvm"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".recording"));
    }
    keepAdopted(archive);
    // And a daemon started with it serves.
    serveOnce();
  }

  @Test
  void adoptingAnArchiveRemovesTheOnesItReplacedAndKeepsOtherVersions() throws Exception {
    serveOnce();
    String recording;
    try (Stream<Path> files = Files.list(cache.resolve("tracker/jvm"))) {
      recording =
          files
              .map(p -> p.getFileName().toString())
              .filter(name -> name.endsWith(".recording"))
              .findFirst()
              .orElseThrow();
    }
    String prefix = recording.substring(0, recording.lastIndexOf('-') + 1);
    Path replaced = plantArchive(prefix + "1");
    Path otherVersion = plantArchive("daemon-0.0.1-java17-1");

    assertThat(run("tracker-daemon", Map.of(), "--version").exit()).isZero();

    assertThat(archives())
        .as("the adopted archive and the other version's")
        .hasSize(2)
        .contains(otherVersion)
        .anyMatch(p -> p.getFileName().toString().startsWith(prefix) && !p.equals(replaced));
    assertThat(replaced).as("an archive for jars that were replaced").doesNotExist();
    assertThat(Path.of(replaced + ".size")).doesNotExist();
    assertThat(otherVersion).as("another version's archive").exists();
    assertThat(Path.of(otherVersion + ".size")).exists();
  }

  private Path plantArchive(String name) throws IOException {
    Path archive = cache.resolve("tracker/jvm").resolve(name);
    Files.write(archive, new byte[] {1, 2, 3});
    Files.writeString(Path.of(archive + ".size"), "3\n");
    return archive;
  }

  @Test
  void aDaemonThatLostTheStartRaceLeavesNoArchiveToKeep() throws Exception {
    // The first daemon serves without recording; the second records, finds the lock taken and
    // exits 0 at once, having loaded a fraction of the daemon's classes.
    Process first = start("tracker-daemon", Map.of("TRACKER_NO_ARCHIVE", "1"), daemonArgs());
    try {
      awaitHealthy(first);
      Run loser = run("tracker-daemon", Map.of(), daemonArgs());
      assertThat(loser.exit()).isZero();
      assertThat(loser.stderr()).contains("already running");
      try (Stream<Path> files = Files.list(cache.resolve("tracker/jvm"))) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .anyMatch(name -> name.endsWith(".recording"));
      }

      run("tracker-daemon", Map.of(), "--version");

      assertThat(archives()).as("nothing adopted").isEmpty();
      try (Stream<Path> files = Files.list(cache.resolve("tracker/jvm"))) {
        assertThat(files).as("the recording is dropped, to be made again").isEmpty();
      }
    } finally {
      stop(first);
    }
  }

  @Test
  void aRecordingLockStillWithoutItsPidIsLeftToItsMakerAndOnlyAnAbandonedOneIsCleared()
      throws Exception {
    Path archive = adoptedArchive();
    Files.delete(archive);
    Files.deleteIfExists(Path.of(archive + ".size"));
    // Another launcher has just made the lock and not yet written its pid into it: removing it
    // now made that launcher fail writing the pid (many CLIs starting at once hit this).
    Path lock = Files.createDirectory(Path.of(archive + ".recording"));

    Run fresh = run("tracker-daemon", Map.of(), "--version");

    assertThat(fresh.exit()).as(fresh.stderr()).isZero();
    assertThat(lock).as("a lock made an instant ago is left to its maker").isDirectory();

    Files.setLastModifiedTime(
        lock, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 120_000));
    Run later = run("tracker-daemon", Map.of(), "--version");

    assertThat(later.exit()).as(later.stderr()).isZero();
    assertThat(lock).as("a lock without a pid for a minute was abandoned").doesNotExist();
  }

  @Test
  void aTruncatedArchiveIsRemovedInsteadOfCrashingTheJvm() throws Exception {
    Path archive = adoptedArchive();
    byte[] half = new byte[(int) (Files.size(archive) / 2)];
    archive.toFile().setWritable(true);
    Files.write(archive, half);

    Run run = run("tracker-daemon", Map.of(), "--version");

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stderr()).startsWith("tracker-daemon ").doesNotContain("SIGBUS");
    assertThat(archive).doesNotExist();
    assertThat(Path.of(archive + ".size")).doesNotExist();
  }

  @Test
  void aForeignFileOfTheRightSizeIsIgnoredByTheJvm() throws Exception {
    Path archive = adoptedArchive();
    byte[] garbage = new byte[(int) Files.size(archive)];
    java.util.Arrays.fill(garbage, (byte) 0x5a);
    archive.toFile().setWritable(true);
    Files.write(archive, garbage);

    Run run = run("tracker-daemon", Map.of(), "--version");

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr().strip()).startsWith("tracker-daemon ");
  }

  @Test
  void noArchiveMeansNoneIsRecordedOrUsed() throws Exception {
    serveOnce(Map.of("TRACKER_NO_ARCHIVE", "1"));
    assertThat(cache.resolve("tracker/jvm")).doesNotExist();
  }

  @Test
  void aJavaOlderThan17IsRefusedByName() throws Exception {
    Path oldJava = home.resolve("old-jdk");
    Files.createDirectories(oldJava.resolve("bin"));
    Files.writeString(oldJava.resolve("release"), "JAVA_VERSION=\"11.0.22\"\n");
    Path java = oldJava.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\necho should not run\nexit 3\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

    Run run = run("tracker", Map.of("TRACKER_JAVA", java.toString()), "version");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("tracker needs Java 17 or later").contains("11.0.22");
  }

  /**
   * An archive a serving daemon recorded and the next launch adopted, in this test's cache. The
   * first call records one; later calls copy it (modes kept), for tests that only need an adopted
   * archive to damage or remove: each recording costs a daemon start and a dump of some 10,000
   * classes, several seconds of CPU.
   */
  private Path adoptedArchive() throws Exception {
    if (adoptedOnce == null) {
      serveOnce();
      run("tracker-daemon", Map.of(), "--version");
      Path archive = onlyArchive();
      keepAdopted(archive);
      return archive;
    }
    Path dir = Files.createDirectories(cache.resolve("tracker/jvm"));
    copyArchive(adoptedOnce, dir);
    return onlyArchive();
  }

  private static void keepAdopted(Path archive) throws IOException {
    if (adoptedOnce == null) {
      Path kept = Files.createTempDirectory(Path.of("/tmp"), "trk-launch-adopted-");
      copyArchive(archive, kept);
      adoptedOnce = kept.resolve(archive.getFileName());
    }
  }

  private static void copyArchive(Path archive, Path toDir) throws IOException {
    for (Path file : List.of(archive, Path.of(archive + ".size"))) {
      Files.copy(file, toDir.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  @AfterAll
  static void dropAdoptedArchive() throws IOException {
    if (adoptedOnce != null) {
      deleteTree(adoptedOnce.getParent());
      adoptedOnce = null;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Starts {@code bin/tracker-daemon run}, waits until it answers, stops it, waits for exit. */
  private void serveOnce() throws Exception {
    serveOnce(Map.of());
  }

  private void serveOnce(Map<String, String> extra) throws Exception {
    Process daemon = start("tracker-daemon", extra, daemonArgs());
    awaitHealthy(daemon);
    stop(daemon);
  }

  private void awaitHealthy(Process daemon) throws Exception {
    Api.awaitHealthy(
        daemon,
        home.resolve("run/tracker/daemon.sock"),
        LIMIT,
        () -> {
          try {
            return read(errFile(daemon));
          } catch (IOException e) {
            return "(its stderr could not be read: " + e + ")";
          }
        });
  }

  private void stop(Process daemon) throws Exception {
    Path socket = home.resolve("run/tracker/daemon.sock");
    try (Api api = new Api(socket)) {
      assertThat(api.post("/v1/shutdown", null).status()).isEqualTo(202);
    }
    assertThat(daemon.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.exitValue()).isZero();
  }

  private String[] daemonArgs() {
    return new String[] {
      "run",
      "--no-sync",
      "--runtime-dir",
      home.resolve("run/tracker").toString(),
      "--data-dir",
      home.resolve("data").toString(),
      "--state-dir",
      home.resolve("state").toString(),
      "--config-dir",
      home.resolve("config").toString()
    };
  }

  private Path onlyArchive() throws IOException {
    List<Path> archives = archives();
    assertThat(archives).hasSize(1);
    return archives.get(0);
  }

  private List<Path> archives() throws IOException {
    Path dir = cache.resolve("tracker/jvm");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".size"))
          .toList();
    }
  }

  private record Run(int exit, String stdout, String stderr) {}

  private Run run(String program, Map<String, String> extra, String... args) throws Exception {
    Process process = start(program, extra, args);
    assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(), read(home.resolve("out-" + process.pid())), read(errFile(process)));
  }

  private Process start(String program, Map<String, String> extra, String... args)
      throws IOException {
    Path bin = distribution().resolve("bin").resolve(program);
    List<String> command = new ArrayList<>();
    command.add(bin.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.clear();
    Map<String, String> base = new HashMap<>();
    base.put("PATH", System.getenv("PATH"));
    base.put("HOME", home.toString());
    base.put("XDG_CACHE_HOME", cache.toString());
    base.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
    base.put("XDG_DATA_HOME", home.resolve("data").toString());
    base.put("XDG_STATE_HOME", home.resolve("state").toString());
    base.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    base.put("TRACKER_NO_AUTOSTART", "1");
    base.put("TRACKER_JAVA", ProcessHandle.current().info().command().orElse("java"));
    base.putAll(extra);
    env.putAll(base);
    Files.createDirectories(cache);
    Path out = Files.createTempFile(home, "stdout-", ".txt");
    Path err = Files.createTempFile(home, "stderr-", ".txt");
    Process process =
        builder
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    Files.move(out, home.resolve("out-" + process.pid()));
    Files.move(err, home.resolve("err-" + process.pid()));
    started.add(process);
    return process;
  }

  private Path errFile(Process process) {
    return home.resolve("err-" + process.pid());
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  static Path distribution() {
    Path dist = Path.of(System.getProperty("tracker.dist", "../dist/target/tracker"));
    assertThat(dist.resolve("bin/tracker-daemon"))
        .as("the packaged distribution (./mvnw package builds it before this module)")
        .isExecutable();
    return dist;
  }
}

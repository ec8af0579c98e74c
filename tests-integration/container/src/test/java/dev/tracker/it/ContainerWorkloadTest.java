package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Ulimit;
import dev.tracker.it.harness.NoLeakCheck;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The packaged distribution in a small Linux container: {@code nofile=1024}, 256 MiB of memory and
 * no network. The daemon is started there with {@code bin/tracker-daemon run}, then {@code
 * bin/tracker} runs a workload of 2,004 commands (create, update, comment, list, close and sync, in
 * cycles of six) against it. Every command must succeed, the container must not have met the OOM
 * killer, the daemon must hold exactly the descriptors it held before the workload, and its RSS
 * must grow by less than 20 MB over the last 1,000 commands.
 *
 * <p>The image is {@code TRACKER_IT_IMAGE} (default {@code eclipse-temurin:17-jre}); it needs java
 * 17 or newer, {@code sh} and coreutils. Without Docker the test is skipped, with the reason
 * printed; with {@code TRACKER_REQUIRE_DOCKER=1} it fails instead.
 */
@Tag("container")
@NoLeakCheck(
    "The daemon under test runs in the container, where this test checks its descriptors and RSS"
        + " itself. In this JVM, Testcontainers' Docker client keeps a varying number of pooled"
        + " connections to the Docker socket for the JVM's life, which the leak check would blame"
        + " on this test.")
class ContainerWorkloadTest {
  static final String DEFAULT_IMAGE = "eclipse-temurin:17-jre";
  private static final long MEMORY_BYTES = 256L * 1024 * 1024;
  private static final long NOFILE = 1024;
  private static final String TRACKER_HOME = "/opt/tracker";
  private static final String SCRIPT = "/opt/it/workload.sh";

  /** Commands run in cycles of six; 334 cycles are 2,004 commands, in four batches. */
  private static final int COMMANDS_PER_CYCLE = 6;

  private static final int[][] BATCHES = {{1, 84}, {85, 167}, {168, 251}, {252, 334}};

  /**
   * Concurrent shells running the cycles, as users at two terminals would: the daemon serves
   * overlapping connections, and the workload takes half the wall time on two cores.
   */
  private static final int WORKERS = 2;

  private static final long RSS_GROWTH_LIMIT_KB = 20 * 1024;

  private static final Pattern PROBE = Pattern.compile("fds=(\\d+) rss_kb=(\\d+)");
  private static final Pattern SUMMARY =
      Pattern.compile("commands=(\\d+) failed=(\\d+) millis=(\\d+)");

  @BeforeAll
  static void requireDocker() {
    boolean available;
    String why;
    try {
      available = DockerClientFactory.instance().isDockerAvailable();
      why = available ? "" : "no Docker environment was found";
    } catch (RuntimeException | LinkageError e) {
      available = false;
      why = "no usable Docker environment: " + e;
    }
    if (available) {
      return;
    }
    String message =
        "ContainerWorkloadTest skipped: "
            + why
            + " (set TRACKER_REQUIRE_DOCKER=1 to fail instead of skipping)";
    if ("1".equals(System.getenv("TRACKER_REQUIRE_DOCKER"))) {
      Assertions.fail("TRACKER_REQUIRE_DOCKER=1, but " + why);
    }
    System.err.println("[container] " + message);
    Assumptions.abort(message);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void aCliWorkloadInASmallContainerLeavesTheDaemonAsItFoundIt() throws Exception {
    Path dist = distribution();
    String image = System.getenv().getOrDefault("TRACKER_IT_IMAGE", DEFAULT_IMAGE);
    String script = resource("/container/workload.sh");

    try (GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(image))
            .withCopyToContainer(Transferable.of(script, 0755), SCRIPT)
            .withCommand("sleep", "infinity")
            .withNetworkMode("none")
            .withCreateContainerCmdModifier(
                create ->
                    create
                        .getHostConfig()
                        .withMemory(MEMORY_BYTES)
                        .withMemorySwap(MEMORY_BYTES)
                        .withUlimits(List.of(new Ulimit("nofile", NOFILE, NOFILE))))
            .withStartupTimeout(Duration.ofMinutes(2))) {
      container.start();
      long started = System.nanoTime();
      copyDistribution(container, dist);

      String pid = run(container, "start").trim();
      assertThat(pid).as("the daemon's pid").matches("\\d+");

      // One cycle first: what the daemon opens once, on first use, is not a leak.
      Batch warmUp = cycles(container, 0, 0, 1);
      assertThat(warmUp.failures()).as("warm-up failures").isEmpty();
      Probe before = probe(container, pid);

      List<Batch> batches = new ArrayList<>();
      List<Probe> probes = new ArrayList<>();
      for (int[] range : BATCHES) {
        Batch batch = cycles(container, range[0], range[1], WORKERS);
        batches.add(batch);
        probes.add(probe(container, pid));
      }
      Probe after = settledProbe(container, pid, before.fds());
      Map<String, String> memory = keyValues(run(container, "memory"));
      InspectContainerResponse.ContainerState state =
          container
              .getDockerClient()
              .inspectContainerCmd(container.getContainerId())
              .exec()
              .getState();

      int commands = batches.stream().mapToInt(Batch::commands).sum();
      long workloadMillis = batches.stream().mapToLong(Batch::millis).sum();
      // RSS after command 1,002 (batch 2) and after the last one (batch 4).
      long rssGrowthKb = probes.get(3).rssKb() - probes.get(1).rssKb();
      String summary =
          String.format(
              "container workload: image %s, %d commands in %.1f s (%.0f ms each);"
                  + " daemon fds before %d, after %d (gained %s, lost %s); daemon RSS after each batch %s MB,"
                  + " growth over the last %d commands %+.1f MB; container memory peak %s MB"
                  + " of %s MB, oom_kill %s, nofile %s; whole test %.1f s",
              image,
              commands,
              workloadMillis / 1000.0,
              (double) workloadMillis / commands,
              before.fds(),
              after.fds(),
              minus(after.targets(), before.targets()),
              minus(before.targets(), after.targets()),
              probes.stream().map(p -> String.format("%.1f", p.rssKb() / 1024.0)).toList(),
              batches.get(2).commands() + batches.get(3).commands(),
              rssGrowthKb / 1024.0,
              megabytes(memory.get("peak_bytes")),
              megabytes(memory.get("limit_bytes")),
              memory.get("oom_kill"),
              memory.get("nofile"),
              (System.nanoTime() - started) / 1e9);
      System.out.println("[container] " + summary);
      writeFigures(summary);

      List<String> failures = new ArrayList<>();
      batches.forEach(b -> failures.addAll(b.failures()));
      assertThat(failures).as("failed commands").isEmpty();
      assertThat(commands).as("commands run").isGreaterThanOrEqualTo(2_000);
      assertThat(state.getOOMKilled()).as("container OOM-killed").isFalse();
      assertThat(state.getRunning()).as("container still running").isTrue();
      if (memory.get("oom_kill") != null && !memory.get("oom_kill").isBlank()) {
        assertThat(memory.get("oom_kill")).as("OOM kills in the container's cgroup").isEqualTo("0");
      }
      assertThat(memory.get("nofile")).as("nofile limit inside").isEqualTo(String.valueOf(NOFILE));
      List<String> gained = minus(after.targets(), before.targets());
      List<String> lost = minus(before.targets(), after.targets());
      assertThat(after.fds())
          .as(
              "daemon descriptors after the workload (before: %d; gained %s, lost %s)",
              before.fds(), gained, lost)
          .isEqualTo(before.fds());
      assertThat(rssGrowthKb)
          .as("daemon RSS growth over the last 1,000 commands, KiB")
          .isLessThan(RSS_GROWTH_LIMIT_KB);
    }
  }

  /** The distribution directory: system property {@code tracker.dist}, else the dist module's. */
  static Path distribution() {
    String property = System.getProperty("tracker.dist");
    Path dist =
        property != null && !property.isBlank()
            ? Path.of(property)
            : Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../../dist/target/tracker")
                .normalize();
    assertThat(dist.resolve("bin/tracker-daemon"))
        .as("the packaged distribution (build it with ./mvnw -B package)")
        .isRegularFile();
    return dist.toAbsolutePath();
  }

  /**
   * Copies the distribution to {@value #TRACKER_HOME}, file modes kept, streaming a tar file from
   * disk. Testcontainers' own copy builds the whole archive in a byte array first: 40 MB of jars,
   * and over 100 MB of this JVM's heap while the array grows and is copied.
   */
  private static void copyDistribution(GenericContainer<?> container, Path dist)
      throws IOException {
    Path target =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("target");
    Files.createDirectories(target);
    Path tar = Files.createTempFile(target, "container-dist-", ".tar");
    try {
      try (OutputStream file = Files.newOutputStream(tar);
          TarArchiveOutputStream out = new TarArchiveOutputStream(new BufferedOutputStream(file))) {
        out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dist)) {
          paths = walk.sorted().toList();
        }
        for (Path path : paths) {
          String name = TRACKER_HOME.substring(1) + "/" + dist.relativize(path);
          TarArchiveEntry entry = new TarArchiveEntry(path.toFile(), name);
          entry.setMode(
              (Files.isDirectory(path) ? 040000 : 0100000)
                  | (Files.isExecutable(path) || Files.isDirectory(path) ? 0755 : 0644));
          out.putArchiveEntry(entry);
          if (Files.isRegularFile(path)) {
            Files.copy(path, out);
          }
          out.closeArchiveEntry();
        }
      }
      try (InputStream in = new BufferedInputStream(Files.newInputStream(tar))) {
        container
            .getDockerClient()
            .copyArchiveToContainerCmd(container.getContainerId())
            .withTarInputStream(in)
            .withRemotePath("/")
            .exec();
      }
    } finally {
      Files.deleteIfExists(tar);
    }
  }

  private record Probe(int fds, long rssKb, List<String> targets) {}

  private record Batch(int commands, long millis, List<String> failures) {}

  private static Batch cycles(GenericContainer<?> container, int first, int last, int workers)
      throws Exception {
    String out =
        run(
            container,
            "cycles",
            String.valueOf(first),
            String.valueOf(last),
            String.valueOf(workers));
    List<String> failures = new ArrayList<>();
    Matcher summary = null;
    for (String line : out.split("\n")) {
      if (line.startsWith("FAIL")) {
        failures.add(line);
      }
      Matcher m = SUMMARY.matcher(line);
      if (m.matches()) {
        summary = m;
      }
    }
    assertThat(summary).as("the workload's summary line in:\n%s", out).isNotNull();
    int commands = Integer.parseInt(summary.group(1));
    assertThat(commands).isEqualTo((last - first + 1) * COMMANDS_PER_CYCLE);
    assertThat(Integer.parseInt(summary.group(2))).isEqualTo(failures.size());
    return new Batch(commands, Long.parseLong(summary.group(3)), failures);
  }

  private static Probe probe(GenericContainer<?> container, String pid) throws Exception {
    List<String> lines = List.of(run(container, "probe", pid).trim().split("\n"));
    Matcher m = PROBE.matcher(lines.get(0));
    assertThat(m.matches()).as("probe output '%s'", lines.get(0)).isTrue();
    return new Probe(
        Integer.parseInt(m.group(1)),
        Long.parseLong(m.group(2)),
        lines.subList(1, lines.size()).stream().sorted().toList());
  }

  /** What {@code a} holds that {@code b} does not, counting duplicates. */
  static List<String> minus(List<String> a, List<String> b) {
    List<String> rest = new ArrayList<>(a);
    b.forEach(rest::remove);
    return rest;
  }

  /**
   * The daemon closes a connection just after the CLI has its answer, and the sync loop may hold
   * the project's file for a moment: wait up to ten seconds for the count to come back.
   */
  private static Probe settledProbe(GenericContainer<?> container, String pid, int expectedFds)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Probe now = probe(container, pid);
    while (now.fds() != expectedFds && System.nanoTime() < deadline) {
      Thread.sleep(250);
      now = probe(container, pid);
    }
    return now;
  }

  private static String run(GenericContainer<?> container, String... args) throws Exception {
    String[] command = new String[args.length + 2];
    command[0] = "sh";
    command[1] = SCRIPT;
    System.arraycopy(args, 0, command, 2, args.length);
    ExecResult result = container.execInContainer(command);
    if (result.getExitCode() != 0) {
      throw new AssertionError(
          "in the container, '"
              + String.join(" ", command)
              + "' exited with "
              + result.getExitCode()
              + ":\n"
              + result.getStdout()
              + result.getStderr()
              + "\ndaemon output:\n"
              + container.execInContainer("sh", "-c", "tail -n 40 /tmp/it/daemon.out").getStdout());
    }
    return result.getStdout();
  }

  private static Map<String, String> keyValues(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return values;
  }

  private static String megabytes(String bytes) {
    if (bytes == null || !bytes.matches("\\d+")) {
      return "?";
    }
    return String.format("%.1f", Long.parseLong(bytes) / (1024.0 * 1024.0));
  }

  private static String resource(String name) throws IOException {
    try (var in = ContainerWorkloadTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Beside the leak figures, so that {@code .ci/run} can print it. */
  private static void writeFigures(String summary) throws IOException {
    Path target =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("container-figures.txt"), summary + "\n");
  }
}

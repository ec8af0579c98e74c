package dev.tracker.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.Await;
import dev.tracker.it.harness.LeakExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged daemon under {@code ulimit -n 64}: when requests hold its descriptors it answers a
 * clear 503 instead of hanging, crashing or failing with a 500, and it serves again, without a
 * restart, once they let go. It holds about 55 descriptors at rest (32 are its jars), so 64 leaves
 * room for a handful of connections beside the reserve it keeps for itself.
 */
@ExtendWith(LeakExtension.class)
class FileDescriptorExhaustionTest {
  private static final int LIMIT = 64;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern DETAIL =
      Pattern.compile(
          "the daemon has (\\d+) of its "
              + LIMIT
              + " file descriptors open and keeps (\\d+) free.*");

  private Path home;
  private DaemonUnderUlimit daemon;
  private final List<RawSocketHttp> clients = new ArrayList<>();

  @BeforeEach
  void home() throws IOException {
    home = Files.createTempDirectory(Path.of("/tmp"), "trk-fd-");
  }

  @AfterEach
  void cleanUp() throws Exception {
    clients.forEach(RawSocketHttp::close);
    if (daemon != null) {
      daemon.close();
    }
    try (Stream<Path> walk = Files.walk(home)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void shortOfDescriptorsItAnswers503AndServesAgainOnceTheLoadDrops() throws Exception {
    try {
      exhaustAndRecover();
    } catch (AssertionError | RuntimeException e) {
      if (daemon != null) {
        e.addSuppressed(
            new AssertionError(
                "the daemon's descriptors: "
                    + (daemon.isAlive() ? daemon.describeDescriptors() : "(exited)")
                    + "\nits output and log:\n"
                    + daemon.output()));
      }
      throw e;
    }
  }

  private void exhaustAndRecover() throws Exception {
    long started = System.nanoTime();
    // An empty archive cache: the launcher must not try to record there under this limit.
    Path cache = Files.createDirectories(home.resolve("cache"));
    daemon =
        DaemonUnderUlimit.start(
            home, LIMIT, cache, "--no-sync", "--connection-idle-timeout", "20s");
    daemon.awaitReady(Duration.ofSeconds(90));
    assertThat(daemon.descriptorLimit()).isEqualTo(LIMIT);
    try (Stream<Path> recorded = Files.walk(cache)) {
      assertThat(recorded.map(p -> cache.relativize(p).toString()))
          .as("class-data archives or recordings under ulimit -n 64")
          .allMatch(p -> p.isEmpty() || p.equals("tracker") || p.equals("tracker/jvm"));
    }
    Await.until(Duration.ofSeconds(5), "the health probes' connections to close", this::atRest);
    int resting = daemon.restingDescriptors();

    // Requests that stay inside the daemon, each holding a connection and so a descriptor: a body
    // announced and never sent. One more each time, until the daemon refuses one.
    int busy = 0;
    int closedAtOnce = 0;
    RawSocketHttp.Response refusal = null;
    for (int i = 0; i < LIMIT && refusal == null; i++) {
      RawSocketHttp client = open();
      RawSocketHttp.Response answer =
          client.trySend(RawSocketHttp.halfPost("/v1/projects"))
              ? client.readResponse(Duration.ofMillis(300))
              : null;
      if (answer != null) {
        refusal = answer;
        assertThat(client.awaitClosedByPeer(Duration.ofSeconds(3)))
            .as("the refused connection is closed, giving its descriptor back")
            .isTrue();
      } else if (client.peerClosed()) {
        closedAtOnce++;
      } else {
        busy++;
      }
    }
    assertThat(refusal).as("a 503 before %d busy connections", LIMIT).isNotNull();
    assertThat(refusal.status()).as(refusal.toString()).isEqualTo(503);
    assertThat(busy).as("requests taken in before the first 503").isGreaterThan(1);
    assertThat(refusal.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refusal.header("Retry-After")).isEqualTo("1");
    assertThat(refusal.header("Connection")).isEqualTo("close");
    JsonNode problem = JSON.readTree(refusal.body());
    assertThat(problem.get("code").asString()).isEqualTo("out_of_file_descriptors");
    String detail = problem.get("detail").asString();
    Matcher figures = DETAIL.matcher(detail);
    assertThat(figures.matches()).as(detail).isTrue();
    assertThat(Integer.parseInt(figures.group(1))).isBetween(resting, LIMIT);

    // A burst beyond what the limit can hold: every client gets its 503 or a closed connection,
    // some only after the acceptor's pause on "Too many open files"; none waits forever.
    long burstStart = System.nanoTime();
    List<RawSocketHttp> burst = new ArrayList<>();
    int refused = 0;
    int closed = 0;
    for (int i = 0; i < 12; i++) {
      RawSocketHttp client = open();
      if (client.trySend(RawSocketHttp.get("/v1/health", true))) {
        burst.add(client);
      } else {
        closed++;
      }
    }
    for (RawSocketHttp client : burst) {
      RawSocketHttp.Response answer = client.readResponse(Duration.ofSeconds(10));
      if (answer != null) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(JSON.readTree(answer.body()).get("code").asString())
            .isEqualTo("out_of_file_descriptors");
        refused++;
      } else {
        assertThat(client.peerClosed()).as("no answer and still open after 10 s: a hang").isTrue();
        closed++;
      }
    }
    long burstMillis = (System.nanoTime() - burstStart) / 1_000_000;
    assertThat(refused).as("clear 503s in the burst").isPositive();
    assertThat(daemon.isAlive()).isTrue();

    // The load drops: the clients go, and the daemon serves again without a restart.
    long dropped = System.nanoTime();
    clients.forEach(RawSocketHttp::close);
    clients.clear();
    Await.until(Duration.ofSeconds(10), "a 200 from /v1/health", () -> health() == 200);
    long recoveryMillis = (System.nanoTime() - dropped) / 1_000_000;
    try (Api api = new Api(daemon.socket())) {
      assertThat(api.post("/v1/projects", Map.of("key", "fd", "name", "After the storm")).status())
          .isEqualTo(201);
      assertThat(api.get("/v1/metrics").text())
          .as("no request ended in a 500")
          .doesNotContain("status=\"500\"");
    }
    Await.until(Duration.ofSeconds(10), "the daemon's descriptors back to rest", this::atRest);
    assertThat(daemon.openDescriptors()).isLessThanOrEqualTo(resting + 2);
    assertThat(daemon.log()).as("daemon log").doesNotContain(" ERROR ");

    System.out.printf(
        "[reliability] ulimit -n %d: %d descriptors at rest; with %d connections inside requests"
            + " (%d more closed unanswered) the next got 503 (%s); burst of 12: %d answered 503,"
            + " %d closed unanswered, in %d ms;"
            + " served again %d ms after the load dropped; test %d ms%n",
        LIMIT,
        resting,
        busy,
        closedAtOnce,
        detail,
        refused,
        closed,
        burstMillis,
        recoveryMillis,
        (System.nanoTime() - started) / 1_000_000);
  }

  @Test
  void aLimitLoweredWhileItRunsGets503OnAnOpenConnectionAndServesOnceRaised() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit (util-linux) is not installed");
    daemon =
        DaemonUnderUlimit.start(home, 256, DaemonUnderUlimit.sharedArchiveCache(), "--no-sync");
    daemon.awaitReady(Duration.ofSeconds(90));
    Await.until(Duration.ofSeconds(5), "the health probes' connections to close", this::atRest);
    int resting = daemon.restingDescriptors();
    RawSocketHttp kept = open();
    kept.send(RawSocketHttp.get("/v1/health", false));
    assertThat(kept.readResponse(Duration.ofSeconds(5)).status()).isEqualTo(200);

    // As an administrator might: the soft limit lowered to one more than what is open now.
    int lowered = resting + 2;
    prlimit(lowered + ":256");
    RawSocketHttp.Response refusal = null;
    for (int attempt = 0; attempt < 20 && refusal == null; attempt++) {
      kept.send(RawSocketHttp.get("/v1/health", false));
      RawSocketHttp.Response answer = kept.readResponse(Duration.ofSeconds(5));
      assertThat(answer).as("an answer on the open connection").isNotNull();
      if (answer.status() == 503) {
        refusal = answer;
      } else {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        // The daemon reads its limit at most every 100 ms.
        Thread.sleep(50);
      }
    }
    assertThat(refusal).as("a 503 once the limit is lowered").isNotNull();
    assertThat(JSON.readTree(refusal.body()).get("code").asString())
        .isEqualTo("out_of_file_descriptors");
    assertThat(JSON.readTree(refusal.body()).get("detail").asString())
        .contains("of its " + lowered + " file descriptors open");
    assertThat(refusal.header("Retry-After")).isEqualTo("1");
    assertThat(kept.awaitClosedByPeer(Duration.ofSeconds(3)))
        .as("the connection closed, which gives a descriptor back")
        .isTrue();

    prlimit("256:256");
    Await.until(Duration.ofSeconds(10), "a 200 once the limit is back", () -> health() == 200);
    assertThat(daemon.isAlive()).isTrue();
    System.out.printf(
        "[reliability] limit lowered to %d while running (%d at rest): %s%n",
        lowered, resting, JSON.readTree(refusal.body()).get("detail").asString());
  }

  private void prlimit(String nofile) throws Exception {
    HostCommand.Result result =
        HostCommand.run(
            "/usr/bin/prlimit", "--pid", Long.toString(daemon.pid()), "--nofile=" + nofile);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(daemon.descriptorLimit()).isEqualTo(Long.parseLong(nofile.split(":")[0]));
  }

  private RawSocketHttp open() {
    RawSocketHttp client = RawSocketHttp.connect(daemon.socket());
    clients.add(client);
    return client;
  }

  private int health() {
    try (Api api = new Api(daemon.socket())) {
      return api.get("/v1/health").status();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** No client connection left in the daemon (its health reports only the asking one). */
  private boolean atRest() {
    try (Api api = new Api(daemon.socket())) {
      return api.get("/v1/health").json().get("activeConnections").asInt() <= 1;
    } catch (RuntimeException e) {
      return false;
    }
  }
}

package dev.tracker.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.CliTest;
import dev.tracker.it.harness.TestDaemon;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Many writers at once: CLI processes creating issues side by side, and HTTP clients updating one
 * issue with {@code If-Match}. Nothing may fail, be lost, or be applied twice.
 */
@CliTest
class ConcurrencyTest {
  private static final int WORKERS = 16;
  private static final int CREATES_PER_WORKER = 50;
  private static final int CLIENTS = 8;
  private static final int LOCKSTEP_ROUNDS = 15;
  private static final int FREE_SUCCESSES_PER_CLIENT = 5;

  /**
   * Sixteen shells, each running fifty {@code tracker create} processes one after another: the CLI
   * creates one issue per process (import keeps the ids its file names, so it proves nothing about
   * id allocation), and sixteen of them are in flight at every moment.
   */
  // Eight hundred JVM starts: about 150 s on two shared cores, so it runs with the soak tests.
  @Tag("soak")
  @Test
  void sixteenClisCreatingFiftyIssuesEachMakeExactlyEightHundred(CliRunner cli, TestDaemon daemon)
      throws Exception {
    String tracker = CliRunner.distribution().resolve("bin/tracker").toString();
    // $0 is the tracker program, $1 the worker's name; a failed create ends the worker, naming it.
    String script =
        "i=0; while [ $i -lt "
            + CREATES_PER_WORKER
            + " ]; do i=$((i + 1));"
            + " \"$0\" create \"$1 issue $i\" -q"
            + " || { rc=$?; echo \"create $i of $1 failed with exit $rc\" >&2; exit $rc; };"
            + " done";
    CliRunner worker = cli.timeout(Duration.ofMinutes(10));
    long started = System.nanoTime();
    List<CliRunner.Launched> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      workers.add(worker.spawn(List.of("sh", "-c", script, tracker, "w" + w)));
    }
    List<String> ids = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (CliRunner.Launched launched : workers) {
      CliResult result = launched.await();
      if (result.exitCode() != 0 || !result.stderr().isEmpty()) {
        failures.add(result.toString());
      }
      ids.addAll(result.stdoutLines());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    int total = WORKERS * CREATES_PER_WORKER;
    System.out.printf(
        "[concurrency] %d workers x %d creates = %d CLI processes in %.1f s (%.0f ms each)%n",
        WORKERS, CREATES_PER_WORKER, total, seconds, seconds * 1000 / total);

    assertThat(failures).as("workers that failed").isEmpty();
    assertThat(ids)
        .hasSize(total)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("me-[0-9a-z]{4,}"));
    List<JsonNode> stored =
        daemon
            .api()
            .get("/v1/projects/me/issues?limit=1000")
            .json()
            .get("items")
            .valueStream()
            .toList();
    assertThat(stored)
        .extracting(issue -> issue.get("id").asString())
        .containsExactlyInAnyOrderElementsOf(ids);
    List<String> expectedTitles =
        IntStream.range(0, WORKERS)
            .boxed()
            .flatMap(
                w ->
                    IntStream.rangeClosed(1, CREATES_PER_WORKER)
                        .mapToObj(i -> "w" + w + " issue " + i))
            .toList();
    assertThat(stored)
        .extracting(issue -> issue.get("title").asString())
        .containsExactlyInAnyOrderElementsOf(expectedTitles);
  }

  /**
   * Eight clients do read-modify-write on one issue's description, each appending its own token,
   * with the version they read as {@code If-Match}. First in lockstep (all read the same version,
   * then all write: exactly one wins each round, seven get 412), then freely interleaved. At the
   * end the versions of the successful writes follow one another without a gap or a repeat, and the
   * description holds every winner's token once, in version order: no update was lost.
   */
  @Test
  void eightClientsUpdatingOneIssueWithIfMatchLoseNothing(TestDaemon daemon) throws Exception {
    Api api = daemon.api();
    assertThat(api.post("/v1/projects", Map.of("key", "cc", "name", "Concurrency")).status())
        .isEqualTo(201);
    JsonNode created = api.post("/v1/projects/cc/issues", Map.of("title", "Contended")).json();
    String path = "/v1/projects/cc/issues/" + created.get("id").asString();
    long initial = created.get("version").asLong();

    CyclicBarrier barrier = new CyclicBarrier(CLIENTS);
    ClientThreads<List<Attempt>> lockstep =
        ClientThreads.start(
            "ifmatch-lockstep", CLIENTS, n -> () -> lockstep(daemon, path, n, barrier));
    List<Attempt> lockstepAttempts =
        lockstep.await(Duration.ofSeconds(60)).stream().flatMap(List::stream).toList();
    ClientThreads<List<Attempt>> free =
        ClientThreads.start("ifmatch-free", CLIENTS, n -> () -> freely(daemon, path, n));
    List<Attempt> freeAttempts =
        free.await(Duration.ofSeconds(60)).stream().flatMap(List::stream).toList();

    for (int round = 0; round < LOCKSTEP_ROUNDS; round++) {
      int r = round;
      List<Attempt> inRound = lockstepAttempts.stream().filter(a -> a.round() == r).toList();
      assertThat(inRound).as("round %d", r).hasSize(CLIENTS);
      assertThat(inRound)
          .extracting(Attempt::readVersion)
          .as("versions read in round %d", r)
          .containsOnly(initial + r);
      assertThat(inRound)
          .extracting(Attempt::status)
          .as("statuses in round %d", r)
          .containsOnlyOnce(200)
          .containsOnly(200, 412);
    }
    List<Attempt> all = new ArrayList<>(lockstepAttempts);
    all.addAll(freeAttempts);
    assertThat(all).extracting(Attempt::status).as("every answer").containsOnly(200, 412);
    List<Attempt> wins =
        all.stream()
            .filter(a -> a.status() == 200)
            .sorted(Comparator.comparingLong(Attempt::readVersion))
            .toList();
    assertThat(wins).hasSize(LOCKSTEP_ROUNDS + CLIENTS * FREE_SUCCESSES_PER_CLIENT);

    JsonNode last = api.get(path).json();
    long finalVersion = last.get("version").asLong();
    assertThat(finalVersion - initial).as("versions gained").isEqualTo(wins.size());
    assertThat(wins)
        .extracting(Attempt::readVersion)
        .as("the version each win replaced")
        .containsExactlyElementsOf(versions(initial, finalVersion));
    assertThat(wins).allSatisfy(w -> assertThat(w.newVersion()).isEqualTo(w.readVersion() + 1));
    assertThat(last.get("description").asString())
        .isEqualTo(String.join("", wins.stream().map(w -> w.token() + "\n").toList()));
    long conflicts = all.size() - wins.size();
    System.out.printf(
        "[concurrency] If-Match: %d updates won, %d got 412 (%d of them in %d lockstep rounds)%n",
        wins.size(), conflicts, LOCKSTEP_ROUNDS * (CLIENTS - 1), LOCKSTEP_ROUNDS);
  }

  private static List<Long> versions(long fromInclusive, long toExclusive) {
    return LongStream.range(fromInclusive, toExclusive).boxed().toList();
  }

  /** One PATCH: the version it was based on, its status, and for a win the version it made. */
  private record Attempt(int round, String token, long readVersion, int status, long newVersion) {}

  private static List<Attempt> lockstep(
      TestDaemon daemon, String path, int client, CyclicBarrier barrier) throws Exception {
    List<Attempt> attempts = new ArrayList<>();
    try (Api api = new Api(daemon.paths().socket())) {
      for (int round = 0; round < LOCKSTEP_ROUNDS; round++) {
        barrier.await(30, TimeUnit.SECONDS); // the previous round's writes are all answered
        JsonNode issue = api.get(path).json();
        barrier.await(30, TimeUnit.SECONDS); // everyone has read the same version
        attempts.add(append(api, path, issue, round, "L" + round + "c" + client));
      }
    }
    return attempts;
  }

  private static List<Attempt> freely(TestDaemon daemon, String path, int client) {
    List<Attempt> attempts = new ArrayList<>();
    int wins = 0;
    try (Api api = new Api(daemon.paths().socket())) {
      // Bounded: with eight clients a client wins about one attempt in eight.
      for (int attempt = 0; wins < FREE_SUCCESSES_PER_CLIENT && attempt < 2_000; attempt++) {
        Attempt result = append(api, path, api.get(path).json(), -1, "F" + client + "n" + wins);
        attempts.add(result);
        if (result.status() == 200) {
          wins++;
        }
      }
    }
    return attempts;
  }

  private static Attempt append(Api api, String path, JsonNode issue, int round, String token) {
    long version = issue.get("version").asLong();
    JsonNode description = issue.get("description");
    String text = description == null || description.isNull() ? "" : description.asString();
    Api.Reply reply =
        api.patch(
            path,
            Map.of("description", text + token + "\n"),
            Map.of("If-Match", "\"" + version + "\""));
    long newVersion = reply.status() == 200 ? reply.json().get("version").asLong() : -1;
    return new Attempt(round, token, version, reply.status(), newVersion);
  }
}

package dev.tracker.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonTest;
import dev.tracker.it.harness.TestDaemon;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand random and mutated requests, sent as raw bytes to the daemon's Unix socket, starting
 * from correct requests to the routes of docs/api.md against a seeded store.
 *
 * <p>The first phase sends only requests that must be refused (or that only read): the store's
 * snapshot must be the same after them as before. The second mixes correct requests with mutations
 * whose fate is not known in advance: the store must then hold exactly what the accepted (2xx)
 * answers say was created and deleted. Throughout, no answer may be a 5xx, show internals, be
 * something other than HTTP, or be missing past five seconds, and the daemon answers its health
 * route every 250 requests.
 *
 * <p>The generator is seeded; the seed is printed and can be given back with {@code
 * -Dtracker.fuzz.seed=N} (and the count with {@code -Dtracker.fuzz.requests=N}).
 */
@DaemonTest
class HostileInputFuzzTest {
  private static final int DEFAULT_REQUESTS = 10_000;
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration TIME_LIMIT = Duration.ofSeconds(120);
  private static final int HEALTH_EVERY = 250;

  private final List<String> failures = new ArrayList<>();
  private long deadline;
  private int healthChecks;

  @Test
  void hostileRequestsNeverGetA5xxAndRefusedOnesChangeNothing(TestDaemon daemon)
      throws IOException {
    long seed = Long.getLong("tracker.fuzz.seed", new SplittableRandom().nextLong());
    int total = Integer.getInteger("tracker.fuzz.requests", DEFAULT_REQUESTS);
    System.out.println("[fuzz] seed " + seed + " (rerun with -Dtracker.fuzz.seed=" + seed + ")");
    Api api = daemon.api();
    TrackedStore store = TrackedStore.seed(api);
    FuzzRandom random = new FuzzRandom(seed);
    ValidCalls calls = new ValidCalls(random, store);
    FuzzTally refusedTally = new FuzzTally();
    FuzzTally mixedTally = new FuzzTally();
    long start = System.nanoTime();
    deadline = start + TIME_LIMIT.toNanos();
    int connections;
    int retries;
    try (RawUnixHttp http = new RawUnixHttp(daemon.paths().socket(), ANSWER_TIMEOUT)) {
      StoreSnapshot before = StoreSnapshot.take(api);
      RejectedRequests refused = new RejectedRequests(random, calls);
      int refusedCount = total * 6 / 10;
      run(
          http,
          refusedCount,
          () -> {
            random.nextRequest();
            return refused.next();
          },
          refusedTally,
          (request, response) ->
              refusedTally.offend(
                  "a write that had to be refused was accepted",
                  request,
                  response.status() + " " + response.text()));
      StoreSnapshot afterRefused = StoreSnapshot.take(api);
      String difference = before.firstDifference(afterRefused);
      if (difference != null) {
        failures.add("refused requests changed the store: " + difference);
      }
      long acceptedBefore = store.acceptedWrites();
      run(
          http,
          total - refusedCount,
          mixed(random, calls),
          mixedTally,
          (request, response) -> store.accepted(response));
      checkAccounting(
          store, afterRefused, StoreSnapshot.take(api), store.acceptedWrites() - acceptedBefore);
      healthy(http, refusedTally.requests() + mixedTally.requests());
      connections = http.connectionsOpened();
      retries = http.retries();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf(
        "[fuzz] seed %d: %d requests (+%d health checks) over %d connections (%d sent again on a"
            + " new one) in %d ms%n"
            + "[fuzz] phase 1, refused requests only:%n%s"
            + "[fuzz] phase 2, mixed (%d writes accepted):%n%s",
        seed,
        refusedTally.requests() + mixedTally.requests(),
        healthChecks,
        connections,
        retries,
        millis,
        refusedTally.figures(),
        store.acceptedWrites(),
        mixedTally.figures());
    String offences = refusedTally.offencesReport() + mixedTally.offencesReport();
    if (!offences.isEmpty()) {
      failures.add(offences);
    }
    assertThat(failures).as("seed %d", seed).isEmpty();
    assertThat(refusedTally.requests() + mixedTally.requests()).isEqualTo(total);
  }

  private static Supplier<RawRequest> mixed(FuzzRandom random, ValidCalls calls) {
    MixedRequests mixed = new MixedRequests(random, calls);
    return () -> {
      random.nextRequest();
      return mixed.next();
    };
  }

  /**
   * Sends {@code count} requests from {@code next}; {@code onAcceptedWrite} is told of every 2xx
   * answer to a write.
   */
  private void run(
      RawUnixHttp http,
      int count,
      Supplier<RawRequest> next,
      FuzzTally tally,
      BiConsumer<RawRequest, WireResponse> onAcceptedWrite)
      throws IOException {
    for (int i = 0; i < count; i++) {
      if (System.nanoTime() > deadline) {
        failures.add(
            "stopped after "
                + tally.requests()
                + " requests: over "
                + TIME_LIMIT.toSeconds()
                + " s");
        return;
      }
      RawRequest request = next.get();
      long sent = System.nanoTime();
      RawUnixHttp.Outcome outcome = http.send(request);
      tally.record(request, outcome, System.nanoTime() - sent);
      if (request.write()
          && outcome instanceof RawUnixHttp.Outcome.Answered answered
          && answered.response().status() / 100 == 2) {
        onAcceptedWrite.accept(request, answered.response());
      }
      if ((i + 1) % HEALTH_EVERY == 0 && !healthy(http, tally.requests())) {
        return;
      }
    }
  }

  private boolean healthy(RawUnixHttp http, int after) throws IOException {
    healthChecks++;
    RawRequest health =
        RawRequest.whole("health", RequestBytes.line("GET", "/v1/health").bytes(), false, true);
    RawUnixHttp.Outcome outcome = http.send(health);
    if (outcome instanceof RawUnixHttp.Outcome.Answered answered
        && answered.response().status() == 200
        && answered.response().text().contains("\"status\"")) {
      return true;
    }
    failures.add("the daemon failed its health check after " + after + " requests: " + outcome);
    return false;
  }

  /**
   * The store after the mixed phase holds exactly the projects, live issues, tombstones and
   * comments the accepted answers account for, and its change counters moved by no more than the
   * number of accepted writes (a write that changes nothing moves none).
   */
  private void checkAccounting(
      TrackedStore store, StoreSnapshot before, StoreSnapshot after, long acceptedWrites) {
    Set<String> projects = after.exports().keySet();
    if (!projects.equals(store.projects())) {
      failures.add(
          "projects " + projects + ", but the accepted writes account for " + store.projects());
    }
    Set<String> tombstones = new java.util.TreeSet<>();
    for (String project : projects) {
      Set<String> live = after.issues(project, false);
      Set<String> expected = store.liveIssues().getOrDefault(project, Set.of());
      if (!live.equals(expected)) {
        failures.add("live issues of " + project + ": " + difference(expected, live));
      }
      tombstones.addAll(after.issues(project, true));
      after
          .comments(project)
          .forEach(
              (issue, comments) -> {
                if (!comments.equals(store.commentsOf(issue))) {
                  failures.add(
                      "comments of "
                          + issue
                          + ": "
                          + difference(store.commentsOf(issue), comments));
                }
              });
    }
    if (!tombstones.equals(store.tombstones())) {
      failures.add("tombstones: " + difference(store.tombstones(), tombstones));
    }
    long changes = after.changeCounts() - before.changeCounts();
    if (changes > acceptedWrites) {
      failures.add(
          "the change counters moved by "
              + changes
              + ", but only "
              + acceptedWrites
              + " writes were accepted");
    }
  }

  private static String difference(Set<String> expected, Set<String> actual) {
    Set<String> missing = new java.util.TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new java.util.TreeSet<>(actual);
    extra.removeAll(expected);
    return "missing " + missing + ", not accounted for " + extra;
  }
}

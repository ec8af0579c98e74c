package dev.tracker.bench.daemon;

import dev.tracker.bench.Dataset;
import dev.tracker.cli.client.Response;
import dev.tracker.cli.client.SocketHttpClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput, latency and memory of one child daemon (its own JVM, as in production) serving a
 * seeded store of 10,000 issues whose project has a repository root (so the sync loop runs as it
 * would for a real project).
 *
 * <p>For each JVM setting ({@code --config NAME=FLAGS}, repeatable), on the same seeded files:
 *
 * <ol>
 *   <li>Start the daemon, wait until it answers health and its start-up sync has exported.
 *   <li>Memory: {@code --rss-requests} (50,000) {@code GET /v1/projects/bench/issues/{id}} over
 *       random live ids from 8 clients, reading the child's VmRSS from {@code /proc/PID/status}
 *       after every {@code --rss-step} (10,000) completed requests.
 *   <li>Warm-up: {@code --warmup} seconds of each request kind.
 *   <li>{@code --rounds} rounds of {@code --duration} seconds each of the baseline ({@code GET
 *       /v1/health}: the HTTP floor without the store) then the issue read, with every latency
 *       recorded. The report gives the median over rounds.
 *   <li>Stop the daemon ({@code POST /v1/shutdown}) and wait for it to exit.
 * </ol>
 *
 * Every client is a {@link SocketHttpClient} (the CLI's client), one per thread, one kept-alive
 * connection each. Every loop is bounded by time and by a request count.
 */
public final class LoadDriver {
  static final double TARGET_RPS = 5_000;
  static final double TARGET_P99_MS = 5;
  static final double TARGET_RSS_MB = 160;
  static final double TARGET_FLAT_PERCENT = 5;
  private static final long MAX_REQUESTS_PER_PHASE = 5_000_000;
  private static final long CLIENT_SEED = 20_260_302L;

  private final String classpath;
  private final Path work;
  private final int clients;
  private final int warmupSeconds;
  private final int durationSeconds;
  private final int rounds;
  private final int rssRequests;
  private final int rssStep;
  private final boolean gcLog;
  private String[] issuePaths;

  private LoadDriver(Options options) {
    classpath = options.required("daemon-cp");
    work = Path.of(options.text("work", "/tmp"));
    clients = options.integer("clients", 8);
    warmupSeconds = options.integer("warmup", 5);
    durationSeconds = options.integer("duration", 10);
    rounds = options.integer("rounds", 3);
    rssRequests = options.integer("rss-requests", 50_000);
    rssStep = options.integer("rss-step", 10_000);
    gcLog = Boolean.parseBoolean(options.text("gc-log", "true"));
  }

  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    List<String> configs = options.all("config");
    if (configs.isEmpty()) {
      configs = List.of("default=");
    }
    new LoadDriver(options).run(configs);
  }

  private record Config(String name, List<String> flags) {
    static Config parse(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--config NAME=FLAGS, got '" + text + "'");
      }
      return new Config(text.substring(0, eq), Options.flags(text.substring(eq + 1)));
    }
  }

  private record Result(
      Config config,
      double readyMs,
      ChildDaemon.ProcStatus idle,
      List<Long> marks,
      List<ChildDaemon.ProcStatus> samples,
      List<Latencies.Summary> health,
      List<Latencies.Summary> issue,
      ChildDaemon.ProcStatus end,
      long totalRequests) {}

  private void run(List<String> configTexts) throws Exception {
    System.out.println("load average at start: " + Stats.loadAverage());
    DaemonHome home = DaemonHome.create(work, "trk-load-");
    try {
      List<String> ids = Seeded.seed(home);
      issuePaths =
          ids.stream()
              .map(id -> "/v1/projects/" + Dataset.PROJECT + "/issues/" + id)
              .toArray(String[]::new);
      List<Result> results = new ArrayList<>();
      for (String text : configTexts) {
        results.add(measure(Config.parse(text), home));
      }
      report(results);
    } finally {
      home.delete();
    }
  }

  /**
   * Through the launcher, as a user's daemon after its first life: one start that serves the
   * start-up sync and a few reads records the class-data archive at its exit, a second start
   * validates and adopts it; the measured start then maps it.
   */
  private void recordArchive(List<String> flags, DaemonHome home) throws Exception {
    for (int start = 1; start <= 2; start++) {
      ChildDaemon daemon = ChildDaemon.launch(flags, classpath, home);
      try {
        daemon.awaitReady(Duration.ofSeconds(60));
        daemon.awaitFirstExport(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
          daemon.get(issuePaths[i]);
        }
      } finally {
        int status = daemon.stop(Duration.ofSeconds(60));
        if (status != 0) {
          throw new IllegalStateException("the recording daemon exited with " + status);
        }
      }
    }
    System.out.println("class-data archive recorded and adopted by the launcher");
  }

  private Result measure(Config config, DaemonHome home) throws Exception {
    System.out.printf(
        "%n== %s: %s (load %s)%n", config.name(), config.flags(), Stats.loadAverage());
    List<String> flags = new ArrayList<>(config.flags());
    if (gcLog) {
      flags.add("-Xlog:gc:file=" + home.base().resolve("gc-" + config.name() + ".log") + ":uptime");
    }
    // The launcher keys its archive by the JVM flags too: record it with the measured flags.
    if (flags.stream().anyMatch(flag -> flag.startsWith(ChildDaemon.LAUNCHER_FLAG))) {
      recordArchive(flags, home);
    }
    ChildDaemon daemon = ChildDaemon.launch(flags, classpath, home);
    try {
      double readyMs = daemon.awaitReady(Duration.ofSeconds(60)) / 1e6;
      daemon.awaitFirstExport(Duration.ofSeconds(60));
      ChildDaemon.ProcStatus idle = daemon.status();
      System.out.printf(
          "ready in %.0f ms, start-up sync done; RSS %.1f MB, %d threads%n",
          readyMs, idle.rssMb(), idle.threads());

      // Memory: the first rssRequests issue reads of this daemon's life.
      List<Long> marks = new ArrayList<>();
      List<ChildDaemon.ProcStatus> samples = new ArrayList<>();
      Phase memory = new Phase(true, Duration.ofSeconds(300), rssRequests);
      memory.sampler =
          done -> {
            if (done % rssStep == 0) {
              try {
                ChildDaemon.ProcStatus status = daemon.status();
                synchronized (samples) {
                  marks.add(done);
                  samples.add(status);
                }
              } catch (IOException e) {
                throw new IllegalStateException("cannot read the daemon's /proc status", e);
              }
            }
          };
      Latencies.Summary first = memory.run(daemon);
      for (int i = 0; i < marks.size(); i++) {
        ChildDaemon.ProcStatus s = samples.get(i);
        System.out.printf(
            "after %,7d requests: RSS %.1f MB (anon %.1f, file %.1f; HWM %.1f MB), %d threads%n",
            marks.get(i),
            s.rssMb(),
            s.anonKb() / 1024.0,
            s.fileKb() / 1024.0,
            s.hwmKb() / 1024.0,
            s.threads());
      }
      if (config.flags().stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking"))) {
        System.out.println(daemon.nativeMemory());
      }
      System.out.printf(
          "first %,d issue reads: %.0f req/s, p50 %.3f ms, p99 %.3f ms (cold: JIT and heap growing)%n",
          first.requests(), first.perSecond(), first.p50(), first.p99());
      long total = first.requests();

      total +=
          new Phase(false, Duration.ofSeconds(warmupSeconds), MAX_REQUESTS_PER_PHASE)
              .run(daemon)
              .requests();
      total +=
          new Phase(true, Duration.ofSeconds(warmupSeconds), MAX_REQUESTS_PER_PHASE)
              .run(daemon)
              .requests();
      List<Latencies.Summary> health = new ArrayList<>();
      List<Latencies.Summary> issue = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        Latencies.Summary h =
            new Phase(false, Duration.ofSeconds(durationSeconds), MAX_REQUESTS_PER_PHASE)
                .run(daemon);
        Latencies.Summary g =
            new Phase(true, Duration.ofSeconds(durationSeconds), MAX_REQUESTS_PER_PHASE)
                .run(daemon);
        health.add(h);
        issue.add(g);
        total += h.requests() + g.requests();
        System.out.printf(
            "round %d: health %.0f req/s p50 %.3f p99 %.3f p99.9 %.3f | issue %.0f req/s p50 %.3f p99 %.3f p99.9 %.3f ms (load %s)%n",
            round,
            h.perSecond(),
            h.p50(),
            h.p99(),
            h.p999(),
            g.perSecond(),
            g.p50(),
            g.p99(),
            g.p999(),
            Stats.loadAverage());
      }
      ChildDaemon.ProcStatus end = daemon.status();
      System.out.printf(
          "after %,d requests in all: RSS %.1f MB (anon %.1f, file %.1f; HWM %.1f MB), %d threads%n",
          total,
          end.rssMb(),
          end.anonKb() / 1024.0,
          end.fileKb() / 1024.0,
          end.hwmKb() / 1024.0,
          end.threads());
      return new Result(config, readyMs, idle, marks, samples, health, issue, end, total);
    } finally {
      int status = daemon.stop(Duration.ofSeconds(30));
      System.out.printf("daemon stopped, exit status %d%n", status);
    }
  }

  /**
   * {@code clients} threads, each with its own client and connection, sending one kind of request
   * until the duration has passed or the phase's request count is used up.
   */
  private final class Phase {
    private final boolean issues;
    private final Duration duration;
    private final long maxRequests;
    java.util.function.LongConsumer sampler;

    Phase(boolean issues, Duration duration, long maxRequests) {
      this.issues = issues;
      this.duration = duration;
      this.maxRequests = maxRequests;
    }

    Latencies.Summary run(ChildDaemon daemon) throws InterruptedException {
      AtomicLong tickets = new AtomicLong();
      AtomicLong done = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      List<Latencies> latencies = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      CountDownLatch connected = new CountDownLatch(clients);
      CountDownLatch go = new CountDownLatch(1);
      long[] window = new long[2];
      for (int c = 0; c < clients; c++) {
        Latencies mine = new Latencies();
        latencies.add(mine);
        SplittableRandom random = new SplittableRandom(CLIENT_SEED + c);
        Thread thread =
            new Thread(
                () -> {
                  try (SocketHttpClient client = daemon.client()) {
                    // One request first, so that every connection exists before the clock runs.
                    client.send("GET", "/v1/health", null, null);
                    connected.countDown();
                    go.await();
                    long end = window[0] + duration.toNanos();
                    while (System.nanoTime() - end < 0
                        && tickets.incrementAndGet() <= maxRequests) {
                      String path =
                          issues ? issuePaths[random.nextInt(issuePaths.length)] : "/v1/health";
                      long start = System.nanoTime();
                      Response response = client.send("GET", path, null, null);
                      mine.add(System.nanoTime() - start);
                      if (response.status() != 200) {
                        errors.incrementAndGet();
                      }
                      long count = done.incrementAndGet();
                      if (sampler != null) {
                        sampler.accept(count);
                      }
                    }
                  } catch (Throwable e) {
                    failures.add(e);
                    connected.countDown();
                  }
                },
                "client-" + c);
        threads.add(thread);
        thread.start();
      }
      if (!connected.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("clients could not connect within 30 s");
      }
      window[0] = System.nanoTime();
      go.countDown();
      for (Thread thread : threads) {
        thread.join(duration.toMillis() + 60_000);
        if (thread.isAlive()) {
          thread.interrupt();
          throw new IllegalStateException(thread.getName() + " did not finish");
        }
      }
      window[1] = System.nanoTime();
      if (!failures.isEmpty()) {
        IllegalStateException failed =
            new IllegalStateException("a client failed", failures.get(0));
        failures.stream().skip(1).forEach(failed::addSuppressed);
        throw failed;
      }
      if (errors.get() > 0) {
        throw new IllegalStateException(errors.get() + " requests did not answer 200");
      }
      return Latencies.summarize(latencies, window[1] - window[0], errors.get());
    }
  }

  private void report(List<Result> results) {
    System.out.println();
    System.out.printf(
        "Daemon under load: %d clients (own connection each), %d rounds of %d s after %d s warm-up;"
            + " medians over rounds; load average at end %s%n",
        clients, rounds, durationSeconds, warmupSeconds, Stats.loadAverage());
    System.out.printf(
        "%-12s %-28s %9s %8s %8s %8s %8s  %s%n",
        "setting", "request", "req/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "vs target");
    for (Result r : results) {
      Latencies.Summary h = medianOf(r.health());
      Latencies.Summary g = medianOf(r.issue());
      System.out.printf(
          "%-12s %-28s %9.0f %8.3f %8.3f %8.3f %8.1f  %s%n",
          r.config().name(),
          "GET /v1/health (baseline)",
          h.perSecond(),
          h.p50(),
          h.p99(),
          h.p999(),
          h.max(),
          "-");
      System.out.printf(
          "%-12s %-28s %9.0f %8.3f %8.3f %8.3f %8.1f  req/s %.2fx of %.0f, p99 %.2fx of %.0f ms; /baseline: req/s %.2f, p99 %.1fx%n",
          r.config().name(),
          "GET .../issues/{id}",
          g.perSecond(),
          g.p50(),
          g.p99(),
          g.p999(),
          g.max(),
          g.perSecond() / TARGET_RPS,
          TARGET_RPS,
          g.p99() / TARGET_P99_MS,
          TARGET_P99_MS,
          g.perSecond() / h.perSecond(),
          g.p99() / h.p99());
    }
    System.out.println();
    System.out.printf(
        "%-12s %9s %s %9s %9s %8s  %s%n",
        "setting",
        "idle MB",
        " RSS MB after N issue reads (10k ... 50k)        ",
        "max dev",
        "end MB",
        "threads",
        "verdict");
    for (Result r : results) {
      if (r.marks().isEmpty()) {
        continue;
      }
      double base = r.samples().get(0).rssMb();
      double maxDev = 0;
      StringBuilder row = new StringBuilder();
      for (ChildDaemon.ProcStatus s : r.samples()) {
        row.append(String.format("%8.1f", s.rssMb()));
        maxDev = Math.max(maxDev, Math.abs(s.rssMb() - base) / base * 100);
      }
      boolean sizeOk = base <= TARGET_RSS_MB;
      boolean flatOk = maxDev <= TARGET_FLAT_PERCENT;
      System.out.printf(
          "%-12s %9.1f %-50s %8.1f%% %9.1f %8d  10k: %.1f MB %s (%.2fx of %.0f); flat: %s%n",
          r.config().name(),
          r.idle().rssMb(),
          row,
          maxDev,
          r.end().rssMb(),
          r.end().threads(),
          base,
          sizeOk ? "ok" : "MISSED",
          base / TARGET_RSS_MB,
          TARGET_RSS_MB,
          flatOk ? "ok" : "MISSED");
    }
  }

  /** Each figure's median over the rounds. */
  private static Latencies.Summary medianOf(List<Latencies.Summary> rounds) {
    java.util.function.Function<java.util.function.ToDoubleFunction<Latencies.Summary>, Double>
        median = field -> Stats.median(rounds.stream().map(field::applyAsDouble).toList());
    return new Latencies.Summary(
        rounds.stream().mapToLong(Latencies.Summary::requests).sum(),
        rounds.stream().mapToLong(Latencies.Summary::errors).sum(),
        median.apply(Latencies.Summary::perSecond),
        median.apply(Latencies.Summary::p50),
        median.apply(Latencies.Summary::p90),
        median.apply(Latencies.Summary::p99),
        median.apply(Latencies.Summary::p999),
        median.apply(Latencies.Summary::max));
  }
}

package dev.tracker.bench.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Daemon startup: the time from forking {@code java ... DaemonMain run} until a connection to its
 * socket succeeds and {@code GET /v1/health} answers 200 (polled every 5 ms), for several JVM
 * settings, against the same run's baseline: a trivial {@link Hello} program's time from fork to
 * exit on the same class path. The product's launcher is not changed; each setting is only tried.
 *
 * <p>Settings are measured round-robin, one start of each per round, so that a change in the
 * machine's load during the run affects all of them alike. Each setting first gets one unmeasured
 * start (it warms the OS page cache and, for AppCDS, records the archive with {@code
 * -XX:ArchiveClassesAtExit}).
 *
 * <pre>
 * java -cp BENCH_CP dev.tracker.bench.daemon.StartupDriver --daemon-cp CP --hello-cp CP
 *     [--work /tmp] [--starts 10] [--timeout-seconds 60] [--launcher DIST/bin/tracker-daemon]
 * </pre>
 */
public final class StartupDriver {
  static final double TARGET_MS = 1_500;

  private final String daemonClasspath;
  private final String helloClasspath;
  private final Path work;
  private final Duration timeout;
  private DaemonHome seeded;
  private final String launcher;

  private StartupDriver(Options options) {
    daemonClasspath = options.required("daemon-cp");
    helloClasspath = options.required("hello-cp");
    work = Path.of(options.text("work", "/tmp"));
    timeout = Duration.ofSeconds(options.integer("timeout-seconds", 60));
    launcher = options.text("launcher", null);
  }

  /** One way of starting: on the seeded home, or on an empty one each time (a first start). */
  private record Setting(String name, List<String> flags, boolean fresh, String note) {}

  public static void main(String[] args) throws Exception {
    Options options = new Options(args);
    new StartupDriver(options).run(options.integer("starts", 10));
  }

  private void run(int starts) throws Exception {
    System.out.println("load average at start: " + Stats.loadAverage());
    seeded = DaemonHome.create(work, "trk-start-");
    try {
      Seeded.seed(seeded);
      Path archives = seeded.base().resolve("cds");
      Files.createDirectories(archives);
      String c1 = "-XX:TieredStopAtLevel=1";
      List<Setting> settings = new ArrayList<>();
      settings.add(new Setting("default", List.of(), false, "10k issues, synced root"));
      settings.add(new Setting("first-start", List.of(), true, "empty data dir: migrations"));
      settings.add(new Setting("c1", List.of(c1), false, c1));
      settings.add(appCds("appcds", List.of(), archives));
      settings.add(appCds("appcds+c1", List.of(c1), archives));
      if (launcher != null) {
        String script = ChildDaemon.LAUNCHER_FLAG + launcher;
        settings.add(
            new Setting(
                "launcher", List.of(script), false, "bin/tracker-daemon run, its archive mapped"));
        settings.add(
            new Setting(
                "launcher-no-archive",
                List.of(script, "TRACKER_NO_ARCHIVE=1"),
                false,
                "bin/tracker-daemon run, TRACKER_NO_ARCHIVE=1"));
      }

      Map<String, List<Double>> times = new LinkedHashMap<>();
      times.put("hello (baseline)", new ArrayList<>());
      settings.forEach(s -> times.put(s.name(), new ArrayList<>()));

      // Unmeasured: warms the page cache, lets the first start export the file, records archives.
      hello();
      for (Setting setting : settings) {
        start(setting, true);
        if (setting.name().equals("launcher")) {
          // The first start recorded the archive at its exit; this one validates and adopts it.
          start(setting, true);
        }
      }
      for (int round = 1; round <= starts; round++) {
        times.get("hello (baseline)").add(hello());
        for (Setting setting : settings) {
          times.get(setting.name()).add(start(setting, false));
        }
        System.out.printf("round %d/%d done (load %s)%n", round, starts, Stats.loadAverage());
      }
      report(times, settings, starts);
    } finally {
      seeded.delete();
    }
  }

  /** AppCDS: a training start writes the archive at exit; measured starts map it. */
  private static Setting appCds(String name, List<String> flags, Path archives) {
    Path archive = archives.resolve(name.replace('+', '_') + ".jsa");
    List<String> all = new ArrayList<>(flags);
    all.add("-XX:SharedArchiveFile=" + archive);
    return new Setting(name, all, false, String.join(" ", all).replace(archives + "/", ""));
  }

  /** Milliseconds from fork to ready; a warm-up start of an AppCDS setting records its archive. */
  private double start(Setting setting, boolean warmUp) throws Exception {
    List<String> flags = new ArrayList<>(setting.flags());
    String archive = null;
    if (warmUp) {
      for (int i = 0; i < flags.size(); i++) {
        if (flags.get(i).startsWith("-XX:SharedArchiveFile=")) {
          archive = flags.get(i).substring("-XX:SharedArchiveFile=".length());
          flags.set(i, "-XX:ArchiveClassesAtExit=" + archive);
        }
      }
    }
    DaemonHome home = setting.fresh() ? DaemonHome.create(work, "trk-first-") : seeded;
    try {
      ChildDaemon daemon = ChildDaemon.launch(flags, daemonClasspath, home);
      double millis;
      try {
        millis = daemon.awaitReady(timeout) / 1e6;
        if (warmUp && !setting.fresh()) {
          // Let the start's sync (import + export of 10k issues) finish, and touch the routes
          // a CLI uses first, so that an archive recorded now holds their classes too.
          daemon.awaitFirstExport(timeout);
          daemon.get("/v1/status");
          daemon.get("/v1/projects/bench/issues?limit=5");
        }
      } finally {
        int status = daemon.stop(Duration.ofSeconds(30));
        if (status != 0) {
          System.out.printf("%s: daemon exited with status %d%n", setting.name(), status);
        }
      }
      if (archive != null && !Files.exists(Path.of(archive))) {
        throw new IllegalStateException("no CDS archive was written: " + archive);
      }
      if (warmUp) {
        System.out.printf("%-22s warm-up start: %.0f ms%n", setting.name(), millis);
      }
      return millis;
    } finally {
      if (setting.fresh()) {
        home.delete();
      }
    }
  }

  /** Milliseconds from fork to exit of a JVM that prints one line. */
  private double hello() throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                ChildDaemon.javaExecutable(),
                "-cp",
                helloClasspath,
                "dev.tracker.bench.daemon.Hello")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the baseline program did not exit within " + timeout);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("the baseline program exited with " + process.exitValue());
      }
      return (System.nanoTime() - start) / 1e6;
    } finally {
      process.destroyForcibly();
    }
  }

  private static void report(Map<String, List<Double>> times, List<Setting> settings, int starts) {
    double baseline = Stats.median(times.get("hello (baseline)"));
    System.out.println();
    System.out.printf(
        "Daemon ready (socket accepting + GET /v1/health 200) from fork, %d starts each;"
            + " target %.0f ms; load average at end %s%n",
        starts, TARGET_MS, Stats.loadAverage());
    System.out.printf(
        "%-22s %9s %9s %9s %9s %8s %9s  %s%n",
        "setting", "median ms", "p90 ms", "min ms", "max ms", "/target", "/baseline", "flags");
    for (Map.Entry<String, List<Double>> entry : times.entrySet()) {
      List<Double> samples = entry.getValue();
      double median = Stats.median(samples);
      boolean isBaseline = entry.getKey().startsWith("hello");
      String note =
          isBaseline
              ? "java -cp CP Hello: print one line and exit"
              : settings.stream()
                  .filter(s -> s.name().equals(entry.getKey()))
                  .findFirst()
                  .map(Setting::note)
                  .orElse("");
      System.out.printf(
          "%-22s %9.0f %9.0f %9.0f %9.0f %8s %9s  %s%n",
          entry.getKey(),
          median,
          Stats.percentile(samples, 90),
          Stats.percentile(samples, 0),
          Stats.percentile(samples, 100),
          isBaseline ? "-" : String.format("%.2f", median / TARGET_MS),
          String.format("%.1fx", median / baseline),
          note);
    }
    System.out.println();
    System.out.println("raw samples (ms):");
    times.forEach(
        (name, samples) ->
            System.out.printf(
                "  %-22s %s%n",
                name, samples.stream().map(v -> String.format("%.0f", v)).toList()));
  }
}

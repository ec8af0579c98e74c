package dev.tracker.bench.daemon;

import dev.tracker.cli.client.Response;
import dev.tracker.cli.client.SocketHttpClient;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A daemon in its own JVM, as in production: {@code java [flags] -cp CP
 * dev.tracker.daemon.DaemonMain run --runtime-dir ...}. Every child still alive when this JVM exits
 * (a failed run, a signal) is killed by a shutdown hook, so no daemon outlives its driver.
 */
final class ChildDaemon implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  private static final long POLL_MILLIS = 5;
  static final String LAUNCHER_FLAG = "launcher=";
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-children"));
  }

  private final Process process;
  private final DaemonHome home;
  private final long launchedAt;

  private ChildDaemon(Process process, DaemonHome home, long launchedAt) {
    this.process = process;
    this.home = home;
    this.launchedAt = launchedAt;
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Starts a daemon on {@code home}; {@link #launchedAt()} is taken just before the fork. A flag
   * {@code launcher=PATH} starts it as users do, through the distribution's {@code
   * bin/tracker-daemon run} (its JVM settings and class-data archive, the cache under the home);
   * the other flags are then appended through {@code TRACKER_JAVA_OPTS}.
   */
  static ChildDaemon launch(List<String> jvmFlags, String classpath, DaemonHome home)
      throws IOException {
    List<String> jvm = new ArrayList<>();
    java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
    String launcher = null;
    for (String flag : jvmFlags) {
      // NAME=VALUE (not a JVM flag): an environment variable of the child, e.g. MALLOC_ARENA_MAX=2.
      int eq = flag.indexOf('=');
      if (flag.startsWith(LAUNCHER_FLAG)) {
        launcher = flag.substring(LAUNCHER_FLAG.length());
      } else if (!flag.startsWith("-") && eq > 0) {
        environment.put(flag.substring(0, eq), flag.substring(eq + 1));
      } else {
        jvm.add(flag);
      }
    }
    List<String> command = new ArrayList<>();
    if (launcher == null) {
      command.add(javaExecutable());
      command.addAll(jvm);
      command.add("-cp");
      command.add(classpath);
      command.add("dev.tracker.daemon.DaemonMain");
    } else {
      command.add(launcher);
      environment.put("TRACKER_JAVA", javaExecutable());
      environment.put("TRACKER_JAVA_OPTS", String.join(" ", jvm));
      environment.put("XDG_CACHE_HOME", home.base().resolve("cache").toString());
    }
    command.addAll(home.daemonArgs());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.console().toFile()));
    // The flags name every directory; no TRACKER_* variable of the caller may move the socket.
    builder.environment().keySet().removeIf(name -> name.startsWith("TRACKER_"));
    builder.environment().putAll(environment);
    long launchedAt = System.nanoTime();
    Process process = builder.start();
    LIVE.add(process);
    return new ChildDaemon(process, home, launchedAt);
  }

  long pid() {
    return process.pid();
  }

  long launchedAt() {
    return launchedAt;
  }

  DaemonHome home() {
    return home;
  }

  UnixDomainSocketAddress address() {
    return UnixDomainSocketAddress.of(home.socket());
  }

  SocketHttpClient client() {
    return new SocketHttpClient(address(), CONNECT_TIMEOUT, READ_TIMEOUT);
  }

  /**
   * Polls every 5 ms until a connection to the socket succeeds and {@code GET /v1/health} answers
   * 200; returns the nanoseconds from {@link #launchedAt()} to that answer.
   */
  long awaitReady(Duration timeout) throws InterruptedException {
    long deadline = launchedAt + timeout.toNanos();
    while (true) {
      if (Files.exists(home.socket())) {
        try (SocketHttpClient client = client()) {
          Response health = client.send("GET", "/v1/health", null, null);
          long now = System.nanoTime();
          if (health.status() == 200) {
            return now - launchedAt;
          }
        } catch (IOException notYet) {
          // Bound but not accepting yet, or a stale socket: poll again.
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the daemon exited with status "
                + process.exitValue()
                + " before it was ready; see "
                + home.console());
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("the daemon was not ready within " + timeout);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** {@code GET path} on a fresh connection; the body as text, or an exception unless 200. */
  String get(String path) throws IOException {
    try (SocketHttpClient client = client()) {
      Response response = client.send("GET", path, null, null);
      if (response.status() != 200) {
        throw new IOException("GET " + path + " answered " + response.status());
      }
      return new String(response.body(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Waits (bounded) until the sync loop has exported the project once since this daemon started.
   */
  void awaitFirstExport(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!get("/v1/status").contains("\"lastExport\"")) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("no sync export within " + timeout);
      }
      Thread.sleep(50);
    }
  }

  /** VmRSS, VmHWM and thread count of the child, from {@code /proc/<pid>/status}. */
  ProcStatus status() throws IOException {
    long rss = -1;
    long hwm = -1;
    long anon = -1;
    long file = -1;
    int threads = -1;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = kilobytes(line);
      } else if (line.startsWith("VmHWM:")) {
        hwm = kilobytes(line);
      } else if (line.startsWith("RssAnon:")) {
        anon = kilobytes(line);
      } else if (line.startsWith("RssFile:")) {
        file = kilobytes(line);
      } else if (line.startsWith("Threads:")) {
        threads = Integer.parseInt(line.substring("Threads:".length()).trim());
      }
    }
    return new ProcStatus(rss, hwm, anon, file, threads);
  }

  /**
   * Resident memory in kB: all, peak, anonymous (heap, stacks, malloc) and file-backed (jars, CDS).
   */
  record ProcStatus(long rssKb, long hwmKb, long anonKb, long fileKb, int threads) {
    double rssMb() {
      return rssKb / 1024.0;
    }
  }

  /**
   * {@code jcmd PID VM.native_memory summary} of the child, when it runs with {@code
   * -XX:NativeMemoryTracking}; bounded to 60 s.
   */
  String nativeMemory() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "VM.native_memory", "summary")
            .redirectErrorStream(true)
            .start();
    try {
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        return "jcmd did not finish";
      }
      return new String(output, StandardCharsets.UTF_8);
    } finally {
      process.destroyForcibly();
    }
  }

  private static long kilobytes(String line) {
    String value = line.substring(line.indexOf(':') + 1).trim();
    return Long.parseLong(value.substring(0, value.indexOf(' ')));
  }

  /**
   * Asks the daemon to stop ({@code POST /v1/shutdown}) and waits for the process to exit; SIGTERM,
   * then SIGKILL, if it does not within {@code timeout}. Returns the exit status.
   */
  int stop(Duration timeout) throws InterruptedException {
    try {
      if (process.isAlive()) {
        try (SocketHttpClient client = client()) {
          client.send("POST", "/v1/shutdown", null, null);
        } catch (IOException e) {
          process.destroy();
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      }
      return process.isAlive() ? -1 : process.exitValue();
    } finally {
      if (!process.isAlive()) {
        LIVE.remove(process);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(30));
  }
}

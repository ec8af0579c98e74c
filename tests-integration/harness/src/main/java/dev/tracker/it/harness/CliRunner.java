package dev.tracker.it.harness;

import dev.tracker.core.paths.RuntimePaths;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the packaged {@code bin/tracker} in child processes, as a user would: in a working
 * directory, with an environment built from scratch (nothing of the developer's own leaks in), with
 * stdin from a file or {@code /dev/null}, and stdout and stderr captured to files (no pipe, so no
 * reader thread and no descriptor to forget). Every run is bounded by a timeout and its process is
 * always reaped. A runner is immutable: {@link #in}, {@link #env} and {@link #stdin} return changed
 * copies that share the test's home and its record of started processes.
 */
public final class CliRunner {
  /** Where the build put the distribution; see tests-integration/pom.xml. */
  public static final String DIST_PROPERTY = "tracker.dist";

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final Session session;
  private final Map<String, String> env;
  private final Path workDir;
  private final String stdin;
  private final Duration timeout;

  CliRunner(Session session, Map<String, String> env, Path workDir) {
    this(session, env, workDir, null, DEFAULT_TIMEOUT);
  }

  private CliRunner(
      Session session, Map<String, String> env, Path workDir, String stdin, Duration timeout) {
    this.session = session;
    this.env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    this.workDir = workDir;
    this.stdin = stdin;
    this.timeout = timeout;
  }

  /**
   * The distribution's root ({@code bin/tracker}, {@code bin/tracker-daemon}, {@code lib/}). A
   * missing one fails the test: an end-to-end suite that skips itself proves nothing.
   */
  public static Path distribution() {
    String property = System.getProperty(DIST_PROPERTY);
    if (property == null || property.isBlank()) {
      throw new AssertionError(
          "the system property "
              + DIST_PROPERTY
              + " does not name the distribution; run the tests through Maven"
              + " (./mvnw -B verify), which builds dist/ first and sets it");
    }
    Path dist = Path.of(property).toAbsolutePath().normalize();
    for (String program : List.of("bin/tracker", "bin/tracker-daemon")) {
      if (!Files.isExecutable(dist.resolve(program))) {
        throw new AssertionError(
            "no executable "
                + program
                + " in the distribution at "
                + dist
                + "; build it with ./mvnw -B package (or install) -DskipTests");
      }
    }
    return dist;
  }

  /** The test's temporary home. */
  public Path home() {
    return session.home;
  }

  /** Where this home's daemon keeps its socket, lock, pid file, log and database. */
  public RuntimePaths paths() {
    return session.paths;
  }

  public Path workDir() {
    return workDir;
  }

  public Map<String, String> environment() {
    return env;
  }

  /** A runner whose commands run in {@code dir}. */
  public CliRunner in(Path dir) {
    return new CliRunner(session, env, dir, stdin, timeout);
  }

  /** A runner with {@code name} set to {@code value} (or removed, for null). */
  public CliRunner env(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(env);
    if (value == null) {
      changed.remove(name);
    } else {
      changed.put(name, value);
    }
    return new CliRunner(session, changed, workDir, stdin, timeout);
  }

  /** A runner whose commands read {@code text} on stdin. */
  public CliRunner stdin(String text) {
    return new CliRunner(session, env, workDir, text, timeout);
  }

  public CliRunner timeout(Duration limit) {
    return new CliRunner(session, env, workDir, stdin, limit);
  }

  /** Runs {@code tracker args...} to its end. */
  public CliResult run(String... args) {
    return start(args).await();
  }

  /** Starts {@code tracker args...} and returns at once. */
  public Launched start(String... args) {
    List<String> command = new ArrayList<>();
    command.add(session.distribution.resolve("bin/tracker").toString());
    command.addAll(List.of(args));
    List<String> shown = new ArrayList<>();
    shown.add("tracker");
    shown.addAll(List.of(args));
    return launch(command, shown);
  }

  /** Runs any program (e.g. {@code git}) with this runner's environment and working directory. */
  public CliResult exec(String... command) {
    return spawn(List.of(command)).await();
  }

  /**
   * Starts any program with this runner's environment and working directory; it is killed after the
   * test if still running.
   */
  public Launched spawn(List<String> command) {
    return launch(command, command);
  }

  private Launched launch(List<String> command, List<String> shown) {
    int n = session.counter.incrementAndGet();
    Path out = session.outputs.resolve(n + ".out");
    Path err = session.outputs.resolve(n + ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      if (stdin == null) {
        builder.redirectInput(new File("/dev/null"));
      } else {
        Path in = session.outputs.resolve(n + ".in");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        builder.redirectInput(in.toFile());
      }
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      Launched launched = new Launched(process, shown, out, err, timeout);
      session.started.add(launched);
      return launched;
    } catch (IOException e) {
      throw new AssertionError("cannot start " + command + ": " + e.getMessage(), e);
    }
  }

  /** A started command. */
  public static final class Launched {
    private final Process process;
    private final List<String> command;
    private final Path out;
    private final Path err;
    private final Duration timeout;

    Launched(Process process, List<String> command, Path out, Path err, Duration timeout) {
      this.process = process;
      this.command = command;
      this.out = out;
      this.err = err;
      this.timeout = timeout;
    }

    public long pid() {
      return process.pid();
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    /** What it printed so far. */
    public String stdoutSoFar() {
      return read(out);
    }

    /** Waits for the end, up to the runner's timeout; a command that hangs is killed and fails. */
    public CliResult await() {
      return await(timeout);
    }

    public CliResult await(Duration limit) {
      try {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
          kill();
          throw new AssertionError(
              String.join(" ", command)
                  + " did not finish within "
                  + limit.toSeconds()
                  + " s; killed it. Output so far:\n--- stdout ---\n"
                  + read(out)
                  + "\n--- stderr ---\n"
                  + read(err));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
        throw new AssertionError("interrupted while waiting for " + command, e);
      }
      return new CliResult(command, process.exitValue(), read(out), read(err));
    }

    /** Sends SIGTERM and waits for the end. */
    public CliResult terminate(Duration limit) {
      process.destroy();
      return await(limit);
    }

    /** Kills the process and whatever it started, and reaps it. */
    void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static String read(Path file) {
      try {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      } catch (IOException e) {
        return "<unreadable: " + e.getMessage() + ">";
      }
    }
  }

  /** What the copies of one test's runner share. */
  static final class Session {
    final Path distribution;
    final Path home;
    final RuntimePaths paths;
    final Path outputs;
    final AtomicInteger counter = new AtomicInteger();
    final List<Launched> started = Collections.synchronizedList(new ArrayList<>());

    Session(Path distribution, Path home, RuntimePaths paths) throws IOException {
      this.distribution = distribution;
      this.home = home;
      this.paths = paths;
      this.outputs = Files.createDirectories(home.resolve("cli-output"));
    }

    /** Kills what is still running; returns how many were. */
    int reap() {
      int alive = 0;
      synchronized (started) {
        for (Launched launched : started) {
          if (launched.isAlive()) {
            alive++;
            launched.kill();
          }
        }
      }
      return alive;
    }
  }
}

package dev.tracker.cli.testing;

import dev.tracker.cli.CliContext;
import dev.tracker.cli.Environment;
import dev.tracker.cli.TrackerMain;
import dev.tracker.cli.daemon.DaemonStarter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in-process with captured stdout and stderr, in a temporary home whose runtime,
 * config, state and data directories are its own. Auto-start is off unless a starter is given.
 */
public final class CliHarness {
  public static final String VERSION = "1.2.0";

  private final Path home;
  private final Map<String, String> variables = new HashMap<>();
  private Path workingDir;
  private boolean tty;
  private String stdin = "";
  private DaemonStarter starter;
  private String version = VERSION;
  private Duration startTimeout = Duration.ofSeconds(3);

  public CliHarness(Path home) {
    this.home = home;
    this.workingDir = home;
    variables.put("TRACKER_RUNTIME_DIR", home.resolve("run").toString());
    variables.put("TRACKER_CONFIG_DIR", home.resolve("config").toString());
    variables.put("TRACKER_STATE_DIR", home.resolve("state").toString());
    variables.put("TRACKER_DATA_DIR", home.resolve("data").toString());
    variables.put("TRACKER_NO_AUTOSTART", "1");
    variables.put("PATH", System.getenv("PATH"));
  }

  /** The record of one run. */
  public record Result(int exit, String out, String err) {}

  public Path home() {
    return home;
  }

  public Path socket() {
    return home.resolve("run").resolve("daemon.sock");
  }

  public Path logFile() {
    return home.resolve("state").resolve("daemon.log");
  }

  public Path configFile() {
    return home.resolve("config").resolve("config.toml");
  }

  public CliHarness env(String name, String value) {
    if (value == null) {
      variables.remove(name);
    } else {
      variables.put(name, value);
    }
    return this;
  }

  public CliHarness in(Path dir) {
    this.workingDir = dir;
    return this;
  }

  public CliHarness terminal(boolean tty) {
    this.tty = tty;
    return this;
  }

  public CliHarness stdin(String text) {
    this.stdin = text;
    return this;
  }

  public CliHarness version(String version) {
    this.version = version;
    return this;
  }

  public CliHarness autoStart(DaemonStarter starter, Duration timeout) {
    this.starter = starter;
    this.startTimeout = timeout;
    variables.remove("TRACKER_NO_AUTOSTART");
    return this;
  }

  public FakeDaemon daemon() throws IOException {
    return FakeDaemon.start(socket(), VERSION);
  }

  public Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Environment env =
        new Environment(
            variables,
            workingDir,
            home,
            null,
            1000,
            tty,
            tty,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    CliContext.Settings settings =
        new CliContext.Settings(starter, startTimeout, Duration.ofSeconds(3), version, 1);
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = TrackerMain.run(args, new CliContext(env, o, e, settings));
    }
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}

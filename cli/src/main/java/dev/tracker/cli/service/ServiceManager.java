package dev.tracker.cli.service;

import dev.tracker.cli.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the service manager's tool ({@code systemctl}, {@code launchctl}) the way a CLI must run a
 * child: stdin from {@code /dev/null}, so that it never waits for input; its output sent to a file,
 * so that it can never fill a pipe nobody reads; bounded in time, and killed and reaped when it
 * overruns.
 */
public final class ServiceManager {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REAP_WAIT = Duration.ofSeconds(5);

  private final Path tool;
  private final Environment env;
  private final Duration timeout;

  public ServiceManager(Path tool, Environment env) {
    this(tool, env, TIMEOUT);
  }

  ServiceManager(Path tool, Environment env, Duration timeout) {
    this.tool = tool;
    this.env = env;
    this.timeout = timeout;
  }

  /** What one run printed and how it ended; {@code exit} is -1 when it was killed. */
  public record Result(List<String> command, int exit, String output) {
    public boolean ok() {
      return exit == 0;
    }

    /** {@code systemctl --user ... failed (exit 1): <output>}, for messages. */
    public String failure() {
      String shown = String.join(" ", command);
      String text = output.strip();
      return shown
          + (exit < 0
              ? " " + text
              : " failed (exit " + exit + ")" + (text.isEmpty() ? "" : ": " + text));
    }
  }

  public Result run(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(tool.toString());
    command.addAll(args);
    List<String> shown = new ArrayList<>();
    shown.add(tool.getFileName().toString());
    shown.addAll(args);
    Path output = null;
    Process process = null;
    try {
      output = Files.createTempFile("tracker-service-", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(output.toFile())
              .redirectErrorStream(true);
      builder.environment().clear();
      builder.environment().putAll(env.variables());
      process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(REAP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return new Result(
            shown, -1, "did not finish within " + timeout.toSeconds() + " s and was killed");
      }
      return new Result(
          shown, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(shown, 127, "cannot run " + tool + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (process != null) {
        process.destroyForcibly();
      }
      return new Result(shown, -1, "was interrupted");
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // A temporary file of a few bytes; the system's temporary directory is cleaned anyway.
        }
      }
    }
  }
}

package dev.tracker.it.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A system command (mount, chown, prlimit) run to its end for a test. */
final class HostCommand {
  private HostCommand() {}

  record Result(int exitCode, String output) {}

  /** Runs a command to its end (at most 30 s), output to a file: no pipe, no reader thread. */
  static Result run(String... command) throws IOException, InterruptedException {
    File output = File.createTempFile("trk-cmd-", ".out");
    try {
      Process process =
          new ProcessBuilder(new ArrayList<>(List.of(command)))
              .redirectInput(new File("/dev/null"))
              .redirectErrorStream(true)
              .redirectOutput(output)
              .start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(String.join(" ", command) + " did not finish within 30 s");
      }
      return new Result(
          process.exitValue(), Files.readString(output.toPath(), StandardCharsets.UTF_8).strip());
    } finally {
      Files.deleteIfExists(output.toPath());
    }
  }
}

package dev.tracker.it.harness;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonObject;
import java.util.List;

/**
 * What one run of {@code bin/tracker} (or another program) did: its exit code and everything it
 * wrote. {@link #toString()} shows all of it, so that an assertion's message tells what the command
 * said.
 */
public record CliResult(List<String> command, int exitCode, String stdout, String stderr) {

  /** Stdout parsed as one JSON document: fails when anything else is on stdout. */
  public Object json() {
    try {
      return Json.parse(stdout);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "stdout is not one JSON document (" + e.getMessage() + "):\n" + this);
    }
  }

  public JsonObject object() {
    if (json() instanceof JsonObject object) {
      return object;
    }
    throw new AssertionError("stdout is not a JSON object:\n" + this);
  }

  public List<JsonObject> objects() {
    if (json() instanceof List<?> list) {
      return JsonObject.objectsOf(list, "stdout");
    }
    throw new AssertionError("stdout is not a JSON array:\n" + this);
  }

  public List<String> stdoutLines() {
    return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
  }

  public List<String> stderrLines() {
    return stderr.isEmpty() ? List.of() : List.of(stderr.split("\n"));
  }

  @Override
  public String toString() {
    return "$ "
        + String.join(" ", command)
        + "\nexit "
        + exitCode
        + "\n--- stdout ---\n"
        + stdout
        + "\n--- stderr ---\n"
        + stderr;
  }
}

package dev.tracker.cli.commands;

import picocli.CommandLine.Option;

/** {@code --json}: the command prints one JSON document on stdout and nothing else. */
public final class JsonOption {
  @Option(
      names = "--json",
      description = "Print the result as JSON on stdout (shapes: docs/cli.md).")
  boolean enabled;

  public boolean enabled() {
    return enabled;
  }
}

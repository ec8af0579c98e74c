package dev.tracker.cli.commands;

import picocli.CommandLine.Option;

/** {@code -v} for diagnostics on stderr (each request and its time), {@code -q} for silence. */
public final class Verbosity {
  @Option(
      names = {"-v", "--verbose"},
      description = "Show diagnostics on stderr, such as each request to the daemon.")
  boolean[] verbose = new boolean[0];

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only results: no confirmations, warnings or progress.")
  boolean quiet;

  /** -1 quiet, 0 normal, 1 or more verbose. */
  public int level() {
    return quiet ? -1 : verbose.length;
  }
}

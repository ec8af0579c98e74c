package dev.tracker.cli.commands;

import picocli.CommandLine.Option;

/** {@code -h/--help} on every command (the root adds {@code --version} as well). */
public final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean requested;
}

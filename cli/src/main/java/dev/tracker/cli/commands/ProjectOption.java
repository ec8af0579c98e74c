package dev.tracker.cli.commands;

import picocli.CommandLine.Option;

/** {@code --project KEY}: act on this project instead of the one the directory resolves to. */
public final class ProjectOption {
  @Option(
      names = "--project",
      paramLabel = "KEY",
      description =
          "Project to act on (default: TRACKER_PROJECT, else the nearest .tracker/project.toml,"
              + " else your personal project).")
  String key;

  public String key() {
    return key;
  }
}

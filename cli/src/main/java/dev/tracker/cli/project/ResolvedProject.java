package dev.tracker.cli.project;

import java.nio.file.Path;

/**
 * The project a command acts on and how it was chosen.
 *
 * @param root the repository directory holding {@code .tracker/} (source REPOSITORY), else null
 */
public record ResolvedProject(String key, Source source, Path root) {

  /** How the project was chosen, in order of precedence. */
  public enum Source {
    FLAG("--project"),
    ENVIRONMENT("TRACKER_PROJECT"),
    REPOSITORY(".tracker/project.toml"),
    PERSONAL("personal project");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}

package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.config.ConfigFile;
import dev.tracker.cli.config.ConfigKey;
import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.project.ProjectFile;
import dev.tracker.cli.project.ResolvedProject;

/**
 * Registers a project the daemon does not know yet: the personal project on first use, or a
 * repository's project in a fresh clone (its {@code .tracker/project.toml} names it).
 */
final class ProjectRegistration implements Api.MissingProject {
  private final ResolvedProject project;
  private final ConfigFile config;
  private final Output out;

  ProjectRegistration(ResolvedProject project, ConfigFile config, Output out) {
    this.project = project;
    this.config = config;
    this.out = out;
  }

  @Override
  public String key() {
    return project.key();
  }

  @Override
  public void register(Api api) {
    JsonObject body = new JsonObject().with("key", project.key());
    if (project.root() != null) {
      ProjectFile file = ProjectFile.read(ProjectFile.location(project.root()));
      body.with("name", file.name()).with("root", project.root().toString());
    } else {
      body.with("name", config.effective(ConfigKey.PERSONAL_NAME));
    }
    try {
      api.post("/v1/projects", body);
    } catch (CliException e) {
      if (!"already_exists".equals(e.code())) {
        throw e;
      }
      // Another CLI registered it a moment ago: what this one wanted.
    }
    out.debug(
        "registered project "
            + project.key()
            + (project.root() != null ? " for " + project.root() : " (personal)"));
  }
}

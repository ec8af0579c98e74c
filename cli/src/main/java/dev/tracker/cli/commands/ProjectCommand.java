package dev.tracker.cli.commands;

import dev.tracker.cli.config.ConfigKey;
import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.project.ProjectResolver;
import dev.tracker.cli.project.ResolvedProject;

/** A command that acts on one project, chosen by {@link ProjectResolver}. */
public abstract class ProjectCommand extends BaseCommand {
  private ResolvedProject project;

  @Override
  CommandModel sharedOptions(CommandModel model) {
    return super.sharedOptions(model).projectOption();
  }

  protected ResolvedProject project() {
    if (project == null) {
      String personal = context.config().effective(ConfigKey.PERSONAL_KEY);
      project = ProjectResolver.resolve(args.string("--project"), context.env(), personal);
    }
    return project;
  }

  /** The project's key, for request paths. */
  protected String key() {
    return project().key();
  }

  /**
   * The API, set up to register the project on first use when it comes from a repository's project
   * file (a fresh clone) or is the personal project.
   */
  protected Api api(Output out) {
    Api api = context.api(out);
    ResolvedProject resolved = project();
    if (resolved.source() == ResolvedProject.Source.REPOSITORY
        || resolved.source() == ResolvedProject.Source.PERSONAL) {
      api.onMissingProject(new ProjectRegistration(resolved, context.config(), out));
    }
    return api;
  }
}

package dev.tracker.cli.project;

import dev.tracker.cli.CliException;
import dev.tracker.cli.Environment;
import dev.tracker.cli.project.ResolvedProject.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Picks the project: {@code --project}, else {@code TRACKER_PROJECT}, else the nearest {@code
 * .tracker/project.toml} walking up from the working directory, else the personal project.
 */
public final class ProjectResolver {
  public static final String PROJECT_ENV = "TRACKER_PROJECT";

  private ProjectResolver() {}

  public static ResolvedProject resolve(String flag, Environment env, String personalKey) {
    if (flag != null) {
      return new ResolvedProject(checked(flag, "--project"), Source.FLAG, null);
    }
    String fromEnv = env.get(PROJECT_ENV);
    if (fromEnv != null) {
      return new ResolvedProject(checked(fromEnv, PROJECT_ENV), Source.ENVIRONMENT, null);
    }
    Path root = findRoot(env.workingDir());
    if (root != null) {
      ProjectFile file = ProjectFile.read(ProjectFile.location(root));
      return new ResolvedProject(file.key().toLowerCase(Locale.ROOT), Source.REPOSITORY, root);
    }
    return new ResolvedProject(personalKey, Source.PERSONAL, null);
  }

  /** The nearest directory at or above {@code start} holding {@code .tracker/project.toml}. */
  public static Path findRoot(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(ProjectFile.location(dir))) {
        return dir;
      }
    }
    return null;
  }

  private static String checked(String key, String where) {
    String value = key.trim().toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      throw CliException.usage(where + " is empty", "give a project key such as 'trk'");
    }
    return value;
  }
}

package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.project.GitRepository;
import dev.tracker.cli.project.ProjectFile;
import dev.tracker.core.error.ExitCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

final class InitCommand extends BaseCommand {
  private static final int DERIVED_KEY_MAX = 8;

  @Override
  void declare(CommandModel model) {
    model
        .named(
            "init",
            "Set up a project in a directory.",
            "Set up a project in a directory: write .tracker/project.toml, register the project"
                + " with the daemon and, in a git repository, hand .tracker/issues.jsonl to"
                + " tracker's merge driver (.gitattributes and the repository's git config).",
            "Running it again is harmless.")
        .optionalParameter(
            Path.class,
            "DIR",
            "Directory to set up (default: the git repository's root, else the current one).")
        .option(
            "KEY",
            "Project key, the prefix of issue ids (default: from the directory's name).",
            "--key")
        .option("NAME", "Display name (default: DIR's name).", "--name")
        .flag("Leave .gitattributes and the git config alone.", "--no-git");
  }

  @Override
  protected int execute(Output out) throws IOException {
    Path working = context.env().workingDir();
    Path dir = args.path("DIR");
    String name = args.string("--name");
    Path root = dir != null ? working.resolve(dir).normalize() : defaultRoot(working);
    if (!Files.isDirectory(root)) {
      throw CliException.usage("no such directory: " + root, null);
    }
    Path file = ProjectFile.location(root);
    ProjectFile existing = Files.exists(file) ? ProjectFile.read(file) : null;
    String projectKey = chooseKey(existing, root);
    String projectName =
        existing != null
            ? existing.name()
            : name != null
                ? name.trim()
                : root.getFileName() == null ? projectKey : root.getFileName().toString();

    Api api = context.api(out);
    JsonObject project = register(api, projectKey, projectName, root);
    boolean wroteFile = false;
    if (existing == null) {
      new ProjectFile(projectKey, projectName).write(root);
      wroteFile = true;
    }
    boolean inGit = !args.flag("--no-git") && GitRepository.findRoot(root) != null;
    boolean attributes = inGit && GitRepository.addMergeAttribute(root);
    String driverProblem = inGit ? GitRepository.configureMergeDriver(root, context.env()) : null;
    if (driverProblem != null) {
      out.warn(
          "could not configure the merge driver ("
              + driverProblem
              + "); see docs/sync.md, 'The git merge driver'");
    }

    if (out.json()) {
      out.printJson(
          new JsonObject()
              .with("project", project)
              .with("root", root.toString())
              .with("projectFile", file.toString())
              .with("projectFileWritten", wroteFile)
              .with("git", inGit)
              .with("gitattributesChanged", attributes)
              .with("mergeDriverConfigured", inGit && driverProblem == null));
      return ExitCode.OK;
    }
    out.info(
        (existing == null ? "Initialized" : "Already initialized:")
            + " project "
            + projectKey
            + " ("
            + projectName
            + ") in "
            + root);
    if (attributes) {
      out.info("Added '" + GitRepository.ATTRIBUTE_LINE + "' to .gitattributes; commit it.");
    }
    if (existing == null) {
      out.info("Next: tracker create \"first issue\"");
    }
    return ExitCode.OK;
  }

  private static Path defaultRoot(Path working) {
    Path git = GitRepository.findRoot(working);
    return git != null ? git : working;
  }

  private String chooseKey(ProjectFile existing, Path root) {
    String key = args.string("--key");
    if (existing != null) {
      if (key != null && !key.trim().equalsIgnoreCase(existing.key())) {
        throw CliException.usage(
            root + " is already initialized with key '" + existing.key() + "'",
            "drop --key, or edit " + ProjectFile.location(root) + " first");
      }
      return existing.key().toLowerCase(Locale.ROOT);
    }
    String wanted = key != null ? key : derivedKey(root);
    try {
      return Validation.projectKey(wanted);
    } catch (TrackerException e) {
      throw CliException.usage(
          "--key: " + e.getMessage().replaceFirst("^key: ", "") + " (got '" + wanted + "')",
          "pick a key of 2 to 16 lower-case letters and digits, such as --key trk");
    }
  }

  private static String derivedKey(Path root) {
    String name =
        root.getFileName() == null ? "" : root.getFileName().toString().toLowerCase(Locale.ROOT);
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < name.length() && key.length() < DERIVED_KEY_MAX; i++) {
      char c = name.charAt(i);
      boolean letter = c >= 'a' && c <= 'z';
      boolean digit = c >= '0' && c <= '9';
      if (letter || (digit && key.length() > 0)) {
        key.append(c);
      }
    }
    if (key.length() < 2) {
      throw CliException.usage(
          "cannot make a project key from the directory name '" + name + "'",
          "give one with --key, such as --key trk");
    }
    return key.toString();
  }

  private static JsonObject register(Api api, String key, String name, Path root) {
    JsonObject body =
        new JsonObject().with("key", key).with("name", name).with("root", root.toString());
    try {
      return api.post("/v1/projects", body).object();
    } catch (CliException e) {
      if (!"already_exists".equals(e.code())) {
        throw e;
      }
    }
    JsonObject known;
    try {
      known = api.getObject("/v1/projects/" + dev.tracker.cli.daemon.UrlPaths.encode(key));
    } catch (CliException e) {
      throw new CliException(
          ExitCode.CONFLICT,
          "already_exists",
          root + " is already registered under another key",
          "'tracker projects' shows which; keep that key with --key",
          null);
    }
    if (!root.toString().equals(known.string("root"))) {
      throw new CliException(
          ExitCode.CONFLICT,
          "already_exists",
          "the key '"
              + key
              + "' is taken by "
              + (known.string("root") == null ? "a personal project" : known.string("root")),
          "choose another key with --key",
          null);
    }
    return known;
  }
}

package dev.tracker.cli.commands;

import dev.tracker.cli.CliContext;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top-level commands by name. A run builds only the command it was asked for (building every
 * model would cost each run the start-up time of all of them); help, completion and a mistyped name
 * get the whole tree.
 */
public final class Commands {
  /** In the order {@code tracker --help} lists them. */
  public static final String[] NAMES = {
    "init",
    "create",
    "list",
    "show",
    "update",
    "edit",
    "close",
    "reopen",
    "delete",
    "comment",
    "comments",
    "label",
    "dep",
    "ready",
    "blocked",
    "search",
    "stats",
    "history",
    "sync",
    "export",
    "import",
    "backup",
    "projects",
    "daemon",
    "config",
    "completion",
    "doctor",
    "version",
  };

  private Commands() {}

  /** The named command's model for this run, or null for a name that is not a command. */
  public static CommandSpec spec(String name, CliContext context) {
    switch (name) {
      case "init":
        return new InitCommand().spec(context);
      case "doctor":
        return new DoctorCommand().spec(context);
      case "create":
        return new CreateCommand().spec(context);
      case "list":
        return new ListCommand().spec(context);
      case "show":
        return new ShowCommand().spec(context);
      case "update":
        return new UpdateCommand().spec(context);
      case "edit":
        return new EditCommand().spec(context);
      case "close":
        return new CloseCommand().spec(context);
      case "reopen":
        return new ReopenCommand().spec(context);
      case "delete":
        return new DeleteCommand().spec(context);
      case "comment":
        return new CommentCommand().spec(context);
      case "comments":
        return new CommentsCommand().spec(context);
      case "label":
        return new LabelCommand().spec(context);
      case "dep":
        return new DepCommand().spec(context);
      case "ready":
        return new ReadyCommand().spec(context);
      case "blocked":
        return new BlockedCommand().spec(context);
      case "search":
        return new SearchCommand().spec(context);
      case "stats":
        return new StatsCommand().spec(context);
      case "history":
        return new HistoryCommand().spec(context);
      case "sync":
        return new SyncCommand().spec(context);
      case "export":
        return new ExportCommand().spec(context);
      case "import":
        return new ImportCommand().spec(context);
      case "backup":
        return new BackupCommand().spec(context);
      case "projects":
        return new ProjectsCommand().spec(context);
      case "daemon":
        return new DaemonCommand().spec(context);
      case "config":
        return new ConfigCommand().spec(context);
      case "completion":
        return new CompletionCommand().spec(context);
      case "version":
        return new VersionCommand().spec(context);
      default:
        return null;
    }
  }

  /** Whether building only {@code name} would do: false for help and for what needs all names. */
  public static boolean standsAlone(String name) {
    return !name.equals("completion") && !name.equals("help") && List.of(NAMES).contains(name);
  }
}

package dev.tracker.cli.commands;

/**
 * The top-level commands by name. A run builds only the command it was asked for (picocli reads
 * every command class it is given, which would cost each run the start-up time of all of them);
 * help, completion and a mistyped name get the whole tree.
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
    "projects",
    "daemon",
    "config",
    "completion",
    "doctor",
    "version",
  };

  private Commands() {}

  /** A new instance of the named command, or null for a name that is not a command. */
  public static Object create(String name) {
    switch (name) {
      case "init":
        return new InitCommand();
      case "doctor":
        return new DoctorCommand();
      case "create":
        return new CreateCommand();
      case "list":
        return new ListCommand();
      case "show":
        return new ShowCommand();
      case "update":
        return new UpdateCommand();
      case "edit":
        return new EditCommand();
      case "close":
        return new CloseCommand();
      case "reopen":
        return new ReopenCommand();
      case "delete":
        return new DeleteCommand();
      case "comment":
        return new CommentCommand();
      case "comments":
        return new CommentsCommand();
      case "label":
        return new LabelCommand();
      case "dep":
        return new DepCommand();
      case "ready":
        return new ReadyCommand();
      case "blocked":
        return new BlockedCommand();
      case "search":
        return new SearchCommand();
      case "stats":
        return new StatsCommand();
      case "history":
        return new HistoryCommand();
      case "sync":
        return new SyncCommand();
      case "export":
        return new ExportCommand();
      case "import":
        return new ImportCommand();
      case "projects":
        return new ProjectsCommand();
      case "daemon":
        return new DaemonCommand();
      case "config":
        return new ConfigCommand();
      case "completion":
        return new CompletionCommand();
      case "version":
        return new VersionCommand();
      default:
        return null;
    }
  }

  /** Whether building only {@code name} would do: false for help and for what needs all names. */
  public static boolean standsAlone(String name) {
    return !name.equals("completion") && !name.equals("help") && create(name) != null;
  }
}

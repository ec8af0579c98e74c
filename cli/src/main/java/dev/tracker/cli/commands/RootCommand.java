package dev.tracker.cli.commands;

import dev.tracker.core.TrackerVersion;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code tracker} itself; without a command it is a usage error that shows the commands. */
public final class RootCommand implements Runnable {
  private CommandSpec spec;

  private RootCommand() {}

  /** The root's model, without subcommands. */
  public static CommandSpec spec() {
    RootCommand root = new RootCommand();
    root.spec =
        new CommandModel(root)
            .named(
                "tracker", "A local-first issue tracker. Issues live with your code in .tracker/.")
            .standardHelpOptions("tracker " + TrackerVersion.VERSION)
            .spec();
    root.spec
        .usageMessage()
        .footer(
            "",
            "Exit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 conflict, 5 daemon unavailable.",
            "Run 'tracker COMMAND --help' for a command's options; docs/cli.md has them all.");
    return root.spec;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}

package dev.tracker.cli.commands;

import dev.tracker.cli.CliContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command that only groups subcommands ({@code label}, {@code dep}, {@code daemon}, {@code
 * config}); run alone it is a usage error naming them.
 */
public abstract class GroupCommand implements Runnable {
  private final String name;
  private final String description;
  private final BaseCommand[] subcommands;
  private CommandSpec spec;

  /** The subcommands in the order help lists them. */
  GroupCommand(String name, String description, BaseCommand... subcommands) {
    this.name = name;
    this.description = description;
    this.subcommands = subcommands;
  }

  /** The group's model for this run, its subcommands' included. */
  final CommandSpec spec(CliContext context) {
    CommandModel model = new CommandModel(this).helpOption().named(name, description);
    for (BaseCommand subcommand : subcommands) {
      model.subcommand(subcommand.spec(context));
    }
    spec = model.spec();
    return spec;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "'tracker "
            + spec.name()
            + "' needs a subcommand: "
            + String.join(", ", spec.subcommands().keySet()));
  }
}

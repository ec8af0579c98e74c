package dev.tracker.cli.commands;

import dev.tracker.cli.CliContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code label}, {@code dep}, {@code daemon}, {@code
 * config}); run alone it is a usage error naming them.
 */
public abstract class GroupCommand implements Runnable {
  @Mixin HelpOption helpOption = new HelpOption();
  @Spec CommandSpec spec;

  CliContext context;

  void bind(CliContext context) {
    this.context = context;
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

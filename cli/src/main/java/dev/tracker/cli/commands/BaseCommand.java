package dev.tracker.cli.commands;

import dev.tracker.cli.CliContext;
import dev.tracker.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A leaf command: every one takes {@code --json}, {@code -v} and {@code -q}. {@link #spec} builds
 * its model for the run; the work happens in {@link #execute}.
 */
public abstract class BaseCommand implements Callable<Integer> {
  CliContext context;
  Args args;

  /** The command's model for this run; once picocli has parsed the line, {@link #args} reads it. */
  final CommandSpec spec(CliContext context) {
    this.context = context;
    CommandModel model = sharedOptions(new CommandModel(this));
    declare(model);
    args = new Args(model.spec());
    return model.spec();
  }

  /** The options that come before the command's own, in help and completion alike. */
  CommandModel sharedOptions(CommandModel model) {
    return model.helpOption().jsonOption().verbosity();
  }

  /** The command's name, description, options and parameters. */
  abstract void declare(CommandModel model);

  @Override
  public final Integer call() throws Exception {
    int verbosity = args.flag("--quiet") ? -1 : args.count("--verbose");
    Output out = context.output(args.flag("--json"), verbosity);
    return execute(out);
  }

  /** Runs the command; returns the exit code, or throws a CliException for a failure. */
  protected abstract int execute(Output out) throws Exception;
}

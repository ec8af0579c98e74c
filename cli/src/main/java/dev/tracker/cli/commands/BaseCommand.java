package dev.tracker.cli.commands;

import dev.tracker.cli.CliContext;
import dev.tracker.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A leaf command: every one takes {@code --json}, {@code -v} and {@code -q}. Constructors stay
 * empty because picocli builds command objects eagerly; the work happens in {@link #execute}.
 */
public abstract class BaseCommand implements Callable<Integer> {
  @Mixin HelpOption helpOption = new HelpOption();
  @Mixin JsonOption jsonOption = new JsonOption();
  @Mixin Verbosity verbosity = new Verbosity();

  CliContext context;

  void bind(CliContext context) {
    this.context = context;
  }

  @Override
  public final Integer call() throws Exception {
    Output out = context.output(jsonOption.enabled(), verbosity.level());
    return execute(out);
  }

  /** Runs the command; returns the exit code, or throws a CliException for a failure. */
  protected abstract int execute(Output out) throws Exception;
}

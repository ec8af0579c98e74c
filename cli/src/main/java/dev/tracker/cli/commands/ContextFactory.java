package dev.tracker.cli.commands;

import dev.tracker.cli.CliContext;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates what picocli instantiates (nested subcommands, mixins) and hands commands the run. */
public final class ContextFactory implements IFactory {
  private final CliContext context;
  private final IFactory fallback = CommandLine.defaultFactory();

  public ContextFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    K instance = fallback.create(type);
    bind(instance);
    return instance;
  }

  /** Gives a command object the run's context; other objects are left alone. */
  public void bind(Object command) {
    if (command instanceof BaseCommand base) {
      base.bind(context);
    } else if (command instanceof GroupCommand group) {
      group.bind(context);
    }
  }
}

package dev.tracker.cli.commands;

import dev.tracker.core.TrackerVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tracker} itself; without a command it is a usage error that shows the commands. */
@Command(
    name = "tracker",
    mixinStandardHelpOptions = true,
    versionProvider = RootCommand.Version.class,
    description = "A local-first issue tracker. Issues live with your code in .tracker/.",
    footer = {
      "",
      "Exit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 conflict, 5 daemon unavailable.",
      "Run 'tracker COMMAND --help' for a command's options; docs/cli.md has them all."
    })
public final class RootCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }

  /** {@code tracker --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tracker " + TrackerVersion.VERSION};
    }
  }
}

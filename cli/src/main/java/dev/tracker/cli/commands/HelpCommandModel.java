package dev.tracker.cli.commands;

import java.lang.reflect.Field;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code tracker help [COMMAND]}: picocli's own help command, with the model its annotations
 * describe built by hand. Its class stays picocli's because the completion script offers the
 * command names after {@code help} only for that class.
 */
public final class HelpCommandModel {
  private HelpCommandModel() {}

  /** The model of a new help command. */
  public static CommandSpec spec() {
    CommandLine.HelpCommand help = new CommandLine.HelpCommand();
    CommandSpec spec =
        new CommandModel(help)
            .named(
                "help",
                "%nWhen no COMMAND is given, the usage help for the main command is displayed.",
                "If a COMMAND is specified, the help for that command is shown.%n")
            .helpOption("Show usage help for the help command and exit.")
            .spec()
            .helpCommand(true);
    spec.usageMessage()
        .header("Display help information about the specified command.")
        .synopsisHeading("%nUsage: ");
    Topic topic = new Topic(help);
    spec.addPositional(
        PositionalParamSpec.builder()
            .index("0")
            .arity("0..1")
            .type(String.class)
            .paramLabel("COMMAND")
            .description("The COMMAND to display the usage help message for.")
            .getter(topic)
            .setter(topic)
            .build());
    return spec;
  }

  /** The help command's COMMAND, kept where it reads it: its private field. */
  private static final class Topic implements IGetter, ISetter {
    private final CommandLine.HelpCommand help;
    private final Field field;

    Topic(CommandLine.HelpCommand help) {
      this.help = help;
      try {
        field = CommandLine.HelpCommand.class.getDeclaredField("commands");
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("picocli's help command has changed", e);
      }
      field.setAccessible(true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() throws IllegalAccessException {
      return (T) field.get(help);
    }

    @Override
    public <T> T set(T value) throws IllegalAccessException {
      T previous = get();
      field.set(help, value);
      return previous;
    }
  }
}

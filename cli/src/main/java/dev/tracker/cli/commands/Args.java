package dev.tracker.cli.commands;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the parsed command line gave a command: an option's value by any of its names ({@code
 * "--title"}), a parameter's by its label ({@code "ID"}). picocli keeps the values in the model
 * built by {@link CommandModel}; they are read here once it has parsed the line.
 */
final class Args {
  private final CommandSpec spec;

  Args(CommandSpec spec) {
    this.spec = spec;
  }

  /** The value, or null when it was not given and has no default. */
  String string(String name) {
    return (String) value(name);
  }

  /** The value, or null when it was not given and has no default. */
  Integer integer(String name) {
    return (Integer) value(name);
  }

  /** The value as given, not yet resolved against any directory; null when not given. */
  Path path(String name) {
    return (Path) value(name);
  }

  boolean flag(String name) {
    return Boolean.TRUE.equals(value(name));
  }

  /** How many times a repeatable flag was given: 2 for {@code -vv}. */
  int count(String name) {
    boolean[] given = (boolean[]) value(name);
    return given == null ? 0 : given.length;
  }

  /** The values of a repeatable option or of a list of parameters; empty when none were given. */
  @SuppressWarnings("unchecked")
  List<String> strings(String name) {
    List<String> values = (List<String>) value(name);
    return values == null ? List.of() : values;
  }

  /** Whether the option was on the command line, for options whose empty value means something. */
  boolean given(String name) {
    return spec.commandLine().getParseResult().hasMatchedOption(name);
  }

  private Object value(String name) {
    OptionSpec option = spec.optionsMap().get(name);
    if (option != null) {
      return option.getValue();
    }
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      if (parameter.paramLabel().equals(name)) {
        return parameter.getValue();
      }
    }
    throw new IllegalArgumentException(
        spec.qualifiedName() + " has no option or parameter " + name);
  }
}

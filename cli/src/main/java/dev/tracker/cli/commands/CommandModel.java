package dev.tracker.cli.commands;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * Builds a command's picocli model through picocli's programmatic API. Reading annotations instead
 * has the JDK generate a proxy class for each annotation type, and reflection accessors, at every
 * start: tens of milliseconds. Options and parameters get no setter (each would be a class or a
 * lambda to load): picocli keeps their values, which the command reads through {@link Args} once
 * its line is parsed.
 */
final class CommandModel {
  private final CommandSpec spec;
  private int nextIndex;

  /** A model whose command, once parsed, picocli runs as {@code command} ({@code call()/run()}). */
  CommandModel(Object command) {
    spec = CommandSpec.wrapWithoutInspection(command);
  }

  /**
   * Names the command; the description's first line is what its parent's command list shows, and
   * {@code COMMAND --help} shows every line.
   */
  CommandModel named(String name, String... description) {
    spec.name(name);
    spec.usageMessage().description(description);
    return this;
  }

  /** {@code -h/--help}, as every command has it. */
  CommandModel helpOption() {
    return helpOption("Show this help and exit.");
  }

  /** {@code -h/--help} described otherwise, as picocli's own help options are. */
  CommandModel helpOption(String description) {
    return add(flagOption(description, "-h", "--help").usageHelp(true));
  }

  /** The root's {@code -h/--help} and {@code -V/--version}, as picocli's standard ones read. */
  CommandModel standardHelpOptions(String version) {
    spec.version(version);
    helpOption("Show this help message and exit.");
    return add(
        flagOption("Print version information and exit.", "-V", "--version").versionHelp(true));
  }

  /** {@code --json}: the command prints one JSON document on stdout and nothing else. */
  CommandModel jsonOption() {
    return flag("Print the result as JSON on stdout (shapes: docs/cli.md).", "--json");
  }

  /** {@code -v} for diagnostics on stderr (each request and its time), {@code -q} for silence. */
  CommandModel verbosity() {
    // A boolean[] counts the repeats of -v (-vv). picocli's builder would take it for an option
    // with a value; it gets a flag's arity: none, left unspecified as for any flag.
    add(
        OptionSpec.builder("-v", "--verbose")
            .type(boolean[].class)
            .arity(Range.valueOf("0").unspecified(true))
            .initialValue(new boolean[0])
            .description("Show diagnostics on stderr, such as each request to the daemon."));
    return flag("Print only results: no confirmations, warnings or progress.", "-q", "--quiet");
  }

  /** {@code --project KEY}: act on this project instead of the one the directory resolves to. */
  CommandModel projectOption() {
    return option(
        "KEY",
        "Project to act on (default: TRACKER_PROJECT, else the nearest .tracker/project.toml,"
            + " else your personal project).",
        "--project");
  }

  /** An option without a value: true when given. */
  CommandModel flag(String description, String... names) {
    return add(flagOption(description, names));
  }

  /** An option with one value, a string. */
  CommandModel option(String label, String description, String... names) {
    return option(String.class, label, description, names);
  }

  /** An option with one value, converted to {@code type} (an Integer, a Path...). */
  CommandModel option(Class<?> type, String label, String description, String... names) {
    return add(valueOption(type, label, description, names));
  }

  /**
   * An option with one value and a value when it is not given, which {@code ${DEFAULT-VALUE}} in
   * the description shows; its type is {@code type}, primitive or not.
   */
  CommandModel optionWithDefault(
      Class<?> type, Object initial, String label, String description, String... names) {
    return add(valueOption(type, label, description, names).initialValue(initial));
  }

  /** An option that may be repeated, each time with one value. */
  CommandModel repeatable(String label, String description, String... names) {
    return add(listOption(label, description, names));
  }

  /** A repeatable option whose values may also be separated with commas. */
  CommandModel commaSeparated(String label, String description, String... names) {
    return add(listOption(label, description, names).splitRegex(","));
  }

  /** A required parameter: the one after those added before it. */
  CommandModel parameter(String label, String description) {
    return add(
        PositionalParamSpec.builder()
            .index(String.valueOf(nextIndex))
            .required(true)
            .type(String.class)
            .paramLabel(label)
            .description(description));
  }

  /** A parameter that may be left out: the one after those added before it. */
  CommandModel optionalParameter(Class<?> type, String label, String description) {
    return add(
        PositionalParamSpec.builder()
            .index(String.valueOf(nextIndex))
            .arity("0..1")
            .type(type)
            .paramLabel(label)
            .description(description));
  }

  /**
   * All remaining parameters, as a list: {@code arity} says how many there must be at least ({@code
   * "1..*"} or {@code "0..*"}).
   */
  CommandModel parameters(String arity, String label, String description) {
    Range range = Range.valueOf(arity);
    return add(
        PositionalParamSpec.builder()
            .index(nextIndex + "..*")
            .arity(range)
            .required(range.min() > 0)
            .type(List.class)
            .auxiliaryTypes(String.class)
            .paramLabel(label)
            .description(description));
  }

  CommandModel subcommand(CommandSpec subcommand) {
    spec.addSubcommand(subcommand.name(), subcommand);
    return this;
  }

  CommandSpec spec() {
    return spec;
  }

  private static OptionSpec.Builder flagOption(String description, String... names) {
    return OptionSpec.builder(names)
        .type(boolean.class)
        .initialValue(false)
        .description(description);
  }

  private static OptionSpec.Builder valueOption(
      Class<?> type, String label, String description, String... names) {
    return OptionSpec.builder(names).type(type).paramLabel(label).description(description);
  }

  private static OptionSpec.Builder listOption(String label, String description, String... names) {
    return valueOption(List.class, label, description, names).auxiliaryTypes(String.class);
  }

  private CommandModel add(OptionSpec.Builder option) {
    spec.addOption(option.build());
    return this;
  }

  private CommandModel add(PositionalParamSpec.Builder parameter) {
    spec.addPositional(parameter.build());
    nextIndex++;
    return this;
  }
}

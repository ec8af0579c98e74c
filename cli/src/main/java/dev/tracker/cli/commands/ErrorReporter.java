package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.json.JsonException;
import dev.tracker.core.error.ExitCode;
import dev.tracker.core.error.TrackerException;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports every failure as one line on stderr ({@code tracker: ...}), then a hint line, and picks
 * the exit code: usage errors 2, a {@link CliException} its own, anything unexpected 1.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final PrintStream err;
  private final boolean verbose;

  public ErrorReporter(PrintStream err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine commandLine, ParseResult parseResult) {
    if (failure instanceof CliException e) {
      return report(e);
    }
    if (failure instanceof ParameterException e) {
      return handleParseException(e, new String[0]);
    }
    if (failure instanceof TrackerException e) {
      return report(
          new CliException(
              e.code().exitCode(),
              e.code().wire(),
              e.getMessage(),
              "see '" + commandLine.getCommandSpec().qualifiedName() + " --help'",
              null));
    }
    if (failure instanceof JsonException e) {
      return report(
          CliException.error(
              "unexpected answer from the daemon: " + e.getMessage(),
              "the daemon and this tracker may not match: tracker version"));
    }
    err.println("tracker: internal error: " + failure);
    if (verbose) {
      failure.printStackTrace(err);
    } else {
      err.println("hint: run again with -v for the stack trace, and please report it");
    }
    return ExitCode.ERROR;
  }

  public int report(CliException e) {
    err.println("tracker: " + e.getMessage());
    if (e.details() != null) {
      err.println(e.details());
    }
    if (e.hint() != null) {
      err.println("hint: " + e.hint());
    }
    return e.exitCode();
  }

  @Override
  public int handleParseException(ParameterException failure, String[] args) {
    CommandSpec spec = failure.getCommandLine().getCommandSpec();
    String command = spec.qualifiedName();
    String message = firstLine(failure.getMessage());
    String hint = "see '" + command + " --help'";
    if (failure instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      String argument = unmatched.getUnmatched().get(0);
      List<String> suggestions;
      if (argument.startsWith("-")) {
        message = "unknown option '" + argument + "'";
        suggestions = Suggestions.closest(argument, optionNames(spec));
      } else if (!spec.subcommands().isEmpty()) {
        message = "'" + argument + "' is not a " + command + " command";
        suggestions = Suggestions.closest(argument, spec.subcommands().keySet());
      } else {
        message = "unexpected argument '" + argument + "'";
        suggestions = List.of();
      }
      if (suggestions.isEmpty()) {
        suggestions = unmatched.getSuggestions();
      }
      if (!suggestions.isEmpty()) {
        hint = "did you mean " + String.join(" or ", suggestions) + "? (" + hint + ")";
      }
    } else {
      message = lowerFirst(message);
    }
    err.println(command + ": " + message);
    err.println("hint: " + hint);
    return ExitCode.USAGE;
  }

  private static List<String> optionNames(CommandSpec spec) {
    List<String> names = new java.util.ArrayList<>();
    for (picocli.CommandLine.Model.OptionSpec option : spec.options()) {
      for (String name : option.names()) {
        names.add(name);
      }
    }
    return names;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "invalid arguments";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String lowerFirst(String text) {
    if (text.length() > 1
        && Character.isUpperCase(text.charAt(0))
        && !Character.isUpperCase(text.charAt(1))) {
      return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
    return text;
  }
}

package dev.tracker.cli;

import dev.tracker.cli.commands.Commands;
import dev.tracker.cli.commands.ErrorReporter;
import dev.tracker.cli.commands.HelpCommandModel;
import dev.tracker.cli.commands.RootCommand;
import dev.tracker.core.ArchiveRecording;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** {@code tracker}: the command line's entry point. */
public final class TrackerMain {
  private TrackerMain() {}

  /**
   * picocli registers a converter for each java.time and java.sql type through reflection in every
   * {@code CommandLine}, loading and initialising those classes: about 30 ms of a start. No option
   * of the CLI has such a type (its own code parses dates); paths keep their converter.
   */
  private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

  public static void main(String[] args) {
    // Buffered, and UTF-8 whatever the locale: JSON on stdout must be UTF-8.
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14),
            false,
            StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int exit;
    try (ParallelWarmUp warmUp = ParallelWarmUp.start()) {
      exit = run(args, out, err, Environment.current());
    }
    out.flush();
    if (exit == 0) {
      ArchiveRecording.markRepresentative();
    }
    System.exit(exit);
  }

  public static int run(String[] args, PrintStream out, PrintStream err, Environment env) {
    return run(args, new CliContext(env, out, err, CliContext.Settings.DEFAULTS));
  }

  /** Runs one command line and returns its exit code; the context is closed on return. */
  public static int run(String[] args, CliContext context) {
    try (context) {
      ErrorReporter errors = new ErrorReporter(context.err(), hasVerboseFlag(args));
      CommandLine commandLine;
      try {
        commandLine = build(args, context, errors);
      } catch (CliException e) {
        return errors.report(e);
      }
      return commandLine.execute(args);
    }
  }

  static CommandLine build(String[] args, CliContext context, ErrorReporter errors) {
    // Set here rather than in main, so that tests build the model exactly as the command does.
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, "java\\.(time|sql)\\..*");
    }
    CommandLine commandLine = new CommandLine(RootCommand.spec());
    String name = commandName(args);
    if (name != null && Commands.standsAlone(name)) {
      commandLine.addSubcommand(name, Commands.spec(name, context));
    } else {
      for (String each : Commands.NAMES) {
        commandLine.addSubcommand(each, Commands.spec(each, context));
      }
      commandLine.addSubcommand("help", HelpCommandModel.spec());
    }
    commandLine
        .setOut(
            new PrintWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8), true))
        .setErr(
            new PrintWriter(new OutputStreamWriter(context.err(), StandardCharsets.UTF_8), true))
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
    if (context.env().isSet("NO_COLOR") || !context.env().stdoutIsTerminal()) {
      // Only help output is coloured by picocli; building a colour scheme costs start-up time, so
      // it is replaced only when colour must be off and picocli's own check could disagree.
      commandLine.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
    }
    return commandLine;
  }

  /** The first argument that is not an option of {@code tracker} itself. */
  static String commandName(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  private static boolean isRunOfV(String arg) {
    if (arg.length() < 2 || arg.charAt(0) != '-') {
      return false;
    }
    for (int i = 1; i < arg.length(); i++) {
      if (arg.charAt(i) != 'v') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasVerboseFlag(String[] args) {
    for (String arg : args) {
      if (arg.equals("--verbose") || isRunOfV(arg)) {
        return true;
      }
    }
    return false;
  }
}

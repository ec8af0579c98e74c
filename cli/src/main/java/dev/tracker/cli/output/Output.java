package dev.tracker.cli.output;

import dev.tracker.cli.Environment;
import dev.tracker.cli.daemon.Messages;
import dev.tracker.cli.json.Json;
import java.io.PrintStream;
import java.util.List;

/**
 * Where a command's results and messages go. Results go to stdout; with {@code --json} stdout gets
 * nothing but one JSON document. Warnings and progress go to stderr; {@code -q} silences the
 * informational lines and warnings, {@code -v} adds diagnostics.
 */
public final class Output implements Messages {
  private final PrintStream out;
  private final PrintStream err;
  private final boolean json;
  private final int verbosity;
  private final Style style;
  private final Environment env;
  private final boolean errIsTerminal;
  private int width;

  /**
   * @param verbosity -1 with {@code -q}, 0 normally, 1 or more with {@code -v}
   */
  public Output(
      PrintStream out,
      PrintStream err,
      boolean json,
      int verbosity,
      Style style,
      Environment env,
      boolean errIsTerminal) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.verbosity = verbosity;
    this.style = style;
    this.env = env;
    this.errIsTerminal = errIsTerminal;
  }

  public boolean json() {
    return json;
  }

  public boolean quiet() {
    return verbosity < 0;
  }

  public boolean verbose() {
    return verbosity > 0;
  }

  public Style style() {
    return style;
  }

  /** The terminal's width, found on first use: asking a terminal may cost a child process. */
  public int width() {
    if (width == 0) {
      width = TerminalWidth.detect(env);
    }
    return width;
  }

  /** The one JSON document of a {@code --json} run. */
  public void printJson(Object value) {
    out.println(Json.pretty(value));
  }

  /** A line of a command's result. */
  public void line(String text) {
    out.println(text);
  }

  /** A confirmation such as "Closed trk-a1b2"; not shown with -q or --json. */
  public void info(String text) {
    if (!quiet() && !json) {
      out.println(text);
    }
  }

  @Override
  public void warn(String text) {
    if (!quiet()) {
      err.println("tracker: warning: " + text);
    }
  }

  @Override
  public void debug(String text) {
    if (verbose()) {
      err.println("tracker: " + text);
    }
  }

  public void table(Table table) {
    List<String> lines = table.render(width(), style);
    for (String line : lines) {
      out.println(line);
    }
  }

  /** A progress bar for {@code total} steps, drawn only when stderr is a terminal. */
  public ProgressBar progress(String label, int total) {
    return new ProgressBar(err, label, total, errIsTerminal && !quiet(), width());
  }

  /** Whether stderr is a terminal: where progress and status lines may be drawn. */
  public boolean stderrIsTerminal() {
    return errIsTerminal;
  }

  public PrintStream stdout() {
    return out;
  }

  public PrintStream stderr() {
    return err;
  }
}

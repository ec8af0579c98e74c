package dev.tracker.cli.output;

import dev.tracker.cli.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The width tables are sized to: {@code COLUMNS} when set, else the terminal's own width when
 * stdout is one (asked of {@code stty}, since Java cannot ask the kernel), else 80.
 */
public final class TerminalWidth {
  public static final int DEFAULT = 80;
  private static final int MIN = 20;

  private TerminalWidth() {}

  public static int detect(Environment env) {
    String columns = env.get("COLUMNS");
    if (columns != null) {
      try {
        int value = Integer.parseInt(columns.trim());
        if (value >= MIN) {
          return value;
        }
      } catch (NumberFormatException ignored) {
        // A shell variable we cannot read is no reason to fail a command.
      }
    }
    return env.stdoutIsTerminal() ? askStty() : DEFAULT;
  }

  private static int askStty() {
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(new File("/dev/tty"))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (!stty.waitFor(1, TimeUnit.SECONDS)) {
        stty.destroyForcibly();
        return DEFAULT;
      }
      String[] rowsAndColumns = answer.trim().split(" ");
      int value = rowsAndColumns.length == 2 ? Integer.parseInt(rowsAndColumns[1]) : DEFAULT;
      return value >= MIN ? value : DEFAULT;
    } catch (IOException | NumberFormatException e) {
      return DEFAULT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DEFAULT;
    }
  }
}

package dev.tracker.cli.edit;

import dev.tracker.cli.CliException;
import dev.tracker.cli.Environment;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets the user edit text in their editor: the {@code editor} setting, else {@code $EDITOR}, else
 * {@code $VISUAL}, else {@code vi}. The command runs through {@code sh -c}, as git runs it, so
 * {@code EDITOR="code --wait"} works.
 */
public final class Editor {
  private final String command;

  private Editor(String command) {
    this.command = command;
  }

  public static Editor choose(Environment env, String configured) {
    if (configured != null && !configured.isBlank()) {
      return new Editor(configured);
    }
    String editor = env.get("EDITOR");
    if (editor == null) {
      editor = env.get("VISUAL");
    }
    return new Editor(editor == null ? "vi" : editor);
  }

  public String command() {
    return command;
  }

  /**
   * Writes {@code text} to a temporary file, waits for the editor to finish, and returns the file's
   * new content. The file is removed afterwards.
   */
  public String edit(String text, Environment env, PrintStream out, PrintStream err) {
    Path file = null;
    try {
      file = Files.createTempFile("tracker-issue-", ".md");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      out.flush();
      err.flush();
      ProcessBuilder builder =
          new ProcessBuilder("sh", "-c", command + " \"$@\"", command, file.toString())
              .directory(env.workingDir().toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT);
      connectToTerminal(builder, env);
      int exit = builder.start().waitFor();
      if (exit != 0) {
        throw CliException.error(
            "the editor '" + command + "' failed with status " + exit + "; nothing changed",
            "set EDITOR to an editor that works, or give the text as options");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.error(
          "cannot run the editor '" + command + "': " + e.getMessage(),
          "set EDITOR to an editor that works, or give the text as options");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.error("interrupted while waiting for the editor", null);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // A leftover temporary file is not worth failing the command for.
        }
      }
    }
  }

  /**
   * The editor talks to the terminal even when the CLI's stdout is a pipe (as in {@code tracker
   * create --json | jq}); without a terminal it inherits the CLI's streams.
   */
  private static void connectToTerminal(ProcessBuilder builder, Environment env) {
    if (env.stdoutIsTerminal() || !canOpenTerminal()) {
      builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
      builder.redirectOutput(
          env.stdoutIsTerminal()
              ? ProcessBuilder.Redirect.INHERIT
              : ProcessBuilder.Redirect.DISCARD);
      return;
    }
    File tty = new File("/dev/tty");
    builder.redirectInput(ProcessBuilder.Redirect.from(tty));
    builder.redirectOutput(ProcessBuilder.Redirect.to(tty));
  }

  private static boolean canOpenTerminal() {
    try {
      new FileOutputStream("/dev/tty").close();
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}

package dev.tracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.commands.ErrorReporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * docs/cli.md carries every command's usage as picocli prints it, between {@code <!-- usage:
 * tracker list -->} and {@code <!-- /usage -->}. This test fails when a block is out of date; run
 * it with {@code -Dtracker.docs.update=true} to rewrite the blocks.
 */
class CliDocsTest {
  static final Path DOC = Path.of("..", "docs", "cli.md");
  static final String END = "<!-- /usage -->";

  @TempDir Path home;

  @Test
  void everyCommandsUsageInDocsIsCurrent() throws IOException {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Environment env =
        new Environment(java.util.Map.of(), home, home, null, 1000, false, false, System.in);
    CliContext context = new CliContext(env, sink, sink, CliContext.Settings.DEFAULTS);
    CommandLine root =
        TrackerMain.build(new String[] {"--help"}, context, new ErrorReporter(sink, false));
    List<CommandLine> all = new ArrayList<>();
    collect(root, all);

    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String updated = doc;
    List<String> missing = new ArrayList<>();
    for (CommandLine command : all) {
      String name = command.getCommandSpec().qualifiedName();
      String begin = "<!-- usage: " + name + " -->";
      int start = updated.indexOf(begin);
      if (start < 0) {
        missing.add(name);
        continue;
      }
      int end = updated.indexOf(END, start);
      String block =
          begin
              + "\n```\n"
              + command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()
              + "\n```\n";
      updated = updated.substring(0, start) + block + updated.substring(end);
    }
    if (Boolean.getBoolean("tracker.docs.update")) {
      Files.writeString(DOC, updated, StandardCharsets.UTF_8);
    }
    assertThat(missing).as("commands without a usage block in docs/cli.md").isEmpty();
    assertThat(updated)
        .as("docs/cli.md usage blocks; rerun with -Dtracker.docs.update=true")
        .isEqualTo(doc);
  }

  private static void collect(CommandLine command, List<CommandLine> all) {
    all.add(command);
    for (CommandLine sub : command.getSubcommands().values()) {
      if (!sub.getCommandName().equals("help")) {
        collect(sub, all);
      }
    }
  }
}

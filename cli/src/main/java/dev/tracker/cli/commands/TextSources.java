package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Text given as a file name, or {@code -} for stdin. */
final class TextSources {
  private TextSources() {}

  static String read(String option, String source, Environment env) {
    try {
      if (source.equals("-")) {
        return new String(env.stdin().readAllBytes(), StandardCharsets.UTF_8);
      }
      return java.nio.file.Files.readString(env.workingDir().resolve(Path.of(source)));
    } catch (IOException e) {
      throw CliException.usage(option + ": cannot read " + source + ": " + e.getMessage(), null);
    }
  }
}

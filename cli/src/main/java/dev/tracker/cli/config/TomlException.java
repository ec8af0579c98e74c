package dev.tracker.cli.config;

/** A TOML file this reader cannot accept; the message names the file's line. */
public final class TomlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TomlException(int line, String message) {
    super("line " + line + ": " + message);
  }
}

package dev.tracker.cli.daemon;

/** Where the daemon layer reports what the user should know but that is not a command's result. */
public interface Messages {
  void warn(String text);

  void debug(String text);
}

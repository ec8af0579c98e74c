package dev.tracker.core.paths;

import java.nio.file.Path;

/** Paths given on the command line; each {@code null} field falls back to the environment. */
public record PathOverrides(
    Path dataDir, Path runtimeDir, Path stateDir, Path configDir, Path socket) {
  public static final PathOverrides NONE = new PathOverrides(null, null, null, null, null);
}

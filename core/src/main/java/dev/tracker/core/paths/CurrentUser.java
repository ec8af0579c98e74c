package dev.tracker.core.paths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real uid of this process, read without native code. */
public final class CurrentUser {
  private CurrentUser() {}

  public static long uid() {
    try {
      // /proc/self is owned by the process's uid on Linux.
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return fromNewFile();
    }
  }

  private static long fromNewFile() {
    try {
      Path probe = Files.createTempFile("tracker-uid", ".probe");
      try {
        return ((Number) Files.getAttribute(probe, "unix:uid")).longValue();
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot determine the current uid: " + e.getMessage(), e);
    }
  }
}

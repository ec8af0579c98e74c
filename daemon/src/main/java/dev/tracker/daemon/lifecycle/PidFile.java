package dev.tracker.daemon.lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * {@code daemon.pid}: informational only. PIDs are reused, so nothing decides anything from it; it
 * tells a user which process holds the lock.
 */
public final class PidFile {
  private PidFile() {}

  public static void write(Path file, long pid) throws IOException {
    writeText(file, Long.toString(pid));
  }

  /** Replaces {@code file} atomically with one line, so a reader never sees it half written. */
  static void writeText(Path file, String line) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, line + "\n", StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static OptionalLong read(Path file) {
    try {
      return OptionalLong.of(
          Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}

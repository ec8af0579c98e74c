package dev.tracker.daemon.storage;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code tracker backup}: a copy of the live database, taken while the daemon serves. The copy is
 * made beside the target under a temporary name and renamed into place, so the target is either
 * absent or a whole database, and an existing file is never overwritten.
 */
public final class DatabaseBackup {
  private DatabaseBackup() {}

  /**
   * Copies {@code database} to {@code file}; answers {@code file}, {@code sizeBytes}, {@code
   * millis}.
   */
  public static Map<String, Object> run(Database database, String file) {
    Path target = target(file);
    long start = System.nanoTime();
    Path partial =
        target.resolveSibling(
            "."
                + target.getFileName()
                + ".partial-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
    try {
      database.copyTo(partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("file", target.toString());
      result.put("sizeBytes", Files.size(target));
      result.put("millis", (System.nanoTime() - start) / 1_000_000);
      return result;
    } catch (FileAlreadyExistsException e) {
      throw exists(target);
    } catch (IOException e) {
      throw new TrackerException(
          ErrorCode.INTERNAL, "cannot move the backup into place at " + target + ": " + e, e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // Left beside the target under a dot name; the next backup picks another name.
      }
    }
  }

  private static Path target(String file) {
    if (file == null || file.isBlank()) {
      throw TrackerException.invalid("file", "is required: the file to write the backup to");
    }
    Path path = Path.of(file);
    if (!path.isAbsolute()) {
      throw TrackerException.invalid("file", "must be an absolute path (got '" + file + "')");
    }
    path = path.normalize();
    Path dir = path.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw TrackerException.invalid("file", "its directory " + dir + " does not exist");
    }
    if (!Files.isWritable(dir)) {
      throw TrackerException.invalid("file", "its directory " + dir + " is not writable");
    }
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw exists(path);
    }
    return path;
  }

  private static TrackerException exists(Path path) {
    return new TrackerException(
        ErrorCode.ALREADY_EXISTS,
        "file: " + path + " already exists; a backup never overwrites a file: choose a new name",
        "file",
        java.util.List.of(),
        null);
  }
}

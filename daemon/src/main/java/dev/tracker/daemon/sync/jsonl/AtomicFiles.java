package dev.tracker.daemon.sync.jsonl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that a reader sees either the old content or the new, never half of either,
 * and a crash leaves one of the two on disk.
 */
public final class AtomicFiles {
  private static final int NAME_ATTEMPTS = 100;

  private AtomicFiles() {}

  /**
   * Writes {@code content} to {@code target}: into a new temporary file in the same directory
   * (which must exist), forced to disk, renamed over {@code target} in one step, and then the
   * directory forced too, so that the rename itself survives a crash (file systems that cannot
   * force a directory are tolerated). The new file takes the old one's permissions. On failure the
   * temporary file is removed and {@code target} is as it was.
   */
  public static void write(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temporary = createTemporary(directory, absolute.getFileName().toString());
    boolean renamed = false;
    try {
      copyPermissions(absolute, temporary);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        FileBytes.write(channel, content);
        channel.force(true);
      }
      Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
      renamed = true;
    } finally {
      if (!renamed) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException cleanup) {
          // The original failure is the one to report; a stray temporary file is only clutter.
        }
      }
    }
    forceDirectory(directory);
  }

  /**
   * Deletes the temporary files of earlier writes to {@code target} that a killed process left
   * behind, older than {@code minimumAge} (a write in progress elsewhere keeps its own); returns
   * how many. Without this they would stay in the user's repository, where git shows them.
   */
  public static int removeLeftovers(Path target, java.time.Duration minimumAge) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    String prefix = "." + absolute.getFileName() + ".";
    long cutoff = System.currentTimeMillis() - minimumAge.toMillis();
    int removed = 0;
    java.nio.file.DirectoryStream.Filter<Path> temporary =
        entry -> {
          String name = entry.getFileName().toString();
          return name.startsWith(prefix) && name.endsWith(".tmp");
        };
    try (var entries = Files.newDirectoryStream(directory, temporary)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(entry).toMillis() < cutoff
            && Files.deleteIfExists(entry)) {
          removed++;
        }
      }
    }
    return removed;
  }

  /** A new, empty, uniquely named file next to the target: {@code .<name>.<random>.tmp}. */
  private static Path createTemporary(Path directory, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path candidate = directory.resolve("." + name + "." + suffix + ".tmp");
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= NAME_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view == null || !Files.isRegularFile(from)) {
      return;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    Files.setPosixFilePermissions(to, permissions);
  }

  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some file systems (and Windows) cannot open or force a directory; the rename is done.
    }
  }
}

package dev.tracker.daemon.lifecycle;

import dev.tracker.core.paths.CurrentUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The directory holding the socket, the lock and the PID file. It must belong to this user and be
 * closed to everyone else: another user who could write there could replace the socket and read
 * every request. One owned by someone else is refused, never repaired.
 */
public final class RuntimeDirectory {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private RuntimeDirectory() {}

  /**
   * Creates the directory (mode 0700) or checks an existing one; narrows wider modes of our own.
   */
  public static Path prepare(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir.getParent());
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // Another process created it first; it is checked below like any existing directory.
      }
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(
          "runtime directory " + dir + " is not a directory (or is a symbolic link)");
    }
    long owner =
        ((Number) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    long me = CurrentUser.uid();
    if (owner != me) {
      throw new IOException(
          "runtime directory "
              + dir
              + " belongs to uid "
              + owner
              + ", not to this user (uid "
              + me
              + "); refusing to use it. Remove it or set TRACKER_RUNTIME_DIR.");
    }
    if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }
    return dir;
  }
}

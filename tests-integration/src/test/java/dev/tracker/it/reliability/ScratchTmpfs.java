package dev.tracker.it.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tracker.core.paths.CurrentUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small tmpfs mounted on a test's directory, to give the daemon a disk that fills up or turns
 * read-only for real (root ignores file modes, not a full or read-only mount). Mounting needs root,
 * as CI has; elsewhere, or where mounting is not allowed (a container without the capability), the
 * test is skipped and says why. {@link #close()} unmounts.
 */
final class ScratchTmpfs implements AutoCloseable {
  private final Path dir;
  private boolean mounted;

  private ScratchTmpfs(Path dir) {
    this.dir = dir;
  }

  /** Mounts a tmpfs of {@code size} (as {@code mount -o size=}: {@code 1m}) on {@code dir}. */
  static ScratchTmpfs mount(Path dir, String size) throws IOException, InterruptedException {
    assumeTrue(CurrentUser.uid() == 0, "mounting a tmpfs needs root (CI runs as root)");
    Files.createDirectories(dir);
    ScratchTmpfs tmpfs = new ScratchTmpfs(dir);
    HostCommand.Result result =
        HostCommand.run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    assumeTrue(result.exitCode() == 0, "cannot mount a tmpfs here: " + result.output());
    tmpfs.mounted = true;
    return tmpfs;
  }

  Path dir() {
    return dir;
  }

  /** Makes the whole file system read-only: nobody may write, root included. */
  void remountReadOnly() throws IOException, InterruptedException {
    HostCommand.Result result = HostCommand.run("mount", "-o", "remount,ro", dir.toString());
    if (result.exitCode() != 0) {
      throw new AssertionError("remount,ro failed: " + result.output());
    }
  }

  /** Unmounts; a file still open there would keep it busy, so the daemon must be closed first. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (!mounted) {
      return;
    }
    HostCommand.Result result = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      result = HostCommand.run("umount", dir.toString());
      if (result.exitCode() == 0) {
        mounted = false;
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("cannot unmount " + dir + ": " + result.output());
  }
}

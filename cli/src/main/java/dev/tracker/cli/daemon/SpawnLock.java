package dev.tracker.cli.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Lets one CLI at a time spawn a daemon. CLIs started together with no daemon running would each
 * spawn one, and all but one of those JVMs can only lose the daemon's own lock: on a small machine
 * their start-up alone can push the winner past the start timeout. The lock is the kernel's, so a
 * CLI that dies while holding it releases it. The file stays in the state directory (deleting a
 * lock file that another process may have open would let two holders exist).
 */
final class SpawnLock implements AutoCloseable {
  private final Path file;
  private FileChannel channel;
  private FileLock lock;

  SpawnLock(Path file) {
    this.file = file;
  }

  /** True if this CLI holds the lock now (already or newly); false if another process does. */
  boolean tryAcquire() {
    if (lock != null) {
      return true;
    }
    try {
      if (channel == null) {
        Files.createDirectories(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      }
      lock = channel.tryLock();
      return lock != null;
    } catch (OverlappingFileLockException e) {
      return false;
    } catch (IOException e) {
      // Without a usable lock file, spawning as before is better than never spawning.
      return true;
    }
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // Closing the channel releases the lock; the process's exit would too.
    } finally {
      lock = null;
      channel = null;
    }
  }
}

package dev.tracker.daemon.sync;

import dev.tracker.daemon.sync.jsonl.FileBytes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project's merge base: the file content both sides last agreed on, which only an import (the
 * file changed outside the daemon) reads. It is kept in a file of the daemon's state directory, not
 * on the heap: for 10,000 issues it is 7.4 MB, a third of the daemon's live heap, held for the
 * daemon's whole life to be read perhaps never.
 *
 * <p>A base is valid only in the daemon life that wrote it, as when it lived on the heap: its
 * SHA-256 stays in memory and the content read back must match it. Anything else (a file left by an
 * earlier daemon, a write that failed half-way, an edit) counts as no base, and the next import
 * merges without one, as after a restart. Nothing is forced to disk for the same reason.
 */
final class SyncBase {
  private static final Logger log = LoggerFactory.getLogger(SyncBase.class);
  private static final String SUFFIX = ".base.jsonl";

  private final Path file;
  private String hash;

  /** The base of project {@code key} (a project key: lower-case letters and digits). */
  SyncBase(Path directory, String key) {
    this.file = directory.resolve(key + SUFFIX);
  }

  /** Makes {@code content}, whose SHA-256 is {@code contentHash}, the base. */
  void keep(byte[] content, String contentHash) {
    if (contentHash.equals(hash)) {
      return;
    }
    hash = null;
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        FileBytes.write(channel, content);
      }
      hash = contentHash;
    } catch (IOException e) {
      log.warn("cannot keep the sync base in {}; the next import merges without one", file, e);
    }
  }

  /** The base, or null if there is none (yet, or any more). */
  byte[] content() throws IOException {
    if (hash == null) {
      return null;
    }
    byte[] content = Files.exists(file) ? FileBytes.read(file) : null;
    if (content == null || !sha256(content).equals(hash)) {
      log.warn("the sync base {} changed outside the daemon; the import merges without one", file);
      hash = null;
      return null;
    }
    return content;
  }

  /** Removes every base in {@code directory}: none outlives the daemon life that wrote it. */
  static void clear(Path directory) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (DirectoryStream<Path> bases = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      for (Path base : bases) {
        Files.deleteIfExists(base);
      }
    } catch (IOException e) {
      log.warn("cannot clear the sync bases in {}", directory, e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}

package dev.tracker.daemon.sync.jsonl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Whole-file reads and writes in slices. A file channel copies a heap buffer through a temporary
 * direct buffer as large as the buffer it is given, and keeps that direct buffer cached on the
 * thread for the rest of the thread's life: one {@code Files.readAllBytes} of a 7.4 MB {@code
 * issues.jsonl} on the sync thread held 7.4 MB of native memory for the daemon's whole life. With
 * slices of {@link #SLICE} bytes, a thread caches at most that much.
 */
public final class FileBytes {
  static final int SLICE = 64 * 1024;

  private FileBytes() {}

  /** The file's content; a file that grows while it is read is read to its new end. */
  public static byte[] read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE - 8) {
        throw new IOException(file + " is too large to read (" + size + " bytes)");
      }
      byte[] content = new byte[(int) size];
      int length = 0;
      while (true) {
        if (length == content.length) {
          if (channel.position() >= channel.size()) {
            return content;
          }
          content = Arrays.copyOf(content, Math.max(SLICE, content.length * 2));
        }
        int read = channel.read(ByteBuffer.wrap(content, length, slice(content.length - length)));
        if (read < 0) {
          return length == content.length ? content : Arrays.copyOf(content, length);
        }
        length += read;
      }
    }
  }

  /** Writes all of {@code content} at the channel's position. */
  public static void write(FileChannel channel, byte[] content) throws IOException {
    for (int offset = 0; offset < content.length; ) {
      offset += channel.write(ByteBuffer.wrap(content, offset, slice(content.length - offset)));
    }
  }

  private static int slice(int remaining) {
    return Math.min(SLICE, remaining);
  }
}

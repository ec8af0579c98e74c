package dev.tracker.cli.daemon;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last lines of a log file, read from its end so that a large log costs nothing. */
public final class LogTail {
  private static final int CHUNK = 8192;

  private LogTail() {}

  /** Up to {@code count} last lines; none when the file does not exist. */
  public static List<String> last(Path file, int count) throws IOException {
    if (!Files.exists(file) || count <= 0) {
      return List.of();
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long end = in.length();
      long start = end;
      int newlines = 0;
      byte[] buffer = new byte[CHUNK];
      while (start > 0 && newlines <= count) {
        int size = (int) Math.min(CHUNK, start);
        start -= size;
        in.seek(start);
        in.readFully(buffer, 0, size);
        for (int i = 0; i < size; i++) {
          if (buffer[i] == '\n') {
            newlines++;
          }
        }
      }
      byte[] tail = new byte[(int) (end - start)];
      in.seek(start);
      in.readFully(tail);
      String[] lines = new String(tail, StandardCharsets.UTF_8).split("\n", -1);
      List<String> result = new ArrayList<>();
      int last = lines.length - (lines[lines.length - 1].isEmpty() ? 1 : 0);
      for (int i = Math.max(0, last - count); i < last; i++) {
        result.add(lines[i]);
      }
      return result;
    }
  }

  /** The tail as text for an error message, or a note that there is no log. */
  public static String describe(Path file, int count) {
    try {
      List<String> lines = last(file, count);
      if (lines.isEmpty()) {
        return "(the daemon log " + file + " is empty or missing)";
      }
      return "last lines of " + file + ":\n  " + String.join("\n  ", lines);
    } catch (IOException e) {
      return "(cannot read the daemon log " + file + ": " + e.getMessage() + ")";
    }
  }
}

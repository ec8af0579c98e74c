package dev.tracker.core.paths;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Unix-domain socket addresses hold at most 107 bytes of path on Linux ({@code sun_path} is 108
 * bytes with its terminating NUL). A longer path fails only at bind time, with an unhelpful error,
 * so it is checked here: a long path is replaced by a short hashed one under the runtime directory,
 * and when even that is too long the caller gets an error that names both paths.
 */
public final class SocketPaths {
  public static final int MAX_BYTES = 107;

  private SocketPaths() {}

  public record Fitted(Path path, boolean fellBack) {}

  public static int byteLength(Path path) {
    return path.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  public static Fitted fit(Path requested, Path runtimeDir) {
    if (byteLength(requested) <= MAX_BYTES) {
      return new Fitted(requested, false);
    }
    Path fallback = runtimeDir.resolve("s-" + shortHash(requested.toString()) + ".sock");
    if (byteLength(fallback) <= MAX_BYTES) {
      return new Fitted(fallback, true);
    }
    throw new TrackerException(
        ErrorCode.INVALID_REQUEST,
        "socket path "
            + requested
            + " is "
            + byteLength(requested)
            + " bytes and its fallback "
            + fallback
            + " is "
            + byteLength(fallback)
            + "; Unix sockets allow at most "
            + MAX_BYTES
            + ". Set TRACKER_SOCKET or TRACKER_RUNTIME_DIR to a shorter path.");
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}

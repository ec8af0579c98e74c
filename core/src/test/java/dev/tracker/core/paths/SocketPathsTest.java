package dev.tracker.core.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SocketPathsTest {
  private static final Path RUNTIME = Path.of("/run/user/1000/tracker");

  /** An absolute path of exactly {@code bytes} UTF-8 bytes, ending in ".sock". */
  private static Path socketOfBytes(int bytes) {
    return Path.of("/" + "x".repeat(bytes - 6) + ".sock");
  }

  /** An absolute directory of exactly {@code bytes} UTF-8 bytes. */
  private static Path dirOfBytes(int bytes) {
    return Path.of("/" + "d".repeat(bytes - 1));
  }

  private static String sha256Prefix(String text) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, 12);
  }

  @Test
  void theLimitIs107Bytes() {
    assertThat(SocketPaths.MAX_BYTES).isEqualTo(107);
  }

  @Test
  void byteLengthCountsUtf8Bytes() {
    assertThat(SocketPaths.byteLength(Path.of("/a"))).isEqualTo(2);
    assertThat(SocketPaths.byteLength(Path.of("/é"))).isEqualTo(3);
    assertThat(SocketPaths.byteLength(Path.of("/€"))).isEqualTo(4);
    assertThat(SocketPaths.byteLength(Path.of("/\uD83D\uDE00"))).isEqualTo(5);
  }

  @Test
  void keepsShortPaths() {
    Path requested = Path.of("/tmp/tracker-1000/daemon.sock");
    SocketPaths.Fitted fitted = SocketPaths.fit(requested, RUNTIME);
    assertThat(fitted.path()).isEqualTo(requested);
    assertThat(fitted.fellBack()).isFalse();
  }

  @Test
  void keepsAPathOfExactly107Bytes() {
    Path requested = socketOfBytes(107);
    assertThat(SocketPaths.byteLength(requested)).isEqualTo(107);
    SocketPaths.Fitted fitted = SocketPaths.fit(requested, RUNTIME);
    assertThat(fitted.path()).isEqualTo(requested);
    assertThat(fitted.fellBack()).isFalse();
  }

  @Test
  void replacesAPathOf108BytesWithAHashedPathInTheRuntimeDirectory() throws Exception {
    Path requested = socketOfBytes(108);
    SocketPaths.Fitted fitted = SocketPaths.fit(requested, RUNTIME);
    assertThat(fitted.fellBack()).isTrue();
    assertThat(fitted.path())
        .isEqualTo(RUNTIME.resolve("s-" + sha256Prefix(requested.toString()) + ".sock"));
    assertThat(fitted.path().getFileName().toString()).matches("s-[0-9a-f]{12}\\.sock");
    assertThat(SocketPaths.byteLength(fitted.path())).isLessThanOrEqualTo(107);
  }

  @Test
  void theFallbackIsDeterministicAndDependsOnTheRequestedPath() {
    Path requested = socketOfBytes(200);
    Path first = SocketPaths.fit(requested, RUNTIME).path();
    Path again = SocketPaths.fit(Path.of(requested.toString()), RUNTIME).path();
    assertThat(again).isEqualTo(first);
    assertThat(SocketPaths.fit(socketOfBytes(201), RUNTIME).path()).isNotEqualTo(first);
  }

  @Test
  void countsBytesNotCharacters() {
    // "€" is three bytes in UTF-8: 41 characters but 107 bytes are kept, 40 characters but 108
    // bytes are replaced.
    Path kept = Path.of("/" + "€".repeat(33) + "xx.sock");
    assertThat(kept.toString()).hasSize(41);
    assertThat(SocketPaths.byteLength(kept)).isEqualTo(107);
    assertThat(SocketPaths.fit(kept, RUNTIME).fellBack()).isFalse();

    Path replaced = Path.of("/" + "€".repeat(34) + ".sock");
    assertThat(replaced.toString()).hasSize(40);
    assertThat(SocketPaths.byteLength(replaced)).isEqualTo(108);
    SocketPaths.Fitted fitted = SocketPaths.fit(replaced, RUNTIME);
    assertThat(fitted.fellBack()).isTrue();
    assertThat(fitted.path().getParent()).isEqualTo(RUNTIME);
  }

  @Test
  void aRuntimeDirectoryOf87BytesStillHoldsTheFallback() {
    // "/s-" + 12 hex + ".sock" adds 20 bytes: 87 + 20 = 107.
    Path runtime = dirOfBytes(87);
    SocketPaths.Fitted fitted = SocketPaths.fit(socketOfBytes(300), runtime);
    assertThat(fitted.fellBack()).isTrue();
    assertThat(SocketPaths.byteLength(fitted.path())).isEqualTo(107);
    assertThat(fitted.path().getParent()).isEqualTo(runtime);
  }

  @Test
  void aRuntimeDirectoryTooLongForTheFallbackIsAnErrorNamingBothPathsAndTheLimit() {
    Path runtime = dirOfBytes(88);
    Path requested = socketOfBytes(300);
    TrackerException e =
        catchThrowableOfType(TrackerException.class, () -> SocketPaths.fit(requested, runtime));
    assertThat(e).isNotNull();
    assertThat(e.code()).isSameAs(ErrorCode.INVALID_REQUEST);
    assertThat(e.getMessage())
        .contains(
            requested.toString(),
            "is 300 bytes",
            runtime.resolve("s-").toString(),
            "is 108",
            "at most 107",
            "TRACKER_SOCKET",
            "TRACKER_RUNTIME_DIR");
  }

  @Test
  void theErrorNamesTheExactFallbackPath() throws Exception {
    Path runtime = dirOfBytes(100);
    Path requested = socketOfBytes(120);
    Path fallback = runtime.resolve("s-" + sha256Prefix(requested.toString()) + ".sock");
    TrackerException e =
        catchThrowableOfType(TrackerException.class, () -> SocketPaths.fit(requested, runtime));
    assertThat(e.getMessage()).contains(fallback.toString() + " is 120");
  }
}

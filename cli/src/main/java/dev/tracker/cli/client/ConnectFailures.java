package dev.tracker.cli.client;

import dev.tracker.cli.client.DaemonUnavailableException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;

/**
 * Tells "no daemon there" apart from other connect failures. The JDK reports ECONNREFUSED as a
 * {@link ConnectException} but ENOENT and EAGAIN only as a {@link SocketException} carrying the
 * system's message, so those are recognised by message and, for ENOENT, confirmed on the file
 * system in case the message is worded differently.
 */
final class ConnectFailures {
  private ConnectFailures() {}

  static IOException classify(SocketAddress address, IOException failure) {
    if (failure instanceof DaemonUnavailableException
        || failure instanceof InterruptedIOException) {
      return failure;
    }
    if (address instanceof UnixDomainSocketAddress unix && isMissingFile(unix, failure)) {
      return new DaemonUnavailableException(
          Reason.NO_SOCKET, address, "no daemon socket at " + unix.getPath(), failure);
    }
    if (failure instanceof ConnectException || mentions(failure, "Connection refused")) {
      return new DaemonUnavailableException(
          Reason.REFUSED, address, "no daemon listens on " + describe(address), failure);
    }
    return failure;
  }

  static DaemonUnavailableException timedOut(
      SocketAddress address, Duration timeout, IOException cause) {
    return new DaemonUnavailableException(
        Reason.TIMEOUT,
        address,
        "the daemon on "
            + describe(address)
            + " did not accept within "
            + timeout.toMillis()
            + " ms",
        cause);
  }

  /**
   * A Unix socket whose listen queue is full refuses a non-blocking connect with EAGAIN (Linux)
   * instead of making it wait; the daemon is busy, not gone, so the connect is worth repeating.
   */
  static boolean isListenQueueFull(SocketAddress address, IOException failure) {
    return address instanceof UnixDomainSocketAddress
        && failure instanceof SocketException
        && mentions(failure, "Resource temporarily unavailable");
  }

  private static boolean isMissingFile(UnixDomainSocketAddress address, IOException failure) {
    if (failure instanceof ConnectException) {
      return false;
    }
    return failure instanceof NoSuchFileException
        || mentions(failure, "No such file or directory")
        || (failure instanceof SocketException && Files.notExists(address.getPath()));
  }

  private static boolean mentions(IOException failure, String text) {
    return failure.getMessage() != null && failure.getMessage().contains(text);
  }

  static String describe(SocketAddress address) {
    return address instanceof UnixDomainSocketAddress unix
        ? unix.getPath().toString()
        : address.toString();
  }
}

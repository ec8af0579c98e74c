package dev.tracker.it.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One connection to a daemon, driven byte by byte, for what the CLI's client never does: send half
 * a request and stop, hold a connection silent, or watch the daemon close it. Every read is bounded
 * by a timeout. A non-blocking channel polled every 5 ms, rather than one selector per connection:
 * one descriptor per client, so that dozens fit in the test JVM's budget.
 */
final class RawSocketHttp implements AutoCloseable {
  private static final long POLL_MILLIS = 5;

  private final SocketChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
  private final StringBuilder received = new StringBuilder();
  private boolean peerClosed;

  private RawSocketHttp(SocketChannel channel) {
    this.channel = channel;
  }

  static RawSocketHttp connect(Path socket) {
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.configureBlocking(false);
      return new RawSocketHttp(channel);
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // The connect failure is the one to report.
        }
      }
      throw new UncheckedIOException("cannot connect to " + socket, e);
    }
  }

  /** The start of a JSON POST whose body never comes: the daemon's handler waits for it. */
  static String halfPost(String path) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: d\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
  }

  static String get(String path, boolean close) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: d\r\n"
        + (close ? "Connection: close\r\n" : "")
        + "\r\n";
  }

  /** Sends, or returns false when the daemon had already closed the connection. */
  boolean trySend(String text) {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      return true;
    } catch (IOException closed) {
      peerClosed = true;
      return false;
    }
  }

  void send(String text) {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send to the daemon", e);
    }
  }

  /**
   * The next response (headers and a {@code Content-Length} body), or null if none came within
   * {@code timeout} (the connection may have been closed without one: see {@link #peerClosed()}).
   */
  Response readResponse(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Response response = Response.parse(received);
      if (response != null) {
        received.delete(0, response.length());
        return response;
      }
      if (peerClosed || !readSome(deadline)) {
        return null;
      }
    }
  }

  /** Waits until the daemon closes the connection, dropping what it sends; false at the timeout. */
  boolean awaitClosedByPeer(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!peerClosed) {
      if (!readSome(deadline)) {
        return peerClosed;
      }
    }
    return true;
  }

  boolean peerClosed() {
    return peerClosed;
  }

  /** Reads what is there, waiting for it; false when the deadline passed first. */
  private boolean readSome(long deadline) {
    while (System.nanoTime() < deadline) {
      buffer.clear();
      int read;
      try {
        read = channel.read(buffer);
      } catch (IOException reset) {
        read = -1;
      }
      if (read < 0) {
        peerClosed = true;
        return true;
      }
      if (read > 0) {
        received.append(new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
        return true;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading from the daemon", e);
      }
    }
    return false;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parsed response; header names in lower case. */
  record Response(int status, Map<String, String> headers, String body, int length) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    static Response parse(CharSequence text) {
      String all = text.toString();
      int end = all.indexOf("\r\n\r\n");
      if (end < 0) {
        return null;
      }
      String[] lines = all.substring(0, end).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
      int bodyLength = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      if (all.length() < end + 4 + bodyLength) {
        return null;
      }
      String body = all.substring(end + 4, end + 4 + bodyLength);
      return new Response(
          status,
          headers,
          new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
          end + 4 + bodyLength);
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }
}

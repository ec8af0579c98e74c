package dev.tracker.it.reliability;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A child program that holds many idle connections to a daemon: the test JVM cannot hold 200 of its
 * own beside a daemon within CI's {@code ulimit -n 256}. Half the connections send nothing, the
 * other half the start of a request and never its end (a slow client). It then waits until the
 * daemon has closed every one of them, or its time is up, and reports when each was closed.
 *
 * <p>{@code IdleConnectionHolder SOCKET COUNT HOLD_MILLIS RESULT_FILE}. The result file (written
 * whole, by a rename) first says {@code connected=N} once every connection is made, then, at the
 * end, {@code closed=K} and {@code closeMillis=...} (each closed connection's time from its connect
 * to the daemon's close, in milliseconds).
 */
public final class IdleConnectionHolder {
  private static final long CONNECT_PATIENCE_MS = 5_000;

  private IdleConnectionHolder() {}

  public static void main(String[] args) throws Exception {
    UnixDomainSocketAddress address = UnixDomainSocketAddress.of(args[0]);
    int count = Integer.parseInt(args[1]);
    long holdMillis = Long.parseLong(args[2]);
    Path result = Path.of(args[3]);
    List<SocketChannel> channels = new ArrayList<>();
    List<Long> connectedAt = new ArrayList<>();
    int failed = 0;
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < count; i++) {
        SocketChannel channel = connect(address);
        if (channel == null) {
          failed++;
          continue;
        }
        if (i % 2 == 1) {
          channel.write(
              ByteBuffer.wrap(
                  "GET /v1/health HTTP/1.1\r\nHost: d\r\n".getBytes(StandardCharsets.US_ASCII)));
        }
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, channels.size());
        channels.add(channel);
        connectedAt.add(System.nanoTime());
      }
      write(result, "connected=" + channels.size() + "\nfailed=" + failed + "\n");
      long[] closedAfter = awaitClosed(selector, channels, connectedAt, holdMillis);
      StringJoiner millis = new StringJoiner(",");
      int closed = 0;
      for (long value : closedAfter) {
        if (value >= 0) {
          closed++;
          millis.add(Long.toString(value));
        }
      }
      write(
          result,
          "connected="
              + channels.size()
              + "\nfailed="
              + failed
              + "\nclosed="
              + closed
              + "\ncloseMillis="
              + millis
              + "\n");
    } finally {
      for (SocketChannel channel : channels) {
        channel.close();
      }
    }
  }

  /** A connected channel, or null if the daemon's accept queue stayed full for 5 s. */
  private static SocketChannel connect(UnixDomainSocketAddress address) throws IOException {
    long deadline = System.nanoTime() + CONNECT_PATIENCE_MS * 1_000_000;
    while (System.nanoTime() < deadline) {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.connect(address);
        return channel;
      } catch (IOException full) {
        channel.close();
        sleep(20);
      }
    }
    return null;
  }

  /** Each channel's time from connect to the daemon's close, in ms; -1 for those still open. */
  private static long[] awaitClosed(
      Selector selector, List<SocketChannel> channels, List<Long> connectedAt, long holdMillis)
      throws IOException {
    long[] closedAfter = new long[channels.size()];
    java.util.Arrays.fill(closedAfter, -1);
    int open = channels.size();
    ByteBuffer sink = ByteBuffer.allocate(8192);
    long deadline = System.nanoTime() + holdMillis * 1_000_000;
    while (open > 0 && System.nanoTime() < deadline) {
      selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      for (SelectionKey key : selector.selectedKeys()) {
        int index = (Integer) key.attachment();
        SocketChannel channel = (SocketChannel) key.channel();
        int read;
        try {
          sink.clear();
          read = channel.read(sink);
        } catch (IOException reset) {
          read = -1;
        }
        // Bytes (an error answer to the half-sent request) are read and dropped; the close counts.
        if (read < 0) {
          closedAfter[index] = (System.nanoTime() - connectedAt.get(index)) / 1_000_000;
          key.cancel();
          open--;
        }
      }
      selector.selectedKeys().clear();
    }
    return closedAfter;
  }

  private static void write(Path result, String text) throws IOException {
    Path temporary = result.resolveSibling(result.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, result, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

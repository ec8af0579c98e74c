package dev.tracker.cli.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One open socket to the daemon. The channel is non-blocking and registered with the client's
 * selector, so every wait for the peer (to connect, to take bytes, to send bytes) has a deadline: a
 * blocking channel ignores {@code SO_TIMEOUT}, and a watchdog thread would cost a thread per
 * process for what one {@code select} call does.
 *
 * <p>It counts what each exchange moved, so that the client can tell whether a request that failed
 * could have reached the daemon.
 */
final class Connection implements AutoCloseable {
  private static final int INPUT_BUFFER_BYTES = 16 * 1024;
  private static final long FIRST_CONNECT_PAUSE_MILLIS = 5;
  private static final long MAX_CONNECT_PAUSE_MILLIS = 50;

  private final SocketChannel channel;
  private final SelectionKey key;
  private final Selector selector;
  private final Duration ioTimeout;
  private final ByteBuffer input = ByteBuffer.allocate(INPUT_BUFFER_BYTES).flip();

  private int completedExchanges;
  private long bytesWritten;
  private long bytesRead;
  private boolean closedByPeer;

  private Connection(
      SocketChannel channel, SelectionKey key, Selector selector, Duration ioTimeout) {
    this.channel = channel;
    this.key = key;
    this.selector = selector;
    this.ioTimeout = ioTimeout;
  }

  /**
   * Connects within {@code connectTimeout}.
   *
   * @throws DaemonUnavailableException when nothing listens, or nothing accepts in time
   */
  static Connection open(
      SocketAddress address, Selector selector, Duration connectTimeout, Duration ioTimeout)
      throws IOException {
    long deadline = System.nanoTime() + connectTimeout.toNanos();
    long pauseMillis = FIRST_CONNECT_PAUSE_MILLIS;
    while (true) {
      try {
        return tryOpen(address, selector, deadline, connectTimeout, ioTimeout);
      } catch (IOException failure) {
        if (!ConnectFailures.isListenQueueFull(address, failure)) {
          throw ConnectFailures.classify(address, failure);
        }
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMillis <= 0) {
          throw ConnectFailures.timedOut(address, connectTimeout, failure);
        }
        pause(Math.min(pauseMillis, leftMillis));
        pauseMillis = Math.min(pauseMillis * 2, MAX_CONNECT_PAUSE_MILLIS);
      }
    }
  }

  private static Connection tryOpen(
      SocketAddress address,
      Selector selector,
      long deadline,
      Duration connectTimeout,
      Duration ioTimeout)
      throws IOException {
    SocketChannel channel = newChannel(address);
    boolean connected = false;
    try {
      channel.configureBlocking(false);
      SelectionKey key = channel.register(selector, 0);
      if (!channel.connect(address)) {
        awaitConnect(channel, key, selector, deadline, address, connectTimeout);
      }
      connected = true;
      return new Connection(channel, key, selector, ioTimeout);
    } finally {
      if (!connected) {
        release(channel, selector);
      }
    }
  }

  private static SocketChannel newChannel(SocketAddress address) throws IOException {
    if (address instanceof UnixDomainSocketAddress) {
      return SocketChannel.open(StandardProtocolFamily.UNIX);
    }
    SocketChannel channel = SocketChannel.open();
    try {
      // Requests are small and written at once; Nagle would only add delay.
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    } catch (IOException | RuntimeException failure) {
      channel.close();
      throw failure;
    }
    return channel;
  }

  private static void awaitConnect(
      SocketChannel channel,
      SelectionKey key,
      Selector selector,
      long deadline,
      SocketAddress address,
      Duration connectTimeout)
      throws IOException {
    key.interestOps(SelectionKey.OP_CONNECT);
    while (!channel.finishConnect()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw ConnectFailures.timedOut(address, connectTimeout, null);
      }
      selectOnce(selector, key, left);
    }
    key.interestOps(0);
  }

  /** Waits at most {@code nanos} for {@code key} to become ready; true if it did. */
  private static boolean selectOnce(Selector selector, SelectionKey key, long nanos)
      throws IOException {
    // select(0) would wait forever, so never round a short remainder down to 0.
    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
    boolean ready = selector.selectedKeys().remove(key);
    if (!ready && Thread.currentThread().isInterrupted()) {
      // An interrupted thread makes select return at once; without this it would spin.
      throw new InterruptedIOException("interrupted while waiting for the daemon");
    }
    return ready;
  }

  private static void pause(long millis) throws InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while connecting to the daemon");
    }
  }

  /**
   * Closing a channel registered with a selector defers the release of its descriptor to the
   * selector's next selection; select now so that a reconnect does not hold two sockets.
   */
  private static void release(SocketChannel channel, Selector selector) {
    try {
      channel.close();
      selector.selectNow();
    } catch (IOException ignored) {
      // Nothing more can be done about a socket that fails to close.
    }
  }

  void beginExchange() {
    bytesWritten = 0;
    bytesRead = 0;
    closedByPeer = false;
  }

  void endExchange() {
    completedExchanges++;
  }

  boolean reused() {
    return completedExchanges > 0;
  }

  long bytesWritten() {
    return bytesWritten;
  }

  long bytesRead() {
    return bytesRead;
  }

  /** True if the peer closed or reset the connection during the current exchange. */
  boolean closedByPeer() {
    return closedByPeer;
  }

  boolean hasBufferedInput() {
    return input.hasRemaining();
  }

  /**
   * True if the connection can carry another request: still open on our side, and the peer has
   * neither closed it while idle nor sent anything unasked. A non-blocking read answers that
   * without waiting.
   */
  boolean isReusable() {
    if (!channel.isOpen() || input.hasRemaining()) {
      return false;
    }
    try {
      input.clear();
      int read = channel.read(input);
      input.flip();
      return read == 0;
    } catch (IOException e) {
      input.clear().flip();
      return false;
    }
  }

  void write(ByteBuffer... buffers) throws IOException {
    long left = 0;
    for (ByteBuffer buffer : buffers) {
      left += buffer.remaining();
    }
    while (left > 0) {
      long written;
      try {
        written = channel.write(buffers);
      } catch (IOException e) {
        closedByPeer = true;
        throw e;
      }
      bytesWritten += written;
      left -= written;
      if (left > 0 && written == 0) {
        await(SelectionKey.OP_WRITE, "take the request");
      }
    }
  }

  /** The next byte from the peer, or -1 at the end of the stream. */
  int read() throws IOException {
    if (!input.hasRemaining() && !fillInput()) {
      return -1;
    }
    return input.get() & 0xff;
  }

  /** Reads up to {@code length} bytes, at least one; -1 at the end of the stream. */
  int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (input.hasRemaining()) {
      int count = Math.min(length, input.remaining());
      input.get(target, offset, count);
      return count;
    }
    // Large bodies go straight into their array rather than through the input buffer.
    return readFromChannel(ByteBuffer.wrap(target, offset, length));
  }

  private boolean fillInput() throws IOException {
    input.clear();
    int read;
    try {
      read = readFromChannel(input);
    } finally {
      input.flip();
    }
    return read > 0;
  }

  private int readFromChannel(ByteBuffer target) throws IOException {
    while (true) {
      int read;
      try {
        read = channel.read(target);
      } catch (IOException e) {
        closedByPeer = true;
        throw e;
      }
      if (read < 0) {
        closedByPeer = true;
        return -1;
      }
      if (read > 0) {
        bytesRead += read;
        return read;
      }
      await(SelectionKey.OP_READ, "answer");
    }
  }

  private void await(int operation, String what) throws IOException {
    key.interestOps(operation);
    long deadline = System.nanoTime() + ioTimeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new SocketTimeoutException(
              "the daemon did not " + what + " within " + ioTimeout.toMillis() + " ms");
        }
        if (selectOnce(selector, key, left)) {
          return;
        }
      }
    } finally {
      key.interestOps(0);
    }
  }

  @Override
  public void close() {
    release(channel, selector);
  }
}

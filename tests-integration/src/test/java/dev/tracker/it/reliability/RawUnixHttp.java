package dev.tracker.it.reliability;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A client that sends whatever bytes it is given to the daemon's Unix socket and reads what comes
 * back, trusting nothing: unlike the CLI's client it never fixes a request up, so that broken, slow
 * and cut requests reach the daemon as they are.
 *
 * <p>One connection is open at a time, non-blocking and registered with one selector kept for the
 * client's life, so every wait has a deadline. A connection is kept for the next request only when
 * the request was framed exactly and the answer neither asked to close nor carried extra bytes.
 */
final class RawUnixHttp implements AutoCloseable {
  private static final int TRICKLE_PIECES = 4;
  private static final long TRICKLE_PAUSE_MILLIS = 6;

  /** What became of one request. */
  sealed interface Outcome {
    record Answered(WireResponse response) implements Outcome {}

    /** The daemon closed or reset the connection without a complete answer. */
    record NoAnswer(String why) implements Outcome {}

    /** Bytes came back that are not an HTTP response. */
    record Garbled(String why) implements Outcome {}

    /** Nothing complete came back within the deadline. */
    record Hung(long millis) implements Outcome {}

    /** The client closed the connection itself, on purpose, without waiting. */
    record NotAwaited() implements Outcome {}
  }

  private final UnixDomainSocketAddress address;
  private final Duration answerTimeout;
  private final Selector selector;
  private final ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
  private SocketChannel channel;
  private SelectionKey key;
  private byte[] input = new byte[64 * 1024];
  private int inputLength;
  private int connectionsOpened;
  private boolean reused;
  private int retries;

  RawUnixHttp(Path socket, Duration answerTimeout) throws IOException {
    this.address = UnixDomainSocketAddress.of(socket);
    this.answerTimeout = answerTimeout;
    this.selector = Selector.open();
  }

  int connectionsOpened() {
    return connectionsOpened;
  }

  /** Requests sent again because a kept connection turned out to be closed by the daemon. */
  int retries() {
    return retries;
  }

  Outcome send(RawRequest request) throws IOException {
    if (!request.reusable() || (channel != null && !stillOpen())) {
      closeConnection();
    }
    if (channel == null) {
      open();
    }
    boolean wasReused = reused;
    Outcome outcome = deliver(request);
    if (wasReused
        && outcome instanceof Outcome.NoAnswer
        && inputLength == 0
        && request.delivery() != RawRequest.Delivery.CUT_AND_HALF_CLOSE) {
      // The daemon closed a kept connection as the request went out: it never read the request
      // (it reads nothing more on a connection it has decided to close), so sending it again on a
      // new connection is what any HTTP/1.1 client does.
      retries++;
      closeConnection();
      open();
      outcome = deliver(request);
    }
    reused = true;
    boolean keep =
        request.reusable()
            && outcome instanceof Outcome.Answered answered
            && !answered.response().closesConnection()
            && answered.response().leftover() == 0;
    if (!keep) {
      closeConnection();
    }
    return outcome;
  }

  /**
   * A kept connection the daemon has not closed and that holds no unasked bytes; a non-blocking
   * read tells without waiting.
   */
  private boolean stillOpen() {
    chunk.clear();
    try {
      return channel.read(chunk) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private Outcome deliver(RawRequest request) throws IOException {
    inputLength = 0;
    byte[] bytes = request.bytes();
    switch (request.delivery()) {
      case WHOLE -> write(bytes, 0, bytes.length);
      case TRICKLE -> {
        int step = Math.max(1, bytes.length / TRICKLE_PIECES);
        for (int from = 0; from < bytes.length; from += step) {
          if (!write(bytes, from, Math.min(step, bytes.length - from))) {
            break;
          }
          pause();
        }
      }
      case CUT_AND_CLOSE -> {
        write(bytes, 0, request.cutAt());
        closeConnection();
        return new Outcome.NotAwaited();
      }
      case CUT_AND_HALF_CLOSE -> {
        if (write(bytes, 0, request.cutAt())) {
          try {
            channel.shutdownOutput();
          } catch (IOException alreadyGone) {
            // The daemon closed first; what it answered, if anything, is read below.
          }
        }
      }
    }
    return answer(request.headRequest());
  }

  /**
   * Writes {@code bytes[from, from + length)}; false if the daemon answered or went away first (it
   * may answer a request it refuses before the body is in, and then close).
   */
  private boolean write(byte[] bytes, int from, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, from, length);
    long deadline = System.nanoTime() + answerTimeout.toNanos();
    while (buffer.hasRemaining()) {
      int written;
      try {
        written = channel.write(buffer);
      } catch (IOException peerGone) {
        return false;
      }
      if (written == 0) {
        int ready = await(SelectionKey.OP_WRITE | SelectionKey.OP_READ, deadline);
        if ((ready & SelectionKey.OP_READ) != 0 || ready < 0) {
          return false;
        }
      }
    }
    return true;
  }

  private Outcome answer(boolean headRequest) throws IOException {
    long start = System.nanoTime();
    long deadline = start + answerTimeout.toNanos();
    while (true) {
      try {
        WireResponse response = WireResponse.parse(input, inputLength, headRequest, false);
        if (response != null) {
          return new Outcome.Answered(response);
        }
      } catch (WireResponse.Malformed e) {
        return new Outcome.Garbled(e.getMessage());
      }
      chunk.clear();
      int read;
      try {
        read = channel.read(chunk);
      } catch (IOException reset) {
        read = -1;
      }
      if (read < 0) {
        return atEndOfStream(headRequest);
      }
      if (read > 0) {
        append(chunk.flip());
        continue;
      }
      if (await(SelectionKey.OP_READ, deadline) < 0) {
        return new Outcome.Hung(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      }
    }
  }

  private Outcome atEndOfStream(boolean headRequest) {
    if (inputLength == 0) {
      return new Outcome.NoAnswer("closed without an answer");
    }
    try {
      return new Outcome.Answered(WireResponse.parse(input, inputLength, headRequest, true));
    } catch (WireResponse.Malformed e) {
      return new Outcome.Garbled(e.getMessage());
    }
  }

  private void append(ByteBuffer bytes) {
    if (inputLength + bytes.remaining() > input.length) {
      input = Arrays.copyOf(input, Math.max(input.length * 2, inputLength + bytes.remaining()));
    }
    int count = bytes.remaining();
    bytes.get(input, inputLength, count);
    inputLength += count;
  }

  /** The ready operations, or -1 once {@code deadline} has passed. */
  private int await(int operations, long deadline) throws IOException {
    key.interestOps(operations);
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return -1;
        }
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        if (selector.selectedKeys().remove(key)) {
          return key.readyOps();
        }
      }
    } finally {
      key.interestOps(0);
    }
  }

  private void open() throws IOException {
    SocketChannel opened = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      opened.connect(address);
      opened.configureBlocking(false);
      key = opened.register(selector, 0);
    } catch (IOException | RuntimeException e) {
      opened.close();
      selector.selectNow();
      throw e;
    }
    channel = opened;
    reused = false;
    connectionsOpened++;
  }

  /** Closing a registered channel frees its descriptor at the next selection: select now. */
  private void closeConnection() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
      key = null;
      selector.selectNow();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(TRICKLE_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while trickling a request", e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      closeConnection();
    } finally {
      selector.close();
    }
  }
}

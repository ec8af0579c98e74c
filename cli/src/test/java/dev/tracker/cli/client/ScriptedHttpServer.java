package dev.tracker.cli.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server small enough to script: one thread accepts connections one at a time and hands
 * each to the test's script, which reads requests and writes raw response bytes. Closing it stops
 * the thread and fails the test if the script failed.
 */
public final class ScriptedHttpServer implements AutoCloseable {
  static final String THREAD_NAME = "tracker-test-http-server";
  private static final long JOIN_MILLIS = 5_000;

  /** What the server does with one accepted connection; the connection closes when it returns. */
  @FunctionalInterface
  public interface Script {
    void run(ServerConnection connection) throws Exception;
  }

  private final ServerSocketChannel listener;
  private final SocketAddress address;
  private final Path socketFile;
  private final Script script;
  private final Thread thread;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private SocketChannel current;
  private boolean stopping;

  private ScriptedHttpServer(ServerSocketChannel listener, Path socketFile, Script script)
      throws IOException {
    this.listener = listener;
    this.address = listener.getLocalAddress();
    this.socketFile = socketFile;
    this.script = script;
    this.thread = new Thread(this::serve, THREAD_NAME);
    thread.setDaemon(true);
    thread.start();
  }

  public static ScriptedHttpServer unix(Path socketFile, Script script) throws IOException {
    ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    listener.bind(UnixDomainSocketAddress.of(socketFile));
    return new ScriptedHttpServer(listener, socketFile, script);
  }

  static ScriptedHttpServer tcp(Script script) throws IOException {
    ServerSocketChannel listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return new ScriptedHttpServer(listener, null, script);
  }

  public SocketAddress address() {
    return address;
  }

  public int acceptedConnections() {
    return accepted.get();
  }

  public List<RecordedRequest> requests() {
    return requests;
  }

  private void serve() {
    while (true) {
      try (SocketChannel channel = listener.accept()) {
        synchronized (lock) {
          if (stopping) {
            return;
          }
          current = channel;
        }
        try (ServerConnection connection =
            new ServerConnection(channel, accepted.incrementAndGet(), requests)) {
          script.run(connection);
        }
      } catch (Exception e) {
        synchronized (lock) {
          if (stopping) {
            return;
          }
        }
        failures.add(e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      stopping = true;
      listener.close();
      if (current != null) {
        // Unblocks a script waiting to read.
        current.close();
      }
    }
    try {
      thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while stopping " + THREAD_NAME, e);
    }
    if (socketFile != null) {
      Files.deleteIfExists(socketFile);
    }
    if (thread.isAlive()) {
      throw new AssertionError(THREAD_NAME + " did not stop within " + JOIN_MILLIS + " ms");
    }
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("the server script failed", failures.get(0));
      failures.stream().skip(1).forEach(error::addSuppressed);
      throw error;
    }
  }
}

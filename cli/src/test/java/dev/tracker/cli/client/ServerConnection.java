package dev.tracker.cli.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The test server's side of one accepted connection, in blocking mode. */
public final class ServerConnection implements AutoCloseable {
  private final SocketChannel channel;
  private final InputStream in;
  private final int index;
  private final List<RecordedRequest> requests;

  ServerConnection(SocketChannel channel, int index, List<RecordedRequest> requests) {
    this.channel = channel;
    this.in = new BufferedInputStream(Channels.newInputStream(channel));
    this.index = index;
    this.requests = requests;
  }

  /** 1 for the first connection the server accepted, 2 for the second, and so on. */
  public int index() {
    return index;
  }

  /** The next request, or {@code null} if the client closed the connection instead. */
  public RecordedRequest readRequest() throws IOException {
    String requestLine = readLine();
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3 || !parts[2].equals("HTTP/1.1")) {
      throw new IOException("bad request line: " + requestLine);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    if (body.length != length) {
      throw new IOException("request body cut short");
    }
    RecordedRequest request = new RecordedRequest(parts[0], parts[1], headers, body);
    requests.add(request);
    return request;
  }

  /** Null at the end of the stream before any byte; a line ends with CRLF. */
  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new IOException("end of stream inside a line");
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        if (!text.endsWith("\r")) {
          throw new IOException("line without CR: " + text);
        }
        return text.substring(0, text.length() - 1);
      }
      line.write(b);
    }
  }

  public void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public void send(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** For responses the client may stop reading half way: it then closes, and writing fails. */
  void sendIgnoringFailure(String text) {
    try {
      send(text);
    } catch (IOException expected) {
      // The client gave up on the response, as the test wants.
    }
  }

  /**
   * Reads and discards until the client closes its side. A client that closes with part of a
   * response still unread makes the kernel reset the connection; that is its way of closing too.
   */
  void awaitEndOfStream() throws IOException {
    try {
      while (in.read() >= 0) {
        // discard
      }
    } catch (SocketException e) {
      if (!String.valueOf(e.getMessage()).contains("reset")) {
        throw e;
      }
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}

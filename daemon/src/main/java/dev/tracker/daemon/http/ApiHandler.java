package dev.tracker.daemon.http;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Jetty handler of the API: checks the peer, routes, runs the route, and renders its reply
 * or its failure as JSON. Every response carries a request id; every 5xx is logged under it, and no
 * stack trace ever reaches a client.
 */
public final class ApiHandler extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
  static final String REQUEST_ID_HEADER = "X-Request-Id";

  private final Router router;
  private final Json json;
  private final Metrics metrics;
  private final PeerCheck peers;
  private final TcpAccess tcp;
  private final ConnectionGuard guard;
  private final java.util.function.Consumer<String> onProjectWrite;
  private final long maxBodyBytes;
  private final AtomicLong requestIds = new AtomicLong();
  private final String idPrefix = Long.toString(ProcessHandle.current().pid(), 36) + "-";

  /**
   * @param tcp the guard of the loopback TCP listener, or {@code null} when there is none
   * @param guard the connection limit and descriptor budget, also given to the {@link HttpServer}
   * @param onProjectWrite told the project key after every successful write to a project
   */
  public ApiHandler(
      Router router,
      Json json,
      Metrics metrics,
      java.nio.file.attribute.UserPrincipal self,
      TcpAccess tcp,
      ConnectionGuard guard,
      long maxBodyBytes,
      java.util.function.Consumer<String> onProjectWrite) {
    this.tcp = tcp;
    this.guard = guard;
    this.onProjectWrite = onProjectWrite;
    this.router = router;
    this.json = json;
    this.metrics = metrics;
    this.peers = new PeerCheck(self);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String requestId = nextRequestId();
    String route = "unmatched";
    Reply reply;
    try {
      guard.admit(request);
      if (TcpAccess.isTcp(request)) {
        if (tcp == null) {
          throw new TrackerException(ErrorCode.FORBIDDEN, "TCP access is not enabled");
        }
        tcp.check(request);
      }
      String peer = peers.verify(request);
      Router.Match match = router.match(request.getMethod(), request.getHttpURI().getPath());
      route = match.route().name();
      Exchange exchange = new Exchange(request, match.parameters(), json, maxBodyBytes, peer);
      reply = match.route().handler().handle(exchange);
      String project = match.parameters().get("project");
      if (project != null && reply.status() < 300 && !request.getMethod().equals("GET")) {
        onProjectWrite.accept(project);
      }
    } catch (Exception | LinkageError | AssertionError e) {
      reply = failed(e, requestId, request.getMethod(), route);
    }
    log.debug("request {} {} {} -> {}", requestId, request.getMethod(), route, reply.status());
    send(response, reply, requestId, callback);
    metrics.record(route, reply.status(), System.nanoTime() - start);
    return true;
  }

  private String nextRequestId() {
    return idPrefix + Long.toString(requestIds.incrementAndGet(), 36);
  }

  /**
   * The server's error handler: what Jetty refuses before this handler runs is answered as a
   * problem document too, with a request id from the same sequence.
   */
  Request.Handler errorHandler() {
    return new ProblemErrorHandler(json, this::nextRequestId);
  }

  /** The problem a failure is answered with; every 5xx is logged under the request id. */
  private Reply failed(Throwable e, String requestId, String method, String route) {
    Throwable failure = ConnectionGuard.isOutOfDescriptors(e) ? guard.outOfDescriptors(e) : e;
    if (!(failure instanceof TrackerException known)) {
      log.error("request {} {} {} failed", requestId, method, route, failure);
      return problem(Problem.internal(requestId));
    }
    ErrorCode code = known.code();
    if (code == ErrorCode.TOO_MANY_CONNECTIONS || code == ErrorCode.OUT_OF_FILE_DESCRIPTORS) {
      // Load shed on purpose: one line, no stack trace, however many there are.
      log.warn("request {} {} {} refused: {}", requestId, method, route, known.getMessage());
    } else if (code.httpStatus() >= 500) {
      log.warn("request {} {} {} failed: {}", requestId, method, route, known.getMessage(), known);
    }
    return problem(Problem.of(known, requestId));
  }

  private void send(Response response, Reply reply, String requestId, Callback callback) {
    response.setStatus(reply.status());
    response.getHeaders().put(REQUEST_ID_HEADER, requestId);
    reply.headers().forEach(response.getHeaders()::put);
    if (reply.body() == null) {
      response.write(true, null, callback);
      return;
    }
    byte[] body;
    String type;
    if (reply.body() instanceof PlainText text) {
      body = text.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      type = text.mediaType();
    } else if (reply.body() instanceof Bytes bytes) {
      body = bytes.content();
      type = bytes.mediaType();
    } else {
      body = json.write(reply.body());
      type = reply.body() instanceof Problem ? Problem.MEDIA_TYPE : "application/json";
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static Reply problem(Problem problem) {
    Map<String, String> headers =
        switch (problem.code()) {
          case UNAUTHORIZED -> Map.of("WWW-Authenticate", "Bearer");
          case METHOD_NOT_ALLOWED -> Map.of("Allow", String.join(", ", problem.candidates()));
          // The connection goes too: that is what gives a slot or a descriptor back.
          case TOO_MANY_CONNECTIONS, OUT_OF_FILE_DESCRIPTORS ->
              Map.of("Retry-After", "1", "Connection", "close");
          default -> problem.status() == 503 ? Map.of("Retry-After", "1") : Map.of();
        };
    return new Reply(problem.status(), problem, headers);
  }

  /** A non-JSON body (the Prometheus metrics). */
  public record PlainText(String text, String mediaType) {}

  /** A body already encoded (an export), sent as it is. */
  public record Bytes(byte[] content, String mediaType) {}
}

package dev.tracker.daemon.http;

import dev.tracker.core.error.ErrorCode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before any route runs (a request line, header section or body framing
 * that is not HTTP/1.1, a target too long) and the 503 of a stopping daemon as the API answers
 * everything else: a problem document with a request id, instead of Jetty's HTML page (or an empty
 * body for some methods). An HTTP version the daemon does not speak is the client's mistake: it is
 * a 400, not the 505 Jetty gives, so that no malformed request ever gets a 5xx.
 */
final class ProblemErrorHandler implements Request.Handler {
  private static final int DETAIL_MAX_CHARS = 200;

  private final Json json;
  private final Supplier<String> requestIds;

  ProblemErrorHandler(Json json, Supplier<String> requestIds) {
    this.json = json;
    this.requestIds = requestIds;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String message = (String) request.getAttribute(ErrorHandler.ERROR_MESSAGE);
    boolean badMessage = false;
    if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException http) {
      badMessage = true;
      status = http.getCode();
      if (message == null) {
        message = http.getReason();
      }
    }
    // A server-side reason could name internals; only a client's mistake is described.
    String detail = message == null || status >= 500 ? HttpStatus.getMessage(status) : message;
    if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
      status = HttpStatus.BAD_REQUEST_400;
      detail = detail + "; the daemon speaks HTTP/1.1";
    }
    String requestId = requestIds.get();
    response.setStatus(status);
    response.getHeaders().put(ApiHandler.REQUEST_ID_HEADER, requestId);
    if (badMessage) {
      // Jetty closes a connection after a message it could not parse; saying so spares a client
      // from sending its next request into a closing socket.
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
      callback.succeeded();
      return true;
    }
    ErrorCode code = codeOf(status);
    Problem problem =
        new Problem(
            "about:blank",
            Problem.titleOf(code),
            status,
            code,
            printable(detail),
            null,
            List.of(),
            requestId);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.write(true, ByteBuffer.wrap(json.write(problem)), callback);
    return true;
  }

  private static ErrorCode codeOf(int status) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.httpStatus() == status && code != ErrorCode.BUSY) {
        return code;
      }
    }
    return status < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL;
  }

  /** Jetty's reason on one short line: it may quote what the client sent. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < DETAIL_MAX_CHARS; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.length() < text.length() ? out + "..." : out.toString();
  }
}

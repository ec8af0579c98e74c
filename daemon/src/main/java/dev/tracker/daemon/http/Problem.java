package dev.tracker.daemon.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error: {@code code} is stable for scripts, {@code
 * detail} is one line for people, {@code field} names the offending input.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    ErrorCode code,
    String detail,
    String field,
    List<String> candidates,
    String requestId) {

  public static final String MEDIA_TYPE = "application/problem+json";

  static Problem of(TrackerException e, String requestId) {
    ErrorCode code = e.code();
    return new Problem(
        "about:blank",
        titleOf(code),
        code.httpStatus(),
        code,
        e.getMessage(),
        e.field(),
        e.candidates(),
        requestId);
  }

  static Problem internal(String requestId) {
    ErrorCode code = ErrorCode.INTERNAL;
    return new Problem(
        "about:blank",
        titleOf(code),
        code.httpStatus(),
        code,
        "the daemon failed to handle this request; its log has the details under request id "
            + requestId,
        null,
        List.of(),
        requestId);
  }

  static String titleOf(ErrorCode code) {
    String words = code.wire().replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}

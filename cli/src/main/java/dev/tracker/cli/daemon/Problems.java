package dev.tracker.cli.daemon;

import dev.tracker.cli.CliException;
import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonException;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.ExitCode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the daemon's {@code application/problem+json} answers into one-line errors with the exit
 * code of core's {@link ErrorCode} table and a hint of what to do next.
 */
public final class Problems {
  private Problems() {}

  public static CliException from(int status, byte[] body) {
    JsonObject problem;
    try {
      problem =
          body.length == 0
              ? new JsonObject()
              : Json.parseObject(new String(body, StandardCharsets.UTF_8));
    } catch (JsonException e) {
      problem = new JsonObject();
    }
    String wire = problem.string("code");
    ErrorCode code = wire != null ? ErrorCode.fromWire(wire) : byStatus(status);
    String detail = problem.string("detail");
    String message =
        detail != null ? detail : problem.string("title", "the daemon answered HTTP " + status);
    return new CliException(code.exitCode(), code.wire(), message, hint(code, problem), null);
  }

  private static ErrorCode byStatus(int status) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.httpStatus() == status) {
        return code;
      }
    }
    return status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_REQUEST;
  }

  private static String hint(ErrorCode code, JsonObject problem) {
    List<String> candidates = candidates(problem);
    switch (code) {
      case AMBIGUOUS_ID:
        return "type more of the id; it matches " + String.join(", ", candidates);
      case NOT_FOUND:
        return "'tracker list --all' shows the issues, 'tracker projects' the projects";
      case VALIDATION_FAILED:
      case INVALID_REQUEST:
        return problem.string("field") != null
            ? "check the value of " + problem.string("field")
            : "see 'tracker help' for the accepted values";
      case DEPENDENCY_CYCLE:
        return candidates.isEmpty()
            ? "remove one of the edges with 'tracker dep remove'"
            : "it would close the cycle " + String.join(" -> ", candidates);
      case VERSION_CONFLICT:
        return "the issue changed meanwhile; look at it with 'tracker show' and try again";
      case ALREADY_EXISTS:
        return "'tracker projects' lists what is registered";
      case BUSY:
        return "the database is busy; try again in a moment";
      case TOO_MANY_CONNECTIONS:
        return "other clients hold every connection the daemon serves; try again in a moment";
      case OUT_OF_FILE_DESCRIPTORS:
        return "try again in a moment; if it persists, raise the daemon's limit (ulimit -n) and"
            + " restart it: tracker daemon restart";
      case INTERNAL:
        return "the daemon log has details"
            + (problem.string("requestId") != null
                ? " under request " + problem.string("requestId")
                : "")
            + ": tracker daemon logs";
      case FORBIDDEN:
      case UNAUTHORIZED:
        return "the daemon serves only the user who started it";
      case INSUFFICIENT_STORAGE:
        return "free some disk space; reading still works";
      default:
        return null;
    }
  }

  private static List<String> candidates(JsonObject problem) {
    try {
      return problem.strings("candidates");
    } catch (JsonException e) {
      return List.of();
    }
  }

  /** For answers that are neither success nor a problem document. */
  public static CliException unexpected(String method, String path, int status) {
    return new CliException(
        ExitCode.ERROR,
        "internal_error",
        "unexpected answer HTTP " + status + " to " + method + " " + path,
        "the daemon and this tracker may not match: tracker version",
        null);
  }
}

package dev.tracker.core.error;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The one table of failures: each has a stable wire code (the {@code code} of a problem response),
 * the HTTP status the daemon answers with, and the exit code the CLI ends with.
 */
public enum ErrorCode {
  INVALID_REQUEST("invalid_request", 400, ExitCode.USAGE),
  VALIDATION_FAILED("validation_failed", 400, ExitCode.USAGE),
  AMBIGUOUS_ID("ambiguous_id", 400, ExitCode.USAGE),
  UNAUTHORIZED("unauthorized", 401, ExitCode.ERROR),
  FORBIDDEN("forbidden", 403, ExitCode.ERROR),
  NOT_FOUND("not_found", 404, ExitCode.NOT_FOUND),
  METHOD_NOT_ALLOWED("method_not_allowed", 405, ExitCode.USAGE),
  ALREADY_EXISTS("already_exists", 409, ExitCode.CONFLICT),
  DEPENDENCY_CYCLE("dependency_cycle", 409, ExitCode.CONFLICT),
  VERSION_CONFLICT("version_conflict", 412, ExitCode.CONFLICT),
  PAYLOAD_TOO_LARGE("payload_too_large", 413, ExitCode.USAGE),
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415, ExitCode.USAGE),
  INTERNAL("internal_error", 500, ExitCode.ERROR),
  BUSY("busy", 503, ExitCode.UNAVAILABLE),
  DAEMON_UNAVAILABLE("daemon_unavailable", 503, ExitCode.UNAVAILABLE),
  TOO_MANY_CONNECTIONS("too_many_connections", 503, ExitCode.UNAVAILABLE),
  OUT_OF_FILE_DESCRIPTORS("out_of_file_descriptors", 503, ExitCode.UNAVAILABLE),
  INSUFFICIENT_STORAGE("insufficient_storage", 507, ExitCode.ERROR);

  private final String wire;
  private final int httpStatus;
  private final int exitCode;

  ErrorCode(String wire, int httpStatus, int exitCode) {
    this.wire = wire;
    this.httpStatus = httpStatus;
    this.exitCode = exitCode;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int exitCode() {
    return exitCode;
  }

  public static ErrorCode fromWire(String wire) {
    for (ErrorCode code : values()) {
      if (code.wire.equals(wire)) {
        return code;
      }
    }
    return INTERNAL;
  }
}

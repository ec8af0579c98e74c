package dev.tracker.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCodeTest {
  @Test
  void wireCodesAreUniqueLowerSnakeCase() {
    assertThat(ErrorCode.values())
        .extracting(ErrorCode::wire)
        .doesNotHaveDuplicates()
        .allMatch(wire -> wire.matches("[a-z]+(_[a-z]+)*"));
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void fromWireRoundTrips(ErrorCode code) {
    assertThat(ErrorCode.fromWire(code.wire())).isSameAs(code);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"no_such_code", "NOT_FOUND", "not-found", " not_found"})
  void fromWireMapsUnknownCodesToInternal(String wire) {
    assertThat(ErrorCode.fromWire(wire)).isSameAs(ErrorCode.INTERNAL);
  }

  @Test
  void internalTravelsAsInternalError() {
    assertThat(ErrorCode.INTERNAL.wire()).isEqualTo("internal_error");
    assertThat(ErrorCode.fromWire("internal_error")).isSameAs(ErrorCode.INTERNAL);
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void httpStatusIsAnErrorStatus(ErrorCode code) {
    assertThat(code.httpStatus()).isBetween(400, 599);
  }

  @ParameterizedTest
  @CsvSource({
    "INVALID_REQUEST, 400",
    "VALIDATION_FAILED, 400",
    "AMBIGUOUS_ID, 400",
    "UNAUTHORIZED, 401",
    "FORBIDDEN, 403",
    "NOT_FOUND, 404",
    "METHOD_NOT_ALLOWED, 405",
    "ALREADY_EXISTS, 409",
    "DEPENDENCY_CYCLE, 409",
    "VERSION_CONFLICT, 412",
    "PAYLOAD_TOO_LARGE, 413",
    "UNSUPPORTED_MEDIA_TYPE, 415",
    "INTERNAL, 500",
    "BUSY, 503",
    "DAEMON_UNAVAILABLE, 503",
    "TOO_MANY_CONNECTIONS, 503",
    "OUT_OF_FILE_DESCRIPTORS, 503",
    "INSUFFICIENT_STORAGE, 507",
  })
  void httpStatuses(ErrorCode code, int status) {
    assertThat(code.httpStatus()).isEqualTo(status);
  }

  @Test
  void documentedExitCodes() {
    Map<ErrorCode, Integer> documented =
        Map.of(
            ErrorCode.VALIDATION_FAILED, 2,
            ErrorCode.NOT_FOUND, 3,
            ErrorCode.VERSION_CONFLICT, 4,
            ErrorCode.DEPENDENCY_CYCLE, 4,
            ErrorCode.ALREADY_EXISTS, 4,
            ErrorCode.BUSY, 5,
            ErrorCode.DAEMON_UNAVAILABLE, 5,
            ErrorCode.TOO_MANY_CONNECTIONS, 5,
            ErrorCode.OUT_OF_FILE_DESCRIPTORS, 5);
    documented.forEach((code, exit) -> assertThat(code.exitCode()).as(code.name()).isEqualTo(exit));
  }

  @ParameterizedTest
  @CsvSource({
    "INVALID_REQUEST, 2",
    "AMBIGUOUS_ID, 2",
    "METHOD_NOT_ALLOWED, 2",
    "PAYLOAD_TOO_LARGE, 2",
    "UNSUPPORTED_MEDIA_TYPE, 2",
    "UNAUTHORIZED, 1",
    "FORBIDDEN, 1",
    "INTERNAL, 1",
    "INSUFFICIENT_STORAGE, 1",
  })
  void otherExitCodes(ErrorCode code, int exit) {
    assertThat(code.exitCode()).isEqualTo(exit);
  }

  @Test
  void noErrorExitsWithSuccess() {
    assertThat(Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::exitCode))
        .allMatch(exit -> exit >= ExitCode.ERROR && exit <= ExitCode.UNAVAILABLE);
  }

  @Test
  void exitCodeConstants() {
    assertThat(ExitCode.OK).isZero();
    assertThat(ExitCode.ERROR).isEqualTo(1);
    assertThat(ExitCode.USAGE).isEqualTo(2);
    assertThat(ExitCode.NOT_FOUND).isEqualTo(3);
    assertThat(ExitCode.CONFLICT).isEqualTo(4);
    assertThat(ExitCode.UNAVAILABLE).isEqualTo(5);
  }
}

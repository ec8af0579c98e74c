package dev.tracker.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared checks for validation failures: code, field, and a message that names the field. */
public final class ValidationAssertions {
  private ValidationAssertions() {}

  /**
   * Asserts that {@code call} throws a {@link TrackerException} with code {@code
   * VALIDATION_FAILED}, the given {@code field}, and a message that starts with the field name and
   * contains every one of {@code messageParts}.
   */
  public static TrackerException assertValidationFailure(
      ThrowingCallable call, String field, String... messageParts) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected a validation failure").isInstanceOf(TrackerException.class);
    TrackerException failure = (TrackerException) thrown;
    assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(failure.field()).isEqualTo(field);
    assertThat(failure.getMessage()).startsWith(field + ": ");
    if (messageParts.length > 0) {
      assertThat(failure.getMessage()).contains(messageParts);
    }
    assertThat(failure.candidates()).isEmpty();
    return failure;
  }
}

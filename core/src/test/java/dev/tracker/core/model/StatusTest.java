package dev.tracker.core.model;

import static dev.tracker.core.error.ValidationAssertions.assertValidationFailure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StatusTest {
  @Test
  void wireValues() {
    assertThat(Status.values())
        .extracting(Status::wire)
        .containsExactly("open", "in_progress", "blocked", "deferred", "closed");
  }

  @ParameterizedTest
  @CsvSource({
    "open, OPEN",
    "OPEN, OPEN",
    "in_progress, IN_PROGRESS",
    "in-progress, IN_PROGRESS",
    "In_Progress, IN_PROGRESS",
    "IN-PROGRESS, IN_PROGRESS",
    "blocked, BLOCKED",
    "Deferred, DEFERRED",
    "closed, CLOSED",
  })
  void parsesCaseInsensitively(String text, Status expected) {
    assertThat(Status.parse(text)).isSameAs(expected);
  }

  @Test
  void unknownValueNamesTheStatusFieldAndListsTheStatuses() {
    assertValidationFailure(
        () -> Status.parse("done"),
        "status",
        "unknown value 'done'",
        "open, in_progress, blocked, deferred, closed");
  }

  @Test
  void emptyValueNamesTheStatusField() {
    assertValidationFailure(() -> Status.parse(null), "status", "must not be empty");
    assertValidationFailure(() -> Status.parse(""), "status", "must not be empty");
  }

  @ParameterizedTest
  @EnumSource(value = Status.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
  void onlyClosedIsClosed(Status open) {
    assertThat(open.isClosed()).isFalse();
    assertThat(Status.CLOSED.isClosed()).isTrue();
  }
}

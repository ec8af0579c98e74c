package dev.tracker.core.model;

import static dev.tracker.core.error.ValidationAssertions.assertValidationFailure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventKindTest {
  private static final String ALL =
      "created, updated, closed, reopened, commented, comment_deleted, labelled, unlabelled,"
          + " dependency_added, dependency_removed, deleted";

  @Test
  void wireValues() {
    assertThat(EventKind.values()).extracting(EventKind::wire).containsExactly(ALL.split(", "));
  }

  @ParameterizedTest
  @CsvSource({
    "created, CREATED",
    "CLOSED, CLOSED",
    "Reopened, REOPENED",
    "comment_deleted, COMMENT_DELETED",
    "comment-deleted, COMMENT_DELETED",
    "COMMENT_DELETED, COMMENT_DELETED",
    "dependency-added, DEPENDENCY_ADDED",
    "Dependency_Removed, DEPENDENCY_REMOVED",
    "unlabelled, UNLABELLED",
  })
  void parsesCaseInsensitively(String text, EventKind expected) {
    assertThat(EventKind.parse(text)).isSameAs(expected);
  }

  @Test
  void unknownValueNamesTheKindFieldAndListsEveryEventKind() {
    assertValidationFailure(
        () -> EventKind.parse("moved"), "kind", "unknown value 'moved'", "expected one of " + ALL);
  }

  @Test
  void emptyValueNamesTheKindField() {
    assertValidationFailure(() -> EventKind.parse("\t"), "kind", "must not be empty; one of ");
  }
}

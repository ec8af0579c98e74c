package dev.tracker.core.model;

import static dev.tracker.core.error.ValidationAssertions.assertValidationFailure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IssueTypeTest {
  @Test
  void wireValues() {
    assertThat(IssueType.values())
        .extracting(IssueType::wire)
        .containsExactly("bug", "feature", "task", "epic", "chore");
  }

  @ParameterizedTest
  @CsvSource({
    "bug, BUG",
    "BUG, BUG",
    "Feature, FEATURE",
    "task, TASK",
    "EPIC, EPIC",
    "' chore ', CHORE",
  })
  void parsesCaseInsensitively(String text, IssueType expected) {
    assertThat(IssueType.parse(text)).isSameAs(expected);
  }

  @Test
  void unknownValueNamesTheTypeFieldAndListsTheTypes() {
    assertValidationFailure(
        () -> IssueType.parse("story"),
        "type",
        "unknown value 'story'",
        "bug, feature, task, epic, chore");
  }

  @Test
  void emptyValueNamesTheTypeField() {
    assertValidationFailure(() -> IssueType.parse(" "), "type", "must not be empty");
  }
}

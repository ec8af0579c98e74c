package dev.tracker.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerExceptionTest {
  @Test
  void invalidIsAValidationFailureThatNamesTheField() {
    TrackerException e = TrackerException.invalid("title", "must not be blank");
    assertThat(e.code()).isSameAs(ErrorCode.VALIDATION_FAILED);
    assertThat(e.field()).isEqualTo("title");
    assertThat(e.getMessage()).isEqualTo("title: must not be blank");
    assertThat(e.candidates()).isEmpty();
    assertThat(e.getCause()).isNull();
  }

  @Test
  void notFoundSaysWhatWasNotFound() {
    TrackerException e = TrackerException.notFound("issue 'trk-a1'");
    assertThat(e.code()).isSameAs(ErrorCode.NOT_FOUND);
    assertThat(e.getMessage()).isEqualTo("issue 'trk-a1' not found");
    assertThat(e.field()).isNull();
    assertThat(e.candidates()).isEmpty();
  }

  @Test
  void keepsItsCause() {
    IOException cause = new IOException("disk full");
    TrackerException e = new TrackerException(ErrorCode.INSUFFICIENT_STORAGE, "no space", cause);
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(e.code()).isSameAs(ErrorCode.INSUFFICIENT_STORAGE);
    assertThat(e.field()).isNull();
  }

  @Test
  void candidatesAreAnUnmodifiableCopy() {
    List<String> matches = new ArrayList<>(List.of("trk-a1b", "trk-a1c"));
    TrackerException e =
        new TrackerException(ErrorCode.AMBIGUOUS_ID, "ambiguous", "id", matches, null);
    matches.add("trk-a1d");
    assertThat(e.candidates()).containsExactly("trk-a1b", "trk-a1c");
    assertThatThrownBy(() -> e.candidates().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(e.field()).isEqualTo("id");
  }
}

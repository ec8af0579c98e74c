package dev.tracker.daemon.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.daemon.storage.ProjectEntity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssueLookupTest {
  @TempDir Path dir;

  private final IssueLookup lookup = new IssueLookup();

  @Test
  void aKnownKeyWhoseIdNowBelongsToAnotherProjectIsLookedUpAgain() {
    try (StoreFixture fixture = StoreFixture.reopen(dir)) {
      // The lookup learns the id of a project whose insert is then rolled back...
      AtomicLong goneId = new AtomicLong();
      assertThatThrownBy(
              () ->
                  fixture.database.write(
                      session -> {
                        session.persist(new ProjectEntity("gone", "Gone", null, Instant.EPOCH));
                        session.flush();
                        goneId.set(lookup.project(session, "gone").getId());
                        throw new IllegalStateException("roll back");
                      }))
          .hasMessageContaining("roll back");
      // ...and SQLite gives the same id to the next project.
      fixture.database.write(
          session -> {
            session.persist(new ProjectEntity("kept", "Kept", null, Instant.EPOCH));
            return null;
          });

      fixture.database.read(
          session -> {
            assertThatThrownBy(() -> lookup.project(session, "gone"))
                .isInstanceOfSatisfying(
                    TrackerException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            assertThat(lookup.project(session, "kept").getId()).isEqualTo(goneId.get());
            assertThat(lookup.project(session, "KEPT").getKey()).isEqualTo("kept");
            return null;
          });
    }
  }
}

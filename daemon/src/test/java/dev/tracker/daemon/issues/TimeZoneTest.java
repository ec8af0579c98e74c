package dev.tracker.daemon.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.api.IssueQuery;
import dev.tracker.core.model.Issue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored times must not depend on the JVM's default time zone, at write or at read. */
class TimeZoneTest {
  private final TimeZone original = TimeZone.getDefault();

  @TempDir Path dir;

  @AfterEach
  void restore() {
    TimeZone.setDefault(original);
  }

  @Test
  void datesReadBackTheSameInEveryZone() {
    List<String> zones =
        List.of(
            "UTC", "Pacific/Kiritimati", "America/Los_Angeles", "Asia/Kathmandu", "Europe/Berlin");
    Issue written;
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
    try (StoreFixture f = new StoreFixture(dir)) {
      written = f.create("Zoned");
      f.store.issues().close("trk", List.of(written.id()), null, "x");
      written = f.store.issues().get("trk", written.id());
    }
    for (String zone : zones) {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      try (StoreFixture f = reopen()) {
        Issue read = f.store.issues().get("trk", written.id());
        assertThat(read.createdAt()).as(zone).isEqualTo(written.createdAt());
        assertThat(read.closedAt()).as(zone).isEqualTo(written.closedAt());
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:01Z"));
        Instant since = written.createdAt();
        assertThat(
                f.store
                    .queries()
                    .list("trk", IssueQuery.builder().created(since, since.plusMillis(1)).build())
                    .items())
            .as(zone)
            .extracting(Issue::id)
            .containsExactly(written.id());
      }
    }
    try (StoreFixture f = reopen()) {
      String stored =
          f.database.read(
              s ->
                  s.createNativeQuery("SELECT created_at FROM issue", String.class)
                      .getSingleResult());
      assertThat(stored).isEqualTo("2026-03-01T10:00:01.000Z");
    }
  }

  /** Opens the existing file again; the fixture's project already exists, so skip creating it. */
  private StoreFixture reopen() {
    return StoreFixture.reopen(dir);
  }
}

package dev.tracker.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogLineTest {
  private final LoggerContext context = new LoggerContext();

  @Test
  void aLineHasTheUtcTimeLevelThreadShortLoggerAndMessage() {
    LogLine layout = new LogLine(30, true);
    LoggingEvent event = event(Level.INFO, "opened {}", null, "tracker.db");
    event.setTimeStamp(Instant.parse("2026-03-01T10:00:01.007Z").toEpochMilli());
    event.setThreadName("tracker-sync-1");

    assertThat(layout.doLayout(event))
        .isEqualTo(
            "2026-03-01T10:00:01.007Z INFO  [tracker-sync-1] d.t.daemon.storage.Database"
                + " - opened tracker.db"
                + System.lineSeparator());
  }

  @Test
  void levelsAreAlignedAndTheThreadCanBeLeftOut() {
    LogLine layout = new LogLine(20, false);
    LoggingEvent event = event(Level.WARN, "careful", null);
    event.setTimeStamp(0);
    event.setThreadName("main");

    assertThat(layout.doLayout(event))
        .startsWith("1970-01-01T00:00:00.000Z WARN  d.t.d.s.Database - careful");
  }

  @Test
  void anExceptionFollowsWithItsStackTrace() {
    LoggingEvent event = event(Level.ERROR, "request failed", new IllegalStateException("no disk"));

    assertThat(new LogLine(30, true).doLayout(event))
        .contains("ERROR [main]")
        .contains("request failed" + System.lineSeparator())
        .contains("java.lang.IllegalStateException: no disk")
        .contains("at dev.tracker.daemon.logging.LogLineTest");
  }

  @Test
  void yearsBeforeTenThousandArePaddedToFourDigits() {
    StringBuilder line = new StringBuilder();
    LogLine.appendUtc(line, Instant.parse("0999-12-31T23:59:59.999Z").toEpochMilli());
    assertThat(line).hasToString("0999-12-31T23:59:59.999Z");
  }

  private LoggingEvent event(Level level, String message, Throwable thrown, Object... args) {
    LoggingEvent event =
        new LoggingEvent(
            "ch.qos.logback.classic.Logger",
            context.getLogger("dev.tracker.daemon.storage.Database"),
            level,
            message,
            thrown,
            args);
    return event;
  }
}

package dev.tracker.daemon.logging;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One log line: {@code 2026-01-02T03:04:05.678Z INFO [thread] d.t.d.Logger - message}, then the
 * stack trace if there is one. Times are UTC. Written by hand rather than with a pattern: Logback's
 * pattern parser and its locale-aware date formats took a fifth of a second of every start.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
  private final TargetLengthBasedClassNameAbbreviator abbreviator;
  private final boolean withThread;

  LogLine(int loggerLength, boolean withThread) {
    this.abbreviator = new TargetLengthBasedClassNameAbbreviator(loggerLength);
    this.withThread = withThread;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(128);
    appendUtc(line, event.getTimeStamp());
    line.append(' ').append(event.getLevel().toString());
    line.append("     ", 0, 6 - event.getLevel().toString().length());
    if (withThread) {
      line.append('[').append(event.getThreadName()).append("] ");
    }
    line.append(abbreviator.abbreviate(event.getLoggerName()));
    line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
    }
    return line.toString();
  }

  static void appendUtc(StringBuilder line, long epochMillis) {
    LocalDateTime time =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(epochMillis, 1000L),
            (int) Math.floorMod(epochMillis, 1000L) * 1_000_000,
            ZoneOffset.UTC);
    pad(line, time.getYear(), 4).append('-');
    pad(line, time.getMonthValue(), 2).append('-');
    pad(line, time.getDayOfMonth(), 2).append('T');
    pad(line, time.getHour(), 2).append(':');
    pad(line, time.getMinute(), 2).append(':');
    pad(line, time.getSecond(), 2).append('.');
    pad(line, time.getNano() / 1_000_000, 3).append('Z');
  }

  private static StringBuilder pad(StringBuilder line, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      line.append('0');
    }
    return line.append(digits);
  }
}

package dev.tracker.daemon.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

/**
 * The daemon's logging, set up in code: a rolling file in the state directory and stderr. Parsing
 * an XML configuration cost the daemon about 400 classes and a third of a second at every start.
 *
 * <p>It applies when {@code tracker-daemon} runs (it names the log file before anything logs). A
 * JVM that embeds the daemon without naming a log file (tests, benchmarks), or one given a {@code
 * logback.configurationFile}, gets Logback's usual configuration instead.
 */
public final class DaemonLogConfigurator extends ContextAwareBase implements Configurator {
  /** The system property naming the log file; {@code tracker-daemon} sets it before logging. */
  public static final String LOG_FILE_PROPERTY = "tracker.log.file";

  /**
   * Set for a detached daemon: its stderr goes to the same log file (the CLI starts it that way, to
   * keep what the JVM itself prints), so logging to stderr too would write every line twice.
   */
  public static final String NO_CONSOLE_PROPERTY = "tracker.log.noConsole";

  private static final int ROLLED_FILES = 5;
  private static final String[] QUIET_LIBRARIES = {
    "org.eclipse.jetty", "org.hibernate", "org.flywaydb", "com.zaxxer.hikari"
  };

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    String logFile = System.getProperty(LOG_FILE_PROPERTY);
    if (logFile == null || System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.NEUTRAL;
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(fileAppender(context, logFile));
    if (!Boolean.getBoolean(NO_CONSOLE_PROPERTY)) {
      root.addAppender(stderrAppender(context));
    }
    for (String library : QUIET_LIBRARIES) {
      context.getLogger(library).setLevel(Level.WARN);
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static RollingFileAppender<ILoggingEvent> fileAppender(
      LoggerContext context, String path) {
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName("FILE");
    appender.setFile(path);
    // Rolled by size only, into daemon.log.1.gz ... daemon.log.5.gz: a daemon that runs for weeks
    // keeps at most 60 MB of logs, and no date pattern has to be parsed at start-up.
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(path + ".%i.gz");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(ROLLED_FILES);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf("10MB"));
    trigger.start();
    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.setEncoder(encoder(context, new LogLine(30, true)));
    appender.start();
    return appender;
  }

  private static ConsoleAppender<ILoggingEvent> stderrAppender(LoggerContext context) {
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("STDERR");
    appender.setTarget("System.err");
    appender.setEncoder(encoder(context, new LogLine(20, false)));
    appender.start();
    return appender;
  }

  private static LayoutWrappingEncoder<ILoggingEvent> encoder(
      LoggerContext context, LogLine layout) {
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    return encoder;
  }
}

package dev.tracker.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonLogConfiguratorTest {
  @TempDir Path dir;
  private final LoggerContext context = new LoggerContext();

  @BeforeEach
  void standaloneContext() {
    // A context of its own, not the one this JVM logs with; events need an MDC adapter.
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  @AfterEach
  void clear() {
    System.clearProperty(DaemonLogConfigurator.NO_CONSOLE_PROPERTY);
    System.clearProperty(DaemonLogConfigurator.LOG_FILE_PROPERTY);
    context.stop();
  }

  @Test
  void withoutALogFileItStepsAsideForLogbacksOwnConfiguration() {
    assertThat(new DaemonLogConfigurator().configure(context)).isEqualTo(ExecutionStatus.NEUTRAL);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
        .isFalse();
  }

  @Test
  void theDaemonLogsToItsFileAndStderrAndQuietsLibraries() throws Exception {
    Path file = dir.resolve("daemon.log");
    System.setProperty(DaemonLogConfigurator.LOG_FILE_PROPERTY, file.toString());
    DaemonLogConfigurator configurator = new DaemonLogConfigurator();
    configurator.setContext(context);

    assertThat(configurator.configure(context))
        .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(root.getAppender("FILE")).isNotNull();
    assertThat(root.getAppender("STDERR")).isNotNull();
    assertThat(context.getLogger("org.hibernate").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);

    context.getLogger("dev.tracker.daemon.Test").info("hello {}", "file");
    context.getLogger("org.hibernate.Noise").info("not written");
    assertThat(Files.readString(file)).contains("INFO  [").contains("hello file");
    assertThat(Files.readString(file)).doesNotContain("not written");
  }

  @Test
  void aDetachedDaemonLogsToItsFileOnly() {
    System.setProperty(
        DaemonLogConfigurator.LOG_FILE_PROPERTY, dir.resolve("daemon.log").toString());
    System.setProperty(DaemonLogConfigurator.NO_CONSOLE_PROPERTY, "true");
    DaemonLogConfigurator configurator = new DaemonLogConfigurator();
    configurator.setContext(context);

    configurator.configure(context);

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("FILE")).isNotNull();
    assertThat(root.getAppender("STDERR")).isNull();
  }
}

package dev.tracker.it.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test whose daemons are real {@code tracker-daemon} processes, started by the CLI
 * (auto-start, {@code daemon start}) or by the test: every test gets a fresh home with its XDG
 * variables and a {@link CliRunner} parameter. The test must stop every daemon it caused; one still
 * running afterwards is ended and fails the test. The leak check runs last.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({LeakExtension.class, CliExtension.class})
public @interface SpawningCliTest {}

package dev.tracker.it.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test of the packaged {@code bin/tracker}: every test gets its own in-process daemon
 * in a fresh home (as with {@link DaemonTest}) and a {@link CliRunner} parameter whose child
 * processes talk to that daemon over its socket. Auto-start is off. The leak check runs last.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({LeakExtension.class, DaemonExtension.class, CliExtension.class})
public @interface CliTest {}

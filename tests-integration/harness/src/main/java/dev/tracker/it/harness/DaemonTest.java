package dev.tracker.it.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose every test gets its own in-process daemon ({@link TestDaemon} parameter) and
 * is checked for leaks once that daemon is closed. The leak check is registered first so that it
 * runs last, after the daemon has closed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({LeakExtension.class, DaemonExtension.class})
public @interface DaemonTest {}

package dev.tracker.it.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The only way for a test class in this module not to run under {@link LeakExtension}: it must say
 * why, in words a reviewer can judge. {@code LeakCoverageTest} fails on a class that neither
 * carries the extension nor this annotation, and on a blank reason.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface NoLeakCheck {
  /** Why this class cannot be checked for leaks, and what checks its resources instead. */
  String value();
}

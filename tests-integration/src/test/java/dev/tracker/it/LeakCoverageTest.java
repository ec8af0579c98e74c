package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.LeakExtension;
import dev.tracker.it.harness.NoLeakCheck;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Every test class in this module runs under {@link LeakExtension}: through {@code
 * ExtendWith(LeakExtension.class)}, through an annotation that carries it (such as {@code
 * DaemonTest}, at any depth of meta-annotation), on a superclass or an enclosing class (for {@code
 * Nested} classes), or as a {@code RegisterExtension} field. The only exception is a class marked
 * {@link NoLeakCheck} with a reason that is not blank.
 */
@ExtendWith(LeakExtension.class)
class LeakCoverageTest {

  @Test
  void everyTestClassRunsUnderTheLeakExtensionOrSaysWhyNot() throws Exception {
    List<Class<?>> testClasses = testClasses();
    assertThat(testClasses)
        .as("the scan found this module's test classes, or it checks nothing")
        .contains(LeakCoverageTest.class, ArchitectureTest.class)
        .hasSizeGreaterThanOrEqualTo(10);

    List<String> uncovered = new ArrayList<>();
    for (Class<?> type : testClasses) {
      NoLeakCheck optOut = type.getAnnotation(NoLeakCheck.class);
      if (optOut != null) {
        if (optOut.value().isBlank()) {
          uncovered.add(type.getName() + ": @NoLeakCheck needs a reason");
        }
        continue;
      }
      if (!coveredByLeakExtension(type)) {
        uncovered.add(
            type.getName()
                + ": add @DaemonTest or @ExtendWith(LeakExtension.class), or @NoLeakCheck(\"why\")");
      }
    }
    assertThat(uncovered).as("test classes that run without the leak check").isEmpty();
  }

  @Test
  void theRuleSeesExtensionsThroughMetaAnnotationsAndEnclosingClasses() {
    assertThat(coveredByLeakExtension(ApiErrorsTest.class)).as("via @DaemonTest").isTrue();
    assertThat(coveredByLeakExtension(Direct.class)).as("directly").isTrue();
    assertThat(coveredByLeakExtension(Direct.Inner.class)).as("nested").isTrue();
    assertThat(coveredByLeakExtension(Bare.class)).as("nothing").isFalse();
  }

  /**
   * This module's test classes: every class, nested ones included, with a testable method. The
   * compiled test classes are read straight from their directory: a class-file importer that
   * resolves every dependency would cost the JVM a hundred megabytes for a list of names.
   */
  private static List<Class<?>> testClasses() throws IOException, URISyntaxException {
    Path root =
        Path.of(LeakCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(root).as("the compiled test classes' directory").isDirectory();
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root.resolve("dev/tracker/it"))) {
      files
          .map(root::relativize)
          .map(Path::toString)
          .filter(f -> f.endsWith(".class") && !f.endsWith("module-info.class"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace(File.separatorChar, '.'))
          .forEach(names::add);
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      Class<?> type = load(name);
      if (isTestClass(type)) {
        classes.add(type);
      }
    }
    return classes;
  }

  private static boolean isTestClass(Class<?> type) {
    if (Modifier.isAbstract(type.getModifiers()) || type.isAnnotation() || type.isInterface()) {
      return false;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (AnnotationSupport.isAnnotated(method, Testable.class)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean coveredByLeakExtension(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      // Finds ExtendWith directly present, meta-present at any depth, and inherited.
      for (ExtendWith extendWith :
          AnnotationSupport.findRepeatableAnnotations(c, ExtendWith.class)) {
        if (List.of(extendWith.value()).contains(LeakExtension.class)) {
          return true;
        }
      }
      for (Class<?> s = c; s != null && s != Object.class; s = s.getSuperclass()) {
        for (Field field : s.getDeclaredFields()) {
          if (field.isAnnotationPresent(RegisterExtension.class)
              && LeakExtension.class.isAssignableFrom(field.getType())) {
            return true;
          }
        }
      }
      if (Modifier.isStatic(c.getModifiers())) {
        // A static member class is not a Nested class: the enclosing class's extensions stay out.
        break;
      }
    }
    return false;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, LeakCoverageTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  // Examples for the rule itself. They have no test methods, so the scan does not count them.

  @ExtendWith(LeakExtension.class)
  static class Direct {
    class Inner {}
  }

  static class Bare {}
}

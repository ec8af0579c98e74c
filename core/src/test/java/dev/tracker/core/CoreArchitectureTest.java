package dev.tracker.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dev.tracker.core.id.IssueIds;
import dev.tracker.core.model.Validation;
import dev.tracker.core.paths.RuntimePathResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core module depends on nothing but the JDK and Jackson's annotations. */
class CoreArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importCore() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tracker.core");
  }

  private static ArchRule onlyDependOn(String... packages) {
    return ArchRuleDefinition.classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(packages);
  }

  @Test
  void importsTheMainClassesOfEveryPackageButNoTests() {
    assertThat(classes).isNotEmpty();
    assertThat(classes.contain(Validation.class)).isTrue();
    assertThat(classes.contain(IssueIds.class)).isTrue();
    assertThat(classes.contain(RuntimePathResolver.class)).isTrue();
    assertThat(classes.contain(CoreArchitectureTest.class)).isFalse();
    assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
        .contains(
            "dev.tracker.core.api",
            "dev.tracker.core.error",
            "dev.tracker.core.id",
            "dev.tracker.core.model",
            "dev.tracker.core.paths");
  }

  @Test
  void coreDependsOnlyOnItselfTheJdkAndJacksonAnnotations() {
    assertThat(classes).isNotEmpty();
    onlyDependOn("dev.tracker.core..", "java..", "com.fasterxml.jackson.annotation..")
        .check(classes);
  }

  @Test
  void theRuleCatchesADependencyOutsideTheAllowedPackages() {
    // Without Jackson's annotations in the allowed set the same rule must fail, on the enums
    // that carry @JsonValue and @JsonCreator: proof that the rule sees real dependencies.
    assertThatThrownBy(() -> onlyDependOn("dev.tracker.core..", "java..").check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("com.fasterxml.jackson.annotation");
  }
}

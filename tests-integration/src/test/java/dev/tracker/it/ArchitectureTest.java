package dev.tracker.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.tracker.it.harness.LeakExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module arrows and the ownership rules of the design, checked on the compiled main classes of
 * every module: who may depend on whom, and who alone may create pools, engines and threads.
 */
@ExtendWith(LeakExtension.class)
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The integration harness is a jar of main classes too, but test code, not product.
            .withImportOption(location -> !location.contains("/dev/tracker/it/"))
            .importPackages("dev.tracker");
    assertThat(classes.stream().map(c -> c.getPackageName()))
        .as("every module is on the class path, or the rules below check nothing")
        .anyMatch(p -> p.startsWith("dev.tracker.core"))
        .anyMatch(p -> p.startsWith("dev.tracker.daemon"))
        .anyMatch(p -> p.startsWith("dev.tracker.cli"));
  }

  /** The imported classes and everything they resolved: tens of MB the JVM need not keep. */
  @AfterAll
  static void releaseImportedClasses() {
    classes = null;
  }

  @Test
  void coreReachesNeitherDaemonNorCliNorFrameworks() {
    noClasses()
        .that()
        .resideInAPackage("dev.tracker.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tracker.daemon..",
            "dev.tracker.cli..",
            "org.hibernate..",
            "jakarta..",
            "com.zaxxer..",
            "org.sqlite..",
            "org.flywaydb..",
            "org.eclipse.jetty..",
            "tools.jackson..",
            "org.slf4j..")
        .check(classes);
  }

  @Test
  void cliNeverReachesTheDaemonOrItsEngines() {
    noClasses()
        .that()
        .resideInAPackage("dev.tracker.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tracker.daemon..",
            "org.hibernate..",
            "jakarta.persistence..",
            "com.zaxxer..",
            "org.sqlite..",
            "org.flywaydb..",
            "org.eclipse.jetty..")
        .check(classes);
  }

  @Test
  void theCliBuildsPicocliModelsWithoutAnnotations() {
    noClasses()
        .that()
        .resideInAPackage("dev.tracker.cli..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            picocli.CommandLine.Command.class,
            picocli.CommandLine.Option.class,
            picocli.CommandLine.Parameters.class,
            picocli.CommandLine.Mixin.class,
            picocli.CommandLine.ArgGroup.class,
            picocli.CommandLine.Spec.class,
            picocli.CommandLine.ParentCommand.class,
            picocli.CommandLine.Unmatched.class)
        .because(
            "reading them has the JDK generate a proxy class per annotation type at every CLI"
                + " start; CommandModel builds the model instead")
        .check(classes);
  }

  @Test
  void insideTheDaemonTheStoreAndSyncKnowNothingOfHttpAndHttpKnowsNothingOfTheStore() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.tracker.daemon.storage..",
            "dev.tracker.daemon.issues..",
            "dev.tracker.daemon.sync..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tracker.daemon.http..", "dev.tracker.daemon.api..", "org.eclipse.jetty..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.tracker.daemon.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tracker.daemon.storage..",
            "dev.tracker.daemon.issues..",
            "dev.tracker.daemon.sync..",
            "org.hibernate..",
            "org.sqlite..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.tracker.daemon.sync.jsonl..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tracker.daemon.storage..", "dev.tracker.daemon.issues..", "org.hibernate..")
        .because("the merge driver runs without a database")
        .check(classes);
  }

  @Test
  void inTheCliOnlyTheSocketClientOpensSockets() {
    noClasses()
        .that()
        .resideInAPackage("dev.tracker.cli..")
        .and()
        .doNotHaveFullyQualifiedName("dev.tracker.cli.client.Connection")
        .and()
        .doNotHaveFullyQualifiedName("dev.tracker.cli.client.SocketHttpClient")
        .should()
        .callMethod(java.nio.channels.SocketChannel.class, "open")
        .orShould()
        .callMethod(java.nio.channels.SocketChannel.class, "open", java.net.ProtocolFamily.class)
        .orShould()
        .callMethod(java.nio.channels.SocketChannel.class, "open", java.net.SocketAddress.class)
        .orShould()
        .callMethod(java.nio.channels.Selector.class, "open")
        .orShould()
        .callConstructor(java.net.Socket.class)
        .check(classes);
  }

  @Test
  void onlyDatabaseCreatesThePoolTheSessionFactoryAndRunsMigrations() {
    ArchRule pool =
        noClasses()
            .that()
            .doNotHaveFullyQualifiedName("dev.tracker.daemon.storage.Database")
            .should()
            .callConstructor(com.zaxxer.hikari.HikariDataSource.class)
            .orShould()
            .callConstructor(
                com.zaxxer.hikari.HikariDataSource.class, com.zaxxer.hikari.HikariConfig.class)
            .orShould()
            .callMethod(org.hibernate.boot.Metadata.class, "buildSessionFactory")
            .orShould()
            .callMethod(org.flywaydb.core.Flyway.class, "configure");
    pool.check(classes);
  }

  @Test
  void theDaemonQueriesInNativeSqlNeverInHql() {
    // The first HQL query loads Hibernate's HQL parser and query model (ANTLR, the grammar and
    // SQM: about 630 classes) for the daemon's whole life: 5 MB more class-data archive and about
    // 10 MB more resident memory serving 10,000 issues (docs/benchmarks.md, "Third round").
    noClasses()
        .that()
        .resideInAPackage("dev.tracker.daemon..")
        .should()
        .callMethodWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                        "create(Selection|Mutation|Named|NamedSelection|NamedMutation)?Query"
                            + "|getCriteriaBuilder"))
                .and(
                    com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                org.hibernate.query.QueryProducer.class)))))
        .check(classes);
  }

  @Test
  void eachEngineOfTheDaemonHasExactlyOneOwner() {
    ArchRule rule =
        noClasses()
            .that()
            .doNotHaveFullyQualifiedName("dev.tracker.daemon.http.HttpServer")
            .should()
            .callConstructorWhere(
                com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                            org.eclipse.jetty.server.Server.class))))
            .orShould()
            .callConstructorWhere(
                com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                            org.eclipse.jetty.util.thread.ThreadPool.class))));
    rule.check(classes);

    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.tracker.daemon.sync.SyncService")
        .should()
        .callConstructorWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                        java.util.concurrent.ExecutorService.class))))
        .check(classes);

    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.tracker.daemon.sync.Git")
        .and()
        .resideOutsideOfPackage("dev.tracker.cli..")
        .should()
        .callConstructor(ProcessBuilder.class, String[].class)
        .orShould()
        .callConstructor(ProcessBuilder.class, java.util.List.class)
        .orShould()
        .callMethod(Runtime.class, "exec", String.class)
        .check(classes);
  }

  @Test
  void onlyTheThreadFactoryCreatesThreadsAndNothingBuildsExecutorsAdHoc() {
    // The CLI's one extra thread (start-up work on the second core) has its own owner, joined
    // before the process exits.
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.tracker.daemon.lifecycle.NamedThreadFactory")
        .and()
        .doNotHaveFullyQualifiedName("dev.tracker.cli.ParallelWarmUp")
        .should()
        .callConstructorWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                        Thread.class))))
        .orShould()
        .callMethodWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                        java.util.concurrent.Executors.class))))
        .check(classes);
  }
}

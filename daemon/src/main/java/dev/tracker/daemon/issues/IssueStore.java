package dev.tracker.daemon.issues;

import dev.tracker.daemon.storage.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * The store's services over one {@link Database}, which it uses but does not own: whoever opened
 * the database closes it.
 */
public final class IssueStore {
  private final ProjectService projects;
  private final IssueService issues;
  private final IssueQueries queries;
  private final CommentService comments;
  private final DependencyService dependencies;

  public IssueStore(Database database, Clock clock, RandomGenerator random) {
    DependencyRules rules = new DependencyRules();
    this.projects = new ProjectService(database, clock);
    this.issues = new IssueService(database, clock, random, rules);
    this.queries = new IssueQueries(database, clock);
    this.comments = new CommentService(database, clock, random);
    this.dependencies = new DependencyService(database, clock, rules);
  }

  public static IssueStore over(Database database) {
    return new IssueStore(database, Clock.systemUTC(), new SecureRandom());
  }

  public ProjectService projects() {
    return projects;
  }

  public IssueService issues() {
    return issues;
  }

  public IssueQueries queries() {
    return queries;
  }

  public CommentService comments() {
    return comments;
  }

  public DependencyService dependencies() {
    return dependencies;
  }
}

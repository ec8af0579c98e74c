package dev.tracker.bench;

import dev.tracker.core.api.NewProject;
import dev.tracker.core.id.IssueIds;
import dev.tracker.daemon.issues.IssueStore;
import dev.tracker.daemon.storage.InstantText;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The benchmark data set, seeded from one fixed seed so that every run measures the same rows.
 *
 * <p>Project {@value #PROJECT} holds {@value #ISSUES} issues with a realistic mix of statuses,
 * priorities, types, assignees, labels, parents, comments and about {@value #BLOCKS_EDGES} blocks
 * edges that form a DAG (an issue only ever depends on an older one). Project {@value #CHAIN} holds
 * {@value #CHAIN_LENGTH} issues in one chain of blocks edges, each depending on the one before it.
 *
 * <p>The projects are registered through the store; the rows are written with plain SQL through a
 * separate connection, in transactions of {@value #ROWS_PER_TRANSACTION} issues, because creating
 * them one by one through the store (one fsync per issue, and a reachability query per chain edge)
 * would take minutes per trial. The rows have the store's shape: ids from {@link IssueIds},
 * timestamps in {@link InstantText} format, one event per change, and the schema's triggers keep
 * the full-text index as they do for the store's own writes.
 */
public final class Dataset {
  static final long SEED = 20_260_301L;
  public static final String PROJECT = "bench";
  static final String CHAIN = "chain";
  static final String ACTOR = "bench";
  static final int ISSUES = 10_000;
  static final int BLOCKS_EDGES = 2_000;
  static final int OTHER_EDGES = 400;
  static final int CHAIN_LENGTH = 5_000;

  /** A word that occurs in exactly {@value #RARE_WORD_ISSUES} issues of {@value #PROJECT}. */
  static final String RARE_WORD = "kerberos";

  static final int RARE_WORD_ISSUES = 36;

  private static final int ROWS_PER_TRANSACTION = 250;
  private static final Instant START = Instant.parse("2025-05-01T08:00:00Z");
  private static final Instant END = Instant.parse("2026-02-28T18:00:00Z");
  private static final long SPACING_SECONDS =
      Duration.between(START, END).toSeconds() / (ISSUES + 1);

  /** What the seeding produced, for the benchmarks' parameters and the run's summary line. */
  public record Facts(
      List<String> issueIds,
      String chainFirst,
      String chainLast,
      int blocksEdges,
      int comments,
      int labels) {}

  private final SplittableRandom random = new SplittableRandom(SEED);
  private final Set<String> usedIds = new HashSet<>();
  private int comments;
  private int labels;

  private Dataset() {}

  /** Registers both projects through {@code store}, then writes their rows into {@code file}. */
  static Facts seed(IssueStore store, Path file) throws SQLException {
    return seed(store, file, null);
  }

  /**
   * As {@link #seed(IssueStore, Path)}, with {@value #PROJECT} registered under the repository
   * directory {@code root} (absolute, or null for none), so that the sync loop exports it there.
   */
  public static Facts seed(IssueStore store, Path file, Path root) throws SQLException {
    store
        .projects()
        .create(
            new NewProject(
                PROJECT,
                "Benchmark project",
                root == null ? null : root.toAbsolutePath().toString()));
    store.projects().create(new NewProject(CHAIN, "Dependency chain", null));
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    try (Connection connection = source.getConnection()) {
      connection.setAutoCommit(false);
      Facts facts = new Dataset().write(connection);
      // Leave the file as a long-running store would be: WAL folded into the main file.
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      return facts;
    }
  }

  private Facts write(Connection connection) throws SQLException {
    long project = projectId(connection, PROJECT);
    List<Row> rows = new ArrayList<>(ISSUES);
    List<Integer> epics = new ArrayList<>();
    Set<Integer> rare = new TreeSet<>();
    while (rare.size() < RARE_WORD_ISSUES) {
      rare.add(random.nextInt(ISSUES));
    }
    for (int i = 0; i < ISSUES; i++) {
      Row row = issue(project, i, rare.contains(i) ? 1 + random.nextInt(4) : 0);
      if (row.type.equals("epic")) {
        if (row.deleted == null) {
          epics.add(i);
        }
      } else if (!epics.isEmpty() && random.nextInt(100) < 8) {
        row.parent = rows.get(epics.get(random.nextInt(epics.size()))).id;
      }
      rows.add(row);
    }
    try (Writer writer = new Writer(connection)) {
      for (int i = 0; i < rows.size(); i++) {
        writer.issue(rows.get(i));
        if ((i + 1) % ROWS_PER_TRANSACTION == 0) {
          connection.commit();
        }
      }
      int blocks = edges(writer, rows, "blocks", BLOCKS_EDGES);
      edges(writer, rows, "related", OTHER_EDGES / 2);
      edges(writer, rows, "discovered-from", OTHER_EDGES / 2);
      connection.commit();

      long chainProject = projectId(connection, CHAIN);
      List<String> chain = new ArrayList<>(CHAIN_LENGTH);
      for (int i = 0; i < CHAIN_LENGTH; i++) {
        Row row = new Row(newId(CHAIN, i), chainProject, START.plusSeconds(60L * i));
        row.title = "Chain step " + (i + 1) + ": " + Vocabulary.title(random);
        writer.issue(row);
        if (i > 0) {
          writer.edge(row.id, chain.get(i - 1), "blocks", row.created);
        }
        chain.add(row.id);
        if ((i + 1) % ROWS_PER_TRANSACTION == 0) {
          connection.commit();
        }
      }
      writer.changeCount(project, ISSUES + comments + BLOCKS_EDGES + OTHER_EDGES);
      writer.changeCount(chainProject, 2L * CHAIN_LENGTH - 1);
      connection.commit();
      return new Facts(
          rows.stream().map(r -> r.id).toList(),
          chain.get(0),
          chain.get(chain.size() - 1),
          blocks,
          comments,
          labels);
    }
  }

  /**
   * One issue of the main project. {@code rareSpot} places {@link #RARE_WORD}: 0 nowhere, 1 in the
   * title, 2 or 3 in the description, 4 in a comment.
   */
  private Row issue(long project, int index, int rareSpot) {
    Instant created = START.plusSeconds(index * SPACING_SECONDS + random.nextLong(SPACING_SECONDS));
    Row row = new Row(newId(PROJECT, index), project, created);
    row.title = Vocabulary.title(random);
    if (rareSpot == 1) {
      row.title += " with " + RARE_WORD;
    }
    if (random.nextInt(100) < 92 || rareSpot == 2 || rareSpot == 3) {
      String text = Vocabulary.text(random, 150 + random.nextInt(351));
      row.description =
          rareSpot == 2 || rareSpot == 3
              ? text + "\n\nSeen with " + RARE_WORD + " enabled on the server."
              : text;
    }
    row.type = pick(new String[] {"task", "bug", "feature", "chore", "epic"}, 40, 30, 20, 7, 3);
    row.priority =
        Integer.parseInt(pick(new String[] {"0", "1", "2", "3", "4"}, 5, 15, 45, 25, 10));
    row.status =
        pick(
            new String[] {"open", "in_progress", "blocked", "deferred", "closed"},
            45,
            10,
            5,
            5,
            35);
    if (random.nextInt(100) < 60) {
      row.assignee = Vocabulary.PEOPLE.get(random.nextInt(Vocabulary.PEOPLE.size()));
    }
    int labelCount = pick(new int[] {0, 1, 2, 3}, 30, 35, 25, 10);
    while (row.labels.size() < labelCount) {
      row.labels.add(Vocabulary.skewed(Vocabulary.LABELS, random));
    }
    labels += row.labels.size();
    long age = Math.max(1, Duration.between(created, END).toSeconds());
    row.updated = created.plusSeconds(random.nextLong(Math.min(age, 30L * 86_400)));
    row.version = random.nextInt(6);
    if (row.status.equals("closed")) {
      row.closed = row.updated;
      row.closeReason = Vocabulary.CLOSE_REASONS.get(random.nextInt(5));
      row.version = Math.max(1, row.version);
    } else if (rareSpot == 0 && random.nextInt(100) < 1) {
      row.deleted = row.updated;
      row.version = Math.max(1, row.version);
    }
    int commentCount = pick(new int[] {0, 1, 2, 3}, 70, 18, 8, 4);
    if (rareSpot == 4) {
      commentCount = Math.max(1, commentCount);
    }
    for (int c = 0; c < commentCount; c++) {
      String body = Vocabulary.text(random, 40 + random.nextInt(211));
      if (rareSpot == 4 && c == 0) {
        body += " Only happens behind " + RARE_WORD + ".";
      }
      row.comments.add(body);
    }
    comments += commentCount;
    return row;
  }

  /**
   * {@code count} edges "later issue depends on earlier issue" between live issues, so blocks edges
   * form a DAG. Blockers are mostly recent: within about 1,500 issues of the dependent one.
   */
  private int edges(Writer writer, List<Row> rows, String kind, int count) throws SQLException {
    Set<String> seen = new HashSet<>();
    int written = 0;
    while (written < count) {
      int from = 1 + random.nextInt(rows.size() - 1);
      int to = Math.max(0, from - 1 - random.nextInt(1_500));
      Row issue = rows.get(from);
      Row target = rows.get(to);
      if (issue.deleted != null || target.deleted != null || !seen.add(issue.id + target.id)) {
        continue;
      }
      Instant at = issue.created.isAfter(target.created) ? issue.created : target.created;
      writer.edge(issue.id, target.id, kind, at);
      written++;
    }
    return written;
  }

  private String newId(String key, long existing) {
    while (true) {
      String id = IssueIds.newIssueId(key, existing, random);
      if (usedIds.add(id)) {
        return id;
      }
    }
  }

  private String pick(String[] values, int... weights) {
    return values[weighted(weights)];
  }

  private int pick(int[] values, int... weights) {
    return values[weighted(weights)];
  }

  private int weighted(int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
    throw new AssertionError();
  }

  private static long projectId(Connection connection, String key) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id FROM project WHERE key = ?")) {
      select.setString(1, key);
      try (ResultSet result = select.executeQuery()) {
        if (!result.next()) {
          throw new IllegalStateException("project " + key + " was not registered");
        }
        return result.getLong(1);
      }
    }
  }

  private static final class Row {
    final String id;
    final long project;
    final Instant created;
    String title;
    String description;
    String status = "open";
    int priority = 2;
    String type = "task";
    String assignee;
    String parent;
    Instant updated;
    Instant closed;
    String closeReason;
    Instant deleted;
    int version;
    final Set<String> labels = new TreeSet<>();
    final List<String> comments = new ArrayList<>();

    Row(String id, long project, Instant created) {
      this.id = id;
      this.project = project;
      this.created = created;
      this.updated = created;
    }
  }

  /** Prepared inserts, reused for every row. */
  private final class Writer implements AutoCloseable {
    private final PreparedStatement issue;
    private final PreparedStatement label;
    private final PreparedStatement comment;
    private final PreparedStatement event;
    private final PreparedStatement edge;
    private final PreparedStatement changes;

    Writer(Connection connection) throws SQLException {
      issue =
          connection.prepareStatement(
              "INSERT INTO issue (id, project_id, title, description, status, priority, type,"
                  + " assignee, parent_id, created_at, updated_at, closed_at, close_reason,"
                  + " deleted_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      label = connection.prepareStatement("INSERT INTO label (issue_id, name) VALUES (?, ?)");
      comment =
          connection.prepareStatement(
              "INSERT INTO comment (id, issue_id, author, body, created_at) VALUES (?, ?, ?, ?, ?)");
      event =
          connection.prepareStatement(
              "INSERT INTO event (issue_id, kind, field, old_value, new_value, actor, at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)");
      edge =
          connection.prepareStatement(
              "INSERT INTO dependency (issue_id, depends_on, kind, created_at) VALUES (?, ?, ?, ?)");
      changes = connection.prepareStatement("UPDATE project SET change_count = ? WHERE id = ?");
    }

    void issue(Row row) throws SQLException {
      issue.setString(1, row.id);
      issue.setLong(2, row.project);
      issue.setString(3, row.title);
      issue.setString(4, row.description);
      issue.setString(5, row.status);
      issue.setInt(6, row.priority);
      issue.setString(7, row.type);
      issue.setString(8, row.assignee);
      issue.setString(9, row.parent);
      issue.setString(10, InstantText.format(row.created));
      issue.setString(11, InstantText.format(row.updated));
      issue.setString(12, InstantText.format(row.closed));
      issue.setString(13, row.closeReason);
      issue.setString(14, InstantText.format(row.deleted));
      issue.setLong(15, row.version);
      issue.executeUpdate();
      String author = row.assignee == null ? ACTOR : row.assignee;
      event(row.id, "created", "title", null, row.title, author, row.created);
      for (String name : row.labels) {
        label.setString(1, row.id);
        label.setString(2, name);
        label.executeUpdate();
      }
      Instant at = row.created;
      for (String body : row.comments) {
        at = at.plusSeconds(600 + random.nextInt(86_400));
        String id = IssueIds.newCommentId(random);
        String who = Vocabulary.PEOPLE.get(random.nextInt(Vocabulary.PEOPLE.size()));
        comment.setString(1, id);
        comment.setString(2, row.id);
        comment.setString(3, who);
        comment.setString(4, body);
        comment.setString(5, InstantText.format(at));
        comment.executeUpdate();
        event(row.id, "commented", "comment", null, id, who, at);
      }
      if (row.closed != null) {
        event(row.id, "closed", "status", "open", "closed", author, row.closed);
      }
      if (row.deleted != null) {
        event(row.id, "deleted", null, null, null, author, row.deleted);
      }
    }

    void edge(String from, String to, String kind, Instant at) throws SQLException {
      edge.setString(1, from);
      edge.setString(2, to);
      edge.setString(3, kind);
      edge.setString(4, InstantText.format(at));
      edge.executeUpdate();
      event(from, "dependency_added", kind, null, to, ACTOR, at);
    }

    void changeCount(long project, long count) throws SQLException {
      changes.setLong(1, count);
      changes.setLong(2, project);
      changes.executeUpdate();
    }

    private void event(
        String issueId, String kind, String field, String from, String to, String actor, Instant at)
        throws SQLException {
      event.setString(1, issueId);
      event.setString(2, kind);
      event.setString(3, field);
      event.setString(4, from);
      event.setString(5, to);
      event.setString(6, actor);
      event.setString(7, InstantText.format(at));
      event.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement statement : List.of(issue, label, comment, event, edge, changes)) {
        statement.close();
      }
    }
  }
}

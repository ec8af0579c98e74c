package dev.tracker.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonTest;
import dev.tracker.it.harness.TestDaemon;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SQL and full-text syntax in any field is text: stored and returned exactly, matched literally by
 * the list filters ({@code %} and {@code _} are not wildcards), and in a search each word is
 * matched as a word (FTS5 operators, quotes and {@code *} are never syntax; a query with no letter
 * or digit is a 400 naming {@code q}). The schema and every row are intact afterwards.
 */
@DaemonTest
class SqlTextIsLiteralTest {
  static final List<String> SQL =
      List.of(
          "'; DROP TABLE issue; --",
          "\" OR 1=1 --",
          "Robert'); DROP TABLE comment;--",
          "1; DELETE FROM project",
          "' OR ''='",
          "%",
          "_",
          "50% off_sale",
          "\\",
          "NEAR",
          "*",
          "\"",
          "-",
          "AND OR NOT",
          "title:drop",
          "x* OR y");

  /** Search texts that are FTS5 syntax; none may get a 5xx. */
  static final List<String> FTS =
      List.of(
          "NEAR",
          "NEAR(a b)",
          "NEAR(a b, 2)",
          "*",
          "a*",
          "\"",
          "\"unbalanced",
          "-",
          "-drop",
          "AND OR NOT",
          "NOT",
          "a AND",
          "OR b",
          "title:drop",
          "{title}: drop",
          "^drop",
          "(",
          ")",
          "drop)",
          ":",
          "'",
          "''",
          "%",
          "_",
          "a + b",
          "\u0000",
          "🙂",
          "x".repeat(600),
          "w ".repeat(40));

  private Api api;
  private TestDaemon daemon;
  private final List<String> ids = new ArrayList<>();

  @BeforeEach
  void store(TestDaemon daemon) {
    this.daemon = daemon;
    api = daemon.api();
    assertThat(api.post("/v1/projects", Map.of("key", "sql", "name", "SQL")).status())
        .isEqualTo(201);
    for (String text : SQL) {
      Api.Reply created =
          api.post(
              "/v1/projects/sql/issues",
              Map.of("title", text, "description", text, "assignee", text));
      assertThat(created.status()).as(text + " -> " + created).isEqualTo(201);
      String id = created.json().get("id").asString();
      ids.add(id);
      Api.Reply comment =
          api.post(
              "/v1/projects/sql/issues/" + id + "/comments", Map.of("body", text, "author", text));
      assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
    }
  }

  @Test
  void sqlInEveryFieldIsStoredAndReturnedLiterally() throws Exception {
    Set<String> tables = tables();
    for (int i = 0; i < SQL.size(); i++) {
      String text = SQL.get(i);
      JsonNode issue = api.get("/v1/projects/sql/issues/" + ids.get(i)).json();
      assertThat(issue.get("title").asString()).isEqualTo(text.strip());
      assertThat(issue.get("description").asString()).isEqualTo(text);
      assertThat(issue.get("assignee").asString()).isEqualTo(text.strip());
      JsonNode comments = api.get("/v1/projects/sql/issues/" + ids.get(i) + "/comments").json();
      assertThat(comments.size()).isEqualTo(1);
      assertThat(comments.get(0).get("body").asString()).isEqualTo(text);
      assertThat(comments.get(0).get("author").asString()).isEqualTo(text.strip());
    }
    Api.Reply patched =
        api.patch(
            "/v1/projects/sql/issues/" + ids.get(0),
            Map.of("title", "'; UPDATE issue SET title = 'owned'; --"),
            Map.of());
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(titles())
        .contains("'; UPDATE issue SET title = 'owned'; --")
        .doesNotContain("owned");
    assertThat(tables).contains("issue", "comment", "label", "project");
    assertThat(tables()).isEqualTo(tables);
    assertThat(api.get("/v1/projects/sql/issues?limit=1000").json().get("items").size())
        .isEqualTo(SQL.size());
    assertThat(
            api.get("/v1/diagnostics").json().get("database").get("quickCheck").get(0).asString())
        .isEqualTo("ok");
  }

  @Test
  void listFiltersMatchPercentAndUnderscoreLiterally() {
    String a = create("with a_b", List.of("a_b"), "a_c");
    String b = create("with axb", List.of("axb"), "abc");
    String c = create("with a-b", List.of("a-b", "50.5"), "%");
    assertThat(ids("label=a_b")).containsExactly(a);
    assertThat(ids("any-label=a_b")).containsExactly(a);
    assertThat(ids("label=a_b&label=axb")).isEmpty();
    assertThat(ids("assignee=a_c")).containsExactly(a);
    assertThat(ids("assignee=abc")).containsExactly(b);
    assertThat(ids("assignee=" + encode("%")))
        .containsExactlyInAnyOrder(c, ids.get(SQL.indexOf("%")));
    assertThat(ids("assignee=" + encode("_"))).containsExactly(ids.get(SQL.indexOf("_")));
    assertThat(ids("assignee=" + encode("' OR ''='")))
        .containsExactly(ids.get(SQL.indexOf("' OR ''='")));
    // A label is letters, digits and _.:/+- : SQL in one is refused, naming the field.
    Api.Reply refused = api.get("/v1/projects/sql/issues?label=" + encode("%"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("field").asString()).isEqualTo("labels");
    Api.Reply labelled =
        api.post(
            "/v1/projects/sql/issues",
            Map.of("title", "t", "labels", List.of("x'; DROP TABLE label; --")));
    assertThat(labelled.status()).as(labelled.toString()).isEqualTo(400);
    assertThat(labelled.json().get("field").asString()).isEqualTo("labels");
  }

  @Test
  void fullTextSyntaxIsMatchedAsWordsOrRefusedNamingQ() {
    String operators = create("AND OR NOT", List.of(), null);
    String near = create("NEAR the door", List.of(), null);
    create("and nothing else", List.of(), null);
    List<String> outcomes = new ArrayList<>();
    for (String text : FTS) {
      for (String path : List.of("/v1/projects/sql/search?q=", "/v1/projects/sql/issues?q=")) {
        Api.Reply reply = api.get(path + encode(text));
        outcomes.add(
            reply.status() + " " + (text.length() > 20 ? text.substring(0, 20) + "..." : text));
        assertThat(reply.status()).as(path + text + " -> " + reply).isIn(200, 400);
        if (reply.status() == 400) {
          JsonNode problem = reply.json();
          assertThat(problem.get("field").asString()).as(text).isEqualTo("q");
          assertThat(problem.get("detail").asString()).as(text).startsWith("q: ");
        }
      }
    }
    assertThat(searchIds("AND OR NOT")).contains(operators, ids.get(SQL.indexOf("AND OR NOT")));
    assertThat(searchIds("AND OR NOT")).doesNotContain(near);
    assertThat(searchIds("NEAR(the door)")).containsExactly(near);
    // Quotes and a leading minus are not syntax: all three words must be there.
    assertThat(searchIds("\"drop table\" -comment"))
        .containsExactly(ids.get(SQL.indexOf("Robert'); DROP TABLE comment;--")));
    for (String noWord : List.of("*", "\"", "-", "(", ":", "%", "_", "''")) {
      Api.Reply reply = api.get("/v1/projects/sql/search?q=" + encode(noWord));
      assertThat(reply.status()).as(noWord + " -> " + reply).isEqualTo(400);
    }
    System.out.println("[sql] search outcomes: " + outcomes);
  }

  private String create(String title, List<String> labels, String assignee) {
    Map<String, Object> draft = new java.util.HashMap<>(Map.of("title", title, "labels", labels));
    if (assignee != null) {
      draft.put("assignee", assignee);
    }
    Api.Reply created = api.post("/v1/projects/sql/issues", draft);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private Set<String> ids(String query) {
    Api.Reply reply = api.get("/v1/projects/sql/issues?limit=1000&" + query);
    assertThat(reply.status()).as(query + " -> " + reply).isEqualTo(200);
    Set<String> found = new TreeSet<>();
    reply.json().get("items").forEach(i -> found.add(i.get("id").asString()));
    return found;
  }

  private Set<String> searchIds(String text) {
    Api.Reply reply = api.get("/v1/projects/sql/search?q=" + encode(text));
    assertThat(reply.status()).as(text + " -> " + reply).isEqualTo(200);
    Set<String> found = new TreeSet<>();
    reply.json().forEach(hit -> found.add(hit.get("issue").get("id").asString()));
    return found;
  }

  private List<String> titles() {
    List<String> titles = new ArrayList<>();
    api.get("/v1/projects/sql/issues?limit=1000")
        .json()
        .get("items")
        .forEach(i -> titles.add(i.get("title").asString()));
    return titles;
  }

  /** The tables of the daemon's database, read with a read-only connection of the test's own. */
  private Set<String> tables() throws Exception {
    Set<String> tables = new TreeSet<>();
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:sqlite:file:" + daemon.paths().database() + "?mode=ro");
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

package dev.tracker.it.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Correct requests to the routes of docs/api.md, against the issues, comments and labels the test
 * store holds at the moment: the starting point of every mutation. {@code POST /v1/shutdown} is
 * never among them.
 */
final class ValidCalls {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> LABELS =
      List.of("bug", "ui", "backend", "area/db", "p:high", "v1.2", "needs-triage");
  private static final List<String> KINDS = List.of("related", "discovered-from");

  /**
   * One request as a correct client would make it.
   *
   * @param json the body, or null for none; mutations change a copy of it before it is encoded
   * @param readsBody the route parses the body, so an invalid body is refused before any write
   */
  record Call(
      String method, String path, String query, Map<String, Object> json, boolean readsBody) {
    String target() {
      return query == null ? path : path + "?" + query;
    }

    byte[] body() {
      return json == null ? null : JSON.writeValueAsBytes(json);
    }

    boolean write() {
      return !method.equals("GET");
    }

    /** The route records who made the change, from {@code X-Tracker-Actor}. */
    boolean usesActor() {
      return write()
          && !path.equals("/v1/projects")
          && !path.endsWith("/sync")
          && !path.endsWith("/import");
    }

    Call withJson(Map<String, Object> value) {
      return new Call(method, path, query, value, readsBody);
    }

    Call withPath(String value) {
      return new Call(method, value, query, json, readsBody);
    }
  }

  private final RandomGenerator random;
  private final TrackedStore store;

  ValidCalls(RandomGenerator random, TrackedStore store) {
    this.random = random;
    this.store = store;
  }

  /** Any call, reads more often than writes (as a client does). */
  Call any() {
    return random.nextInt(100) < 45 ? read() : write();
  }

  Call read() {
    String p = "/v1/projects/" + store.projectKey();
    String issue = p + "/issues/" + issueRef();
    return switch (random.nextInt(17)) {
      case 0 -> get("/v1/health", null);
      case 1 -> get("/v1/status", null);
      case 2 -> get("/v1/metrics", null);
      case 3 -> get("/v1/projects", null);
      case 4 -> get(p, null);
      case 5, 6 -> get(p + "/issues", listQuery());
      case 7 -> get(issue, null);
      case 8 -> get(issue + "/events", null);
      case 9 -> get(issue + "/comments", null);
      case 10 -> get(issue + "/dependencies", null);
      case 11 ->
          get(issue + "/tree", "direction=" + pick("down", "up") + "&depth=" + between(1, 50));
      case 12 -> get(p + "/" + pick("ready", "blocked"), "limit=" + between(1, 1000));
      case 13 -> get(p + "/search", "q=" + encode(pick("crash", "login page", "fz", "db")));
      case 14 -> get(p + "/stats", "days=" + between(1, 366));
      case 15 -> get(p + "/" + pick("labels", "cycles"), null);
      default -> get(p + "/export", null);
    };
  }

  /** A write whose route parses its JSON body. */
  Call bodyWrite() {
    String p = "/v1/projects/" + store.projectKey();
    String issue = p + "/issues/" + issueRef();
    return switch (random.nextInt(12)) {
      case 0, 1, 2 -> body("POST", p + "/issues", draft());
      case 3, 4 -> body("PATCH", issue, patch());
      case 5 -> body("POST", issue + "/close", map("reason", pick("done", "duplicate", "wontfix")));
      case 6 -> body("POST", p + "/issues/" + pick("close", "reopen"), map("ids", someIds()));
      case 7 -> body("POST", p + "/issues/bulk-update", map("ids", someIds(), "patch", patch()));
      case 8 -> body("POST", issue + "/comments", map("body", text(), "author", pick("ann", "bo")));
      case 9 -> body(pick("POST", "PUT"), issue + "/labels", map("labels", someLabels()));
      case 10 ->
          body(
              "POST",
              issue + "/dependencies",
              map("dependsOn", issueRef(), "kind", KINDS.get(random.nextInt(KINDS.size()))));
      default -> body("POST", "/v1/projects", map("key", projectKey(), "name", "Fuzz " + text()));
    };
  }

  /** A write whose route takes no body: only its path and headers can be wrong. */
  Call bodilessWrite() {
    String p = "/v1/projects/" + store.projectKey();
    String id = issueRef();
    String issue = p + "/issues/" + id;
    return switch (random.nextInt(6)) {
      case 0 -> new Call("DELETE", issue, null, null, false);
      case 1 -> new Call("POST", issue + "/reopen", null, null, false);
      case 2 -> new Call("DELETE", issue + "/comments/" + commentOf(id), null, null, false);
      case 3 -> new Call("DELETE", issue + "/labels/" + encode(pickLabel()), null, null, false);
      case 4 ->
          new Call("DELETE", issue + "/dependencies/related/" + issueRef(), null, null, false);
      default -> new Call("POST", p + "/sync", null, null, false);
    };
  }

  Call patchIssue() {
    return body("PATCH", "/v1/projects/" + store.projectKey() + "/issues/" + issueRef(), patch());
  }

  Call deleteIssue() {
    return new Call(
        "DELETE",
        "/v1/projects/" + store.projectKey() + "/issues/" + issueRef(),
        null,
        null,
        false);
  }

  /**
   * A write with one of its path parameters (project, id, comment, label, kind, target) replaced by
   * {@code raw}, put in the path as it is.
   */
  Call writeWithParameter(String raw) {
    String p = "/v1/projects/{p}";
    String i = p + "/issues/{id}";
    Call call =
        switch (random.nextInt(12)) {
          case 0 -> body("POST", p + "/issues", draft());
          case 1 -> body("PATCH", i, patch());
          case 2 -> new Call("DELETE", i, null, null, false);
          case 3 -> body("POST", i + "/close", map("reason", "done"));
          case 4 -> new Call("POST", i + "/reopen", null, null, false);
          case 5 -> body("POST", i + "/comments", map("body", text()));
          case 6 -> new Call("DELETE", i + "/comments/{comment}", null, null, false);
          case 7 -> body(pick("POST", "PUT"), i + "/labels", map("labels", someLabels()));
          case 8 -> new Call("DELETE", i + "/labels/{label}", null, null, false);
          case 9 ->
              body("POST", i + "/dependencies", map("dependsOn", issueRef(), "kind", "related"));
          case 10 -> new Call("DELETE", i + "/dependencies/{kind}/{target}", null, null, false);
          default -> body("POST", p + "/issues/" + pick("close", "reopen"), map("ids", someIds()));
        };
    List<String> names = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(call.path());
    while (m.find()) {
      names.add(m.group(1));
    }
    String hostile = names.get(random.nextInt(names.size()));
    String id = store.randomIssue(random);
    String path = call.path();
    for (String name : names) {
      String value =
          name.equals(hostile)
              ? raw
              : switch (name) {
                case "p" -> store.projectKey();
                case "id", "target" -> id;
                case "comment" -> commentOf(id);
                case "label" -> pickLabel().replace("/", "%2F");
                default -> "related";
              };
      path = path.replace("{" + name + "}", value);
    }
    return call.withPath(path);
  }

  Call write() {
    return random.nextInt(100) < 80 ? bodyWrite() : bodilessWrite();
  }

  private Call get(String path, String query) {
    return new Call("GET", path, query, null, false);
  }

  private static Call body(String method, String path, Map<String, Object> json) {
    return new Call(method, path, null, json, true);
  }

  private String listQuery() {
    List<String> parts = new ArrayList<>();
    if (random.nextBoolean()) {
      parts.add("status=" + pick("open", "in_progress", "closed", "open,closed"));
    }
    if (random.nextBoolean()) {
      parts.add("label=" + encode(pickLabel()));
    }
    if (random.nextInt(4) == 0) {
      parts.add("q=" + encode(pick("crash", "login", "bug")));
    }
    if (random.nextInt(4) == 0) {
      parts.add("priority-min=" + between(0, 2) + "&priority-max=" + between(2, 4));
    }
    if (random.nextInt(4) == 0) {
      parts.add("sort=" + pick("priority", "created", "updated", "id"));
    }
    parts.add("limit=" + between(1, 1000));
    return String.join("&", parts);
  }

  private Map<String, Object> draft() {
    Map<String, Object> draft = map("title", "Fuzz " + text());
    if (random.nextBoolean()) {
      draft.put("description", "Steps:\n1. " + text());
    }
    if (random.nextBoolean()) {
      draft.put("priority", between(0, 4));
    }
    if (random.nextBoolean()) {
      draft.put("type", pick("bug", "feature", "task", "epic", "chore"));
    }
    if (random.nextBoolean()) {
      draft.put("labels", someLabels());
    }
    if (random.nextInt(4) == 0) {
      draft.put("assignee", pick("ann", "bo"));
    }
    return draft;
  }

  private Map<String, Object> patch() {
    Map<String, Object> patch = new LinkedHashMap<>();
    switch (random.nextInt(6)) {
      case 0 -> patch.put("title", "Fuzz " + text());
      case 1 -> patch.put("priority", between(0, 4));
      case 2 -> patch.put("status", pick("open", "in_progress", "blocked"));
      case 3 -> patch.put("assignee", pick("ann", "bo", ""));
      case 4 -> patch.put("labels", someLabels());
      default -> patch.put("description", text());
    }
    return patch;
  }

  String issueRef() {
    String id = store.randomIssue(random);
    // A bare random part is a documented way to name an issue of the project in the path.
    return random.nextInt(5) == 0 ? id.substring(id.indexOf('-') + 1) : id;
  }

  private String commentOf(String ref) {
    String comment = store.randomComment(random);
    return comment == null ? "c" + ref : comment;
  }

  private List<String> someIds() {
    List<String> ids = new ArrayList<>();
    for (int i = between(1, 3); i > 0; i--) {
      ids.add(store.randomIssue(random));
    }
    return ids.stream().distinct().collect(Collectors.toList());
  }

  private List<String> someLabels() {
    List<String> labels = new ArrayList<>();
    for (int i = between(0, 3); i > 0; i--) {
      labels.add(pickLabel());
    }
    return labels;
  }

  String pickLabel() {
    return LABELS.get(random.nextInt(LABELS.size()));
  }

  private String projectKey() {
    return "p" + Long.toString(random.nextLong(1L << 40), 36);
  }

  private String text() {
    return pick("crash on save", "login page", "slow list", "db lock", "typo")
        + " "
        + between(1, 999);
  }

  String pick(String... values) {
    return values[random.nextInt(values.length)];
  }

  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

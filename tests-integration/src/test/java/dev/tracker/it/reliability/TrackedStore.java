package dev.tracker.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The test's own account of what the store should hold: seeded through the API, then changed only
 * by what the daemon accepted (a 2xx answer). Every issue, tombstone and comment is tracked by id,
 * so that the store's export can be compared with it exactly.
 */
final class TrackedStore {
  static final String PROJECT = "fz";
  static final String OTHER_PROJECT = "fy";

  private final Set<String> projects = new TreeSet<>();
  private final Map<String, Set<String>> liveIssues = new TreeMap<>();
  private final Set<String> tombstones = new TreeSet<>();
  private final Map<String, Set<String>> comments = new TreeMap<>();
  private final List<String> mainIssues = new ArrayList<>();
  private final List<String> commentIds = new ArrayList<>();
  private long acceptedWrites;

  /** Two projects, issues with labels, comments, dependencies, closed and deleted ones. */
  static TrackedStore seed(Api api) {
    TrackedStore store = new TrackedStore();
    for (String key : List.of(PROJECT, OTHER_PROJECT)) {
      Api.Reply created = api.post("/v1/projects", Map.of("key", key, "name", "Fuzz " + key));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      store.projects.add(key);
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String project = i < 9 ? PROJECT : OTHER_PROJECT;
      Api.Reply issue =
          api.post(
              "/v1/projects/" + project + "/issues",
              Map.of(
                  "title",
                  "Seed issue " + i + ": crash on login",
                  "description",
                  "Seeded for the fuzz test; see step " + i,
                  "priority",
                  i % 5,
                  "labels",
                  List.of(ValidCalls.LABELS.get(i % ValidCalls.LABELS.size()), "seed")));
      assertThat(issue.status()).as(issue.toString()).isEqualTo(201);
      String id = issue.json().get("id").asString();
      ids.add(id);
      store.issueCreated(id);
      for (int c = 0; c < i % 3; c++) {
        Api.Reply comment =
            api.post(
                "/v1/projects/" + project + "/issues/" + id + "/comments",
                Map.of("body", "Seed comment " + c + " on " + id));
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
        store.commentAdded(id, comment.json().get("id").asString());
      }
    }
    Api.Reply edge =
        api.post(
            "/v1/projects/" + PROJECT + "/issues/" + ids.get(1) + "/dependencies",
            Map.of("dependsOn", ids.get(0), "kind", "blocks"));
    assertThat(edge.status()).as(edge.toString()).isEqualTo(201);
    Api.Reply closed =
        api.post("/v1/projects/" + PROJECT + "/issues/" + ids.get(2) + "/close", null);
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    Api.Reply deleted = api.delete("/v1/projects/" + PROJECT + "/issues/" + ids.get(3));
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    store.issueDeleted(ids.get(3));
    return store;
  }

  String projectKey() {
    return PROJECT;
  }

  String randomIssue(RandomGenerator random) {
    return mainIssues.isEmpty()
        ? PROJECT + "-0000"
        : mainIssues.get(random.nextInt(mainIssues.size()));
  }

  String randomComment(RandomGenerator random) {
    return commentIds.isEmpty() ? null : commentIds.get(random.nextInt(commentIds.size()));
  }

  long acceptedWrites() {
    return acceptedWrites;
  }

  Set<String> projects() {
    return projects;
  }

  /**
   * Takes in what an accepted write did, read from its answer: a created project, issue or comment
   * ({@code 201} with its {@code Location} or body), a deleted issue (its tombstone) or comment.
   * The answer's shape is what counts, not the request's method: a mutated method the daemon
   * accepted as another is accounted for as what it did.
   */
  void accepted(WireResponse response) {
    acceptedWrites++;
    String location = response.header("location");
    if (response.status() == 201 && location != null) {
      String[] parts = location.split("/");
      if (parts.length == 4) {
        projects.add(parts[3]);
        liveIssues.putIfAbsent(parts[3], new TreeSet<>());
      } else {
        issueCreated(parts[parts.length - 1]);
      }
      return;
    }
    JsonNode body = ValidCalls.JSON.readTree(response.body());
    boolean comment = body.isObject() && body.has("issueId") && body.has("body");
    if (response.status() == 201 && comment) {
      commentAdded(body.get("issueId").asString(), body.get("id").asString());
    } else if (comment) {
      // Only a deletion answers a write with a comment and a 200.
      commentDeleted(body.get("issueId").asString(), body.get("id").asString());
    } else if (body.isObject() && body.has("deletedAt")) {
      issueDeleted(body.get("id").asString());
    }
  }

  private void issueCreated(String id) {
    String project = id.substring(0, id.indexOf('-'));
    liveIssues.computeIfAbsent(project, k -> new TreeSet<>()).add(id);
    comments.put(id, new TreeSet<>());
    if (project.equals(PROJECT)) {
      mainIssues.add(id);
    }
  }

  private void issueDeleted(String id) {
    liveIssues.get(id.substring(0, id.indexOf('-'))).remove(id);
    tombstones.add(id);
    mainIssues.remove(id);
  }

  private void commentAdded(String issue, String id) {
    comments.get(issue).add(id);
    commentIds.add(id);
  }

  private void commentDeleted(String issue, String id) {
    comments.get(issue).remove(id);
    commentIds.remove(id);
  }

  /** Live issue ids by project, as this account expects them. */
  Map<String, Set<String>> liveIssues() {
    return liveIssues;
  }

  Set<String> tombstones() {
    return tombstones;
  }

  Set<String> commentsOf(String issue) {
    return comments.getOrDefault(issue, Set.of());
  }
}

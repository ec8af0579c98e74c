package dev.tracker.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.Api;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * All the store holds, as the API shows it: the project list with each project's change counter,
 * and each project's export (every issue and tombstone with its labels, dependencies and comments).
 */
record StoreSnapshot(String projects, Map<String, String> exports) {

  static StoreSnapshot take(Api api) {
    Api.Reply list = api.get("/v1/projects");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    Map<String, String> exports = new TreeMap<>();
    for (JsonNode project : list.json()) {
      String key = project.get("key").asString();
      Api.Reply export = api.get("/v1/projects/" + key + "/export");
      assertThat(export.status()).as(export.toString()).isEqualTo(200);
      exports.put(key, export.text());
    }
    return new StoreSnapshot(list.text(), exports);
  }

  long changeCounts() {
    long sum = 0;
    for (JsonNode project : ValidCalls.JSON.readTree(projects)) {
      sum += project.get("changeCount").asLong();
    }
    return sum;
  }

  /** Where {@code later} first differs from this snapshot, or null if it does not. */
  String firstDifference(StoreSnapshot later) {
    if (!projects.equals(later.projects)) {
      return "projects were\n  " + projects + "\nand became\n  " + later.projects;
    }
    for (Map.Entry<String, String> export : exports.entrySet()) {
      String[] before = export.getValue().split("\n");
      String[] after = later.exports.getOrDefault(export.getKey(), "").split("\n");
      for (int i = 0; i < Math.max(before.length, after.length); i++) {
        String was = i < before.length ? before[i] : "(none)";
        String is = i < after.length ? after[i] : "(none)";
        if (!was.equals(is)) {
          return "export of "
              + export.getKey()
              + ", line "
              + (i + 1)
              + " was\n  "
              + was
              + "\nand became\n  "
              + is;
        }
      }
    }
    return null;
  }

  /** Issue ids of {@code project}'s export: live ones, or tombstones. */
  Set<String> issues(String project, boolean deleted) {
    Set<String> ids = new TreeSet<>();
    for (JsonNode line : lines(project)) {
      if (line.has("deletedAt") == deleted) {
        ids.add(line.get("id").asString());
      }
    }
    return ids;
  }

  /** Comment ids by issue id, over the live issues of {@code project}. */
  Map<String, Set<String>> comments(String project) {
    Map<String, Set<String>> comments = new TreeMap<>();
    for (JsonNode line : lines(project)) {
      if (line.has("deletedAt")) {
        continue;
      }
      Set<String> ids = new TreeSet<>();
      JsonNode list = line.get("comments");
      if (list != null) {
        list.forEach(c -> ids.add(c.get("id").asString()));
      }
      comments.put(line.get("id").asString(), ids);
    }
    return comments;
  }

  private Iterable<JsonNode> lines(String project) {
    java.util.List<JsonNode> lines = new java.util.ArrayList<>();
    for (String line : exports.getOrDefault(project, "").split("\n")) {
      if (!line.isBlank()) {
        lines.add(ValidCalls.JSON.readTree(line));
      }
    }
    return lines;
  }
}

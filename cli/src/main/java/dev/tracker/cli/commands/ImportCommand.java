package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonException;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.ProgressBar;
import dev.tracker.core.error.ExitCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    description = {
      "Import issues from a JSONL file.",
      "Import issues from a JSONL file in the sync file's format (what 'tracker export' writes)."
          + " A line whose id exists in the project updates that issue (fields from the file,"
          + " labels, dependencies and comments added); any other line creates a new issue, which"
          + " gets a new id (references to it in the file follow). Tombstones are skipped.",
      "The whole file is read and checked before anything changes; --dry-run stops there and"
          + " shows what would change.",
      "With --json: {\"dryRun\",\"created\",\"updated\",\"unchanged\",\"skipped\","
          + "\"changes\":[{\"line\",\"action\",\"id\",\"title\",\"fields\"}]}."
    })
final class ImportCommand extends ProjectCommand {
  private static final String[] FIELDS = {
    "title", "description", "status", "priority", "type", "assignee"
  };

  @Parameters(paramLabel = "FILE", description = "The JSONL file ('-' for stdin).")
  String source;

  @Option(names = "--dry-run", description = "Show what would change; change nothing.")
  boolean dryRun;

  /** What importing one line does. */
  record Change(int line, String action, String fileId, JsonObject issue, List<String> fields) {}

  @Override
  protected int execute(Output out) {
    List<JsonObject> lines = parse(TextSources.read("FILE", source, context.env()));
    Api api = api(out);
    Map<String, JsonObject> existing = new HashMap<>();
    for (JsonObject issue :
        ListCommand.fetchAll(api, new UrlPaths.Query(), UrlPaths.project(key(), "issues"), 0)) {
      existing.put(issue.string("id"), issue);
    }
    List<Change> plan = plan(lines, existing);
    if (!dryRun) {
      apply(api, out, lines, plan);
    }
    report(out, plan);
    return ExitCode.OK;
  }

  static List<JsonObject> parse(String text) {
    List<JsonObject> lines = new ArrayList<>();
    String[] raw = text.split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i].strip();
      if (line.isEmpty()) {
        lines.add(null);
        continue;
      }
      JsonObject issue;
      try {
        issue = Json.parseObject(line);
      } catch (JsonException e) {
        throw CliException.usage(
            "line " + (i + 1) + ": " + e.getMessage(), "nothing was imported; fix the line");
      }
      String title = issue.string("title");
      if (title == null || title.isBlank()) {
        throw CliException.usage(
            "line " + (i + 1) + ": the issue has no title", "nothing was imported; fix the line");
      }
      lines.add(issue);
    }
    return lines;
  }

  static List<Change> plan(List<JsonObject> lines, Map<String, JsonObject> existing) {
    List<Change> plan = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      JsonObject line = lines.get(i);
      if (line == null) {
        continue;
      }
      String id = line.string("id");
      JsonObject current = id == null ? null : existing.get(id);
      if (line.get("deletedAt") != null) {
        plan.add(new Change(i + 1, "skip", id, line, List.of()));
      } else if (current == null) {
        plan.add(new Change(i + 1, "create", id, line, List.of()));
      } else {
        List<String> fields = changedFields(current, line);
        plan.add(new Change(i + 1, fields.isEmpty() ? "unchanged" : "update", id, line, fields));
      }
    }
    return plan;
  }

  static List<String> changedFields(JsonObject current, JsonObject line) {
    List<String> fields = new ArrayList<>();
    for (String field : FIELDS) {
      Object wanted = line.get(field);
      if (wanted != null && !wanted.equals(current.get(field))) {
        fields.add(field);
      }
    }
    if (!current.strings("labels").containsAll(line.strings("labels"))) {
      fields.add("labels");
    }
    return fields;
  }

  private void apply(Api api, Output out, List<JsonObject> lines, List<Change> plan) {
    Map<String, String> newIds = new HashMap<>();
    try (ProgressBar progress = out.progress("import", plan.size() * 2)) {
      int done = 0;
      for (Change change : plan) {
        if (change.action().equals("create")) {
          JsonObject created =
              api.post(UrlPaths.project(key(), "issues"), draft(change.issue())).object();
          if (change.fileId() != null) {
            newIds.put(change.fileId(), created.string("id"));
          }
          change.issue().put("newId", created.string("id"));
        } else if (change.action().equals("update")) {
          api.send("PATCH", UrlPaths.issue(key(), change.fileId()), patch(change), null);
        }
        progress.update(++done);
      }
      for (Change change : plan) {
        if (!change.action().equals("skip")) {
          link(api, change, newIds);
        }
        progress.update(++done);
      }
    }
  }

  private static JsonObject draft(JsonObject line) {
    JsonObject draft = new JsonObject();
    for (String field : FIELDS) {
      draft.with(field, line.get(field));
    }
    List<String> labels = line.strings("labels");
    if (!labels.isEmpty()) {
      draft.put("labels", labels);
    }
    return draft;
  }

  private static JsonObject patch(Change change) {
    JsonObject line = change.issue();
    JsonObject patch = new JsonObject();
    for (String field : change.fields()) {
      patch.put(field, line.get(field));
    }
    if (change.fields().contains("labels")) {
      patch.remove("labels");
    }
    if ("closed".equals(line.string("status"))) {
      patch.with("closeReason", line.string("closeReason"));
    }
    return patch;
  }

  /** Parents, dependencies, labels and comments: after every issue exists, so ids resolve. */
  private void link(Api api, Change change, Map<String, String> newIds) {
    JsonObject line = change.issue();
    String id = line.string("newId") != null ? line.string("newId") : change.fileId();
    if (change.action().equals("update") && change.fields().contains("labels")) {
      api.post(
          UrlPaths.issue(key(), id, "labels"),
          new JsonObject().with("labels", line.strings("labels")));
    }
    String parent = line.string("parent");
    if (parent != null && change.action().equals("create")) {
      api.send(
          "PATCH",
          UrlPaths.issue(key(), id),
          new JsonObject().with("parent", newIds.getOrDefault(parent, parent)),
          null);
    }
    List<JsonObject> edges = line.objects("dependencies");
    if (!edges.isEmpty()) {
      Set<String> present = new LinkedHashSet<>();
      if (!change.action().equals("create")) {
        for (JsonObject edge :
            JsonObject.objectsOf(
                api.getList(UrlPaths.issue(key(), id, "dependencies")), "dependencies")) {
          present.add(edge.string("kind") + " " + edge.string("dependsOn"));
        }
      }
      for (JsonObject edge : edges) {
        String target = newIds.getOrDefault(edge.string("dependsOn"), edge.string("dependsOn"));
        if (present.add(edge.string("kind") + " " + target)) {
          api.post(
              UrlPaths.issue(key(), id, "dependencies"),
              new JsonObject().with("dependsOn", target).with("kind", edge.string("kind")));
        }
      }
    }
    List<JsonObject> comments = line.objects("comments");
    if (!comments.isEmpty()) {
      Set<String> present = new LinkedHashSet<>();
      if (!change.action().equals("create")) {
        for (JsonObject comment :
            JsonObject.objectsOf(api.getList(UrlPaths.issue(key(), id, "comments")), "comments")) {
          present.add(comment.string("author") + "\n" + comment.string("body"));
        }
      }
      for (JsonObject comment : comments) {
        if (present.add(comment.string("author") + "\n" + comment.string("body"))) {
          api.post(
              UrlPaths.issue(key(), id, "comments"),
              new JsonObject()
                  .with("body", comment.string("body"))
                  .with("author", comment.string("author")));
        }
      }
    }
  }

  private void report(Output out, List<Change> plan) {
    Map<String, Integer> counts = new HashMap<>();
    List<Object> changes = new ArrayList<>();
    for (Change change : plan) {
      counts.merge(change.action(), 1, Integer::sum);
      JsonObject issue = change.issue();
      String id = issue.string("newId") != null ? issue.string("newId") : change.fileId();
      changes.add(
          new JsonObject()
              .with("line", change.line())
              .with("action", change.action())
              .with("id", id)
              .with("title", issue.string("title"))
              .with("fields", change.fields()));
      if (!out.json() && !change.action().equals("unchanged")) {
        out.line(
            (dryRun ? "would " : "")
                + change.action()
                + " "
                + (id == null ? "(new)" : id)
                + (change.fields().isEmpty() ? "" : " (" + String.join(", ", change.fields()) + ")")
                + ": "
                + dev.tracker.cli.output.TextWidth.oneLine(issue.string("title", "")));
      }
    }
    if (out.json()) {
      out.printJson(
          new JsonObject()
              .with("dryRun", dryRun)
              .with("created", counts.getOrDefault("create", 0))
              .with("updated", counts.getOrDefault("update", 0))
              .with("unchanged", counts.getOrDefault("unchanged", 0))
              .with("skipped", counts.getOrDefault("skip", 0))
              .with("changes", changes));
    } else {
      out.info(
          (dryRun ? "Dry run: would create " : "Created ")
              + counts.getOrDefault("create", 0)
              + (dryRun ? ", update " : ", updated ")
              + counts.getOrDefault("update", 0)
              + "; "
              + counts.getOrDefault("unchanged", 0)
              + " unchanged, "
              + counts.getOrDefault("skip", 0)
              + " skipped.");
    }
  }
}

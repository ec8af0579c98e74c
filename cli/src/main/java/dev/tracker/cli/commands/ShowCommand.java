package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.Style;
import dev.tracker.core.error.ExitCode;
import java.util.ArrayList;
import java.util.List;

final class ShowCommand extends ProjectCommand {
  private static final String[] PRIORITY_NAMES = {"critical", "high", "medium", "low", "backlog"};

  @Override
  void declare(CommandModel model) {
    model
        .named(
            "show",
            "Show issues in full.",
            "Show issues in full: fields, description, dependencies and comments.",
            "With --json: one id prints an object, several print an array.")
        .parameters("1..*", "ID", "Issue ids or unique prefixes.");
  }

  @Override
  protected int execute(Output out) {
    Api api = api(out);
    List<JsonObject> shown = new ArrayList<>();
    for (String id : args.strings("ID")) {
      shown.add(load(api, key(), id));
    }
    if (out.json()) {
      out.printJson(shown.size() == 1 ? shown.get(0) : shown);
      return ExitCode.OK;
    }
    for (int i = 0; i < shown.size(); i++) {
      if (i > 0) {
        out.line("");
      }
      render(out, shown.get(i));
    }
    return ExitCode.OK;
  }

  /** The issue with its {@code comments} and {@code dependencies} added, as in the JSONL file. */
  static JsonObject load(Api api, String project, String id) {
    JsonObject issue = api.getObject(UrlPaths.issue(project, id));
    String fullId = issue.string("id");
    issue.put("dependencies", api.getList(UrlPaths.issue(project, fullId, "dependencies")));
    issue.put("comments", api.getList(UrlPaths.issue(project, fullId, "comments")));
    return issue;
  }

  static void render(Output out, JsonObject issue) {
    Style style = out.style();
    long priority = issue.number("priority", 2);
    String status = issue.string("status", "");
    out.line(style.bold(issue.string("id", "") + "  " + issue.string("title", "")));
    out.line(
        "Status: "
            + style.status(status, status)
            + "   Priority: "
            + style.priority(priority, "P" + priority)
            + " ("
            + (priority >= 0 && priority < 5 ? PRIORITY_NAMES[(int) priority] : "?")
            + ")   Type: "
            + issue.string("type", "")
            + "   Assignee: "
            + issue.string("assignee", "-"));
    List<String> labels = issue.strings("labels");
    if (!labels.isEmpty()) {
      out.line("Labels: " + String.join(", ", labels));
    }
    if (issue.string("parent") != null) {
      out.line("Parent: " + issue.string("parent"));
    }
    String times =
        "Created: "
            + Times.brief(issue.string("createdAt"))
            + "   Updated: "
            + Times.brief(issue.string("updatedAt"));
    if (issue.string("closedAt") != null) {
      times += "   Closed: " + Times.brief(issue.string("closedAt"));
    }
    out.line(style.dim(times));
    if (issue.string("closeReason") != null) {
      out.line("Close reason: " + issue.string("closeReason"));
    }
    String description = issue.string("description");
    if (description != null && !description.isBlank()) {
      out.line("");
      for (String line : description.split("\n", -1)) {
        out.line("  " + line);
      }
    }
    renderDependencies(out, issue);
    List<JsonObject> comments = issue.objects("comments");
    if (!comments.isEmpty()) {
      out.line("");
      out.line("Comments (" + comments.size() + "):");
      for (JsonObject comment : comments) {
        out.line(
            "  "
                + style.bold(comment.string("author", "?"))
                + ", "
                + Times.brief(comment.string("createdAt"))
                + style.dim("  [" + comment.string("id", "") + "]"));
        for (String line : comment.string("body", "").split("\n", -1)) {
          out.line("    " + line);
        }
      }
    }
  }

  private static void renderDependencies(Output out, JsonObject issue) {
    List<JsonObject> edges = issue.objects("dependencies");
    if (edges.isEmpty()) {
      return;
    }
    String id = issue.string("id");
    out.line("");
    out.line("Dependencies:");
    for (JsonObject edge : edges) {
      out.line("  " + DepCommand.describe(edge, id));
    }
  }
}

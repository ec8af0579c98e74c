package dev.tracker.cli.commands;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.Style;
import dev.tracker.cli.output.Table;
import java.util.List;

/** How issues look in a terminal: the list table and the one-line summary. */
final class IssueViews {
  private IssueViews() {}

  static void table(Output out, List<JsonObject> issues) {
    if (issues.isEmpty()) {
      out.info("No issues.");
      return;
    }
    Table table = new Table(List.of("ID", "P", "STATUS", "TYPE", "ASSIGNEE", "TITLE"), 5);
    Style style = out.style();
    for (JsonObject issue : issues) {
      long priority = issue.number("priority", 2);
      String status = issue.string("status", "");
      String[] plain = {
        issue.string("id", ""),
        "P" + priority,
        status,
        issue.string("type", ""),
        issue.string("assignee", ""),
        issue.string("title", "")
      };
      String[] styled = plain.clone();
      styled[1] = style.priority(priority, plain[1]);
      styled[2] = style.status(status, plain[2]);
      table.row(plain, styled);
    }
    out.table(table);
  }

  /** {@code trk-a1b2 [P1 open] Title}. */
  static String summary(JsonObject issue, Style style) {
    long priority = issue.number("priority", 2);
    String status = issue.string("status", "");
    return issue.string("id", "?")
        + " ["
        + style.priority(priority, "P" + priority)
        + " "
        + style.status(status, status)
        + "] "
        + dev.tracker.cli.output.TextWidth.oneLine(issue.string("title", ""));
  }

  static List<JsonObject> objects(List<Object> list, String what) {
    return JsonObject.objectsOf(list, what);
  }
}

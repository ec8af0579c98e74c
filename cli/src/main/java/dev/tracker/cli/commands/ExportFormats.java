package dev.tracker.cli.commands;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The export formats. {@code jsonl} is the daemon's export as it is: the lines of the sync file
 * (docs/sync.md), tombstones included. {@code json} is the live issues' lines as one array; {@code
 * csv} and {@code markdown} are for people and spreadsheets.
 */
final class ExportFormats {
  static final String[] NAMES = {"jsonl", "json", "csv", "markdown"};
  private static final String[] CSV_COLUMNS = {
    "id",
    "title",
    "status",
    "priority",
    "type",
    "assignee",
    "labels",
    "parent",
    "createdAt",
    "updatedAt",
    "closedAt",
    "closeReason",
    "description"
  };

  private ExportFormats() {}

  /**
   * The live issues of an export in the sync file's format (the daemon's {@code GET
   * /v1/projects/{p}/export}): every line parsed, tombstones left out.
   */
  static List<JsonObject> liveIssues(byte[] jsonl) {
    List<JsonObject> issues = new ArrayList<>();
    for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject issue = Json.parseObject(line);
      if (issue.get("deletedAt") == null) {
        issues.add(issue);
      }
    }
    return issues;
  }

  /** {@code json}, {@code csv} or {@code markdown} of sync-file lines. */
  static String render(String format, String project, List<JsonObject> issues) {
    StringBuilder out = new StringBuilder();
    switch (format) {
      case "json":
        out.append(Json.pretty(new ArrayList<Object>(issues))).append('\n');
        break;
      case "csv":
        csv(out, issues);
        break;
      default:
        markdown(out, project, issues);
    }
    return out.toString();
  }

  private static void csv(StringBuilder out, List<JsonObject> issues) {
    out.append(String.join(",", CSV_COLUMNS)).append("\r\n");
    for (JsonObject issue : issues) {
      for (int i = 0; i < CSV_COLUMNS.length; i++) {
        String column = CSV_COLUMNS[i];
        Object value =
            column.equals("labels") ? String.join(";", issue.strings("labels")) : issue.get(column);
        if (i > 0) {
          out.append(',');
        }
        out.append(csvField(value == null ? "" : value.toString()));
      }
      out.append("\r\n");
    }
  }

  /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
  static String csvField(String value) {
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static void markdown(StringBuilder out, String project, List<JsonObject> issues) {
    out.append("# Issues of ").append(project).append("\n");
    for (JsonObject issue : issues) {
      out.append("\n## ")
          .append(issue.string("id"))
          .append(": ")
          .append(issue.string("title", "").replace("\n", " "))
          .append("\n\n");
      out.append("- Status: ").append(issue.string("status", "")).append('\n');
      out.append("- Priority: P").append(issue.number("priority", 2)).append('\n');
      out.append("- Type: ").append(issue.string("type", "")).append('\n');
      appendIf(out, "Assignee", issue.string("assignee"));
      List<String> labels = issue.strings("labels");
      appendIf(out, "Labels", labels.isEmpty() ? null : String.join(", ", labels));
      appendIf(out, "Parent", issue.string("parent"));
      appendIf(out, "Created", issue.string("createdAt"));
      appendIf(out, "Closed", issue.string("closedAt"));
      appendIf(out, "Close reason", issue.string("closeReason"));
      String description = issue.string("description");
      if (description != null && !description.isBlank()) {
        out.append('\n').append(description.strip()).append('\n');
      }
      List<JsonObject> comments = issue.objects("comments");
      if (!comments.isEmpty()) {
        out.append("\n### Comments\n");
        for (JsonObject comment : comments) {
          out.append("\n**")
              .append(comment.string("author", "?"))
              .append("** (")
              .append(comment.string("createdAt", ""))
              .append("):\n\n")
              .append(comment.string("body", "").strip())
              .append('\n');
        }
      }
    }
  }

  private static void appendIf(StringBuilder out, String label, String value) {
    if (value != null) {
      out.append("- ").append(label).append(": ").append(value.replace("\n", " ")).append('\n');
    }
  }
}

package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class UpdateCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "update",
            "Change fields of issues.",
            "Change fields of one or more issues. Several ids are changed all or nothing, except"
                + " with --add-label/--remove-label, which change each issue on its own.",
            "An empty value ('') clears --description, --assignee and --parent.",
            "With --json: the changed issues, always as an array.")
        .parameters("1..*", "ID", "Issue ids or unique prefixes.")
        .option("TEXT", "New title.", "--title")
        .option("TEXT", "New description.", "-d", "--description")
        .option("STATUS", "open, in_progress, blocked, deferred, closed.", "-s", "--status")
        .option("P", "0-4 or a priority name.", "-p", "--priority")
        .option("TYPE", "bug, feature, task, epic, chore.", "-t", "--type")
        .option("NAME", "New assignee.", "-a", "--assignee")
        .option("ID", "New parent epic.", "--parent")
        .commaSeparated("LABEL", "Replace the labels.", "--set-labels")
        .commaSeparated("LABEL", "Add labels.", "--add-label")
        .commaSeparated("LABEL", "Remove labels.", "--remove-label")
        .option("TEXT", "Close reason, with --status closed.", "--reason");
  }

  @Override
  protected int execute(Output out) {
    JsonObject patch = patch();
    boolean labelEdits = args.given("--add-label") || args.given("--remove-label");
    if (patch.isEmpty() && !labelEdits) {
      throw CliException.usage(
          "nothing to change",
          "give at least one of --title, --status, --priority, ... (see --help)");
    }
    if (labelEdits && args.given("--set-labels")) {
      throw CliException.usage(
          "--set-labels excludes --add-label and --remove-label", "use one or the other");
    }
    Api api = api(out);
    List<String> ids = args.strings("ID");
    List<JsonObject> changed = new ArrayList<>();
    if (labelEdits) {
      for (String id : ids) {
        changed.add(updateWithLabels(api, id, patch));
      }
    } else if (ids.size() == 1) {
      changed.add(send(api, ids.get(0), patch, null));
    } else {
      JsonObject body = new JsonObject().with("ids", ids).with("patch", patch);
      changed.addAll(
          JsonObject.objectsOf(
              api.post(UrlPaths.project(key(), "issues", "bulk-update"), body).list(), "issues"));
    }
    if (out.json()) {
      out.printJson(changed);
    } else {
      for (JsonObject issue : changed) {
        out.info("Updated " + IssueViews.summary(issue, out.style()));
      }
    }
    return ExitCode.OK;
  }

  private JsonObject patch() {
    JsonObject patch =
        new JsonObject()
            .with("title", Inputs.nonBlank("--title", args.string("--title")))
            .with("description", args.string("--description"))
            .with("status", Inputs.status("--status", args.string("--status")))
            .with("priority", Inputs.priority("--priority", args.string("--priority")))
            .with("type", Inputs.type("--type", args.string("--type")))
            .with("assignee", args.string("--assignee"))
            .with("parent", args.string("--parent"))
            .with("closeReason", args.string("--reason"));
    if (args.given("--set-labels")) {
      patch.put("labels", Inputs.labels(args.strings("--set-labels")));
    }
    return patch;
  }

  /** Reads the labels, applies the edits and writes them back if nobody changed it meanwhile. */
  private JsonObject updateWithLabels(Api api, String id, JsonObject fields) {
    Api.Reply current = api.get(UrlPaths.issue(key(), id));
    JsonObject issue = current.object();
    Set<String> labels = new LinkedHashSet<>(issue.strings("labels"));
    labels.addAll(Inputs.labels(args.strings("--add-label")));
    labels.removeAll(Inputs.labels(args.strings("--remove-label")));
    JsonObject patch = new JsonObject();
    patch.putAll(fields);
    patch.put("labels", new ArrayList<>(labels));
    return send(api, issue.string("id"), patch, current.headers().get("etag"));
  }

  private JsonObject send(Api api, String id, JsonObject patch, String etag) {
    return api.send(
            "PATCH",
            UrlPaths.issue(key(), id),
            patch,
            etag == null ? null : Map.of("If-Match", etag))
        .object();
  }
}

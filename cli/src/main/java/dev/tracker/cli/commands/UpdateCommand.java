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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "update",
    description = {
      "Change fields of issues.",
      "Change fields of one or more issues. Several ids are changed all or nothing, except"
          + " with --add-label/--remove-label, which change each issue on its own.",
      "An empty value ('') clears --description, --assignee and --parent.",
      "With --json: the changed issues, always as an array."
    })
final class UpdateCommand extends ProjectCommand {
  @Parameters(arity = "1..*", paramLabel = "ID", description = "Issue ids or unique prefixes.")
  List<String> ids;

  @Option(names = "--title", paramLabel = "TEXT", description = "New title.")
  String title;

  @Option(
      names = {"-d", "--description"},
      paramLabel = "TEXT",
      description = "New description.")
  String description;

  @Option(
      names = {"-s", "--status"},
      paramLabel = "STATUS",
      description = "open, in_progress, blocked, deferred, closed.")
  String status;

  @Option(
      names = {"-p", "--priority"},
      paramLabel = "P",
      description = "0-4 or a priority name.")
  String priority;

  @Option(
      names = {"-t", "--type"},
      paramLabel = "TYPE",
      description = "bug, feature, task, epic, chore.")
  String type;

  @Option(
      names = {"-a", "--assignee"},
      paramLabel = "NAME",
      description = "New assignee.")
  String assignee;

  @Option(names = "--parent", paramLabel = "ID", description = "New parent epic.")
  String parent;

  @Option(
      names = "--set-labels",
      paramLabel = "LABEL",
      split = ",",
      description = "Replace the labels.")
  List<String> setLabels;

  @Option(names = "--add-label", paramLabel = "LABEL", split = ",", description = "Add labels.")
  List<String> addLabels;

  @Option(
      names = "--remove-label",
      paramLabel = "LABEL",
      split = ",",
      description = "Remove labels.")
  List<String> removeLabels;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Close reason, with --status closed.")
  String reason;

  @Override
  protected int execute(Output out) {
    JsonObject patch = patch();
    boolean labelEdits = addLabels != null || removeLabels != null;
    if (patch.isEmpty() && !labelEdits) {
      throw CliException.usage(
          "nothing to change",
          "give at least one of --title, --status, --priority, ... (see --help)");
    }
    if (labelEdits && setLabels != null) {
      throw CliException.usage(
          "--set-labels excludes --add-label and --remove-label", "use one or the other");
    }
    Api api = api(out);
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
            .with("title", Inputs.nonBlank("--title", title))
            .with("description", description)
            .with("status", Inputs.status("--status", status))
            .with("priority", Inputs.priority("--priority", priority))
            .with("type", Inputs.type("--type", type))
            .with("assignee", assignee)
            .with("parent", parent)
            .with("closeReason", reason);
    if (setLabels != null) {
      patch.put("labels", Inputs.labels(setLabels));
    }
    return patch;
  }

  /** Reads the labels, applies the edits and writes them back if nobody changed it meanwhile. */
  private JsonObject updateWithLabels(Api api, String id, JsonObject fields) {
    Api.Reply current = api.get(UrlPaths.issue(key(), id));
    JsonObject issue = current.object();
    Set<String> labels = new LinkedHashSet<>(issue.strings("labels"));
    labels.addAll(Inputs.labels(addLabels));
    labels.removeAll(Inputs.labels(removeLabels));
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

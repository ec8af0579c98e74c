package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.Table;
import dev.tracker.core.error.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "label",
    description = "Add, remove, replace or list labels.",
    subcommands = {
      LabelCommand.Add.class,
      LabelCommand.Remove.class,
      LabelCommand.Replace.class,
      LabelCommand.ListLabels.class
    })
final class LabelCommand extends GroupCommand {

  abstract static class Change extends ProjectCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Issue id or unique prefix.")
    String id;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "LABEL",
        description = "Labels (commas separate too).")
    List<String> labels;

    abstract JsonObject change(Api api, List<String> labels);

    @Override
    protected int execute(Output out) {
      List<String> given = Inputs.labels(labels);
      if (given.isEmpty()) {
        throw CliException.usage("no labels given", null);
      }
      JsonObject issue = change(api(out), given);
      if (out.json()) {
        out.printJson(issue);
      } else {
        List<String> now = issue.strings("labels");
        out.info(
            issue.string("id") + " labels: " + (now.isEmpty() ? "(none)" : String.join(", ", now)));
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "add",
      description = {"Add labels to an issue.", "With --json: the issue."})
  static final class Add extends Change {
    @Override
    JsonObject change(Api api, List<String> labels) {
      return api.post(UrlPaths.issue(key(), id, "labels"), new JsonObject().with("labels", labels))
          .object();
    }
  }

  @Command(
      name = "remove",
      description = {"Remove labels from an issue.", "With --json: the issue."})
  static final class Remove extends Change {
    @Override
    JsonObject change(Api api, List<String> labels) {
      JsonObject issue = null;
      for (String label : labels) {
        issue = api.send("DELETE", UrlPaths.issue(key(), id, "labels", label), null, null).object();
      }
      return issue;
    }
  }

  @Command(
      name = "set",
      description = {"Replace an issue's labels.", "With --json: the issue."})
  static final class Replace extends Change {
    @Override
    JsonObject change(Api api, List<String> labels) {
      return api.send(
              "PUT",
              UrlPaths.issue(key(), id, "labels"),
              new JsonObject().with("labels", labels),
              null)
          .object();
    }
  }

  @Command(
      name = "list",
      description = {
        "List the labels in use in the project with their counts, or one issue's labels.",
        "With --json: [{\"label\",\"count\"}] for the project, [\"label\", ...] for an issue."
      })
  static final class ListLabels extends ProjectCommand {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "An issue: list only its labels.")
    String id;

    @Override
    protected int execute(Output out) {
      if (id != null) {
        List<String> labels = api(out).getObject(UrlPaths.issue(key(), id)).strings("labels");
        if (out.json()) {
          out.printJson(labels);
        } else {
          for (String label : labels) {
            out.line(label);
          }
        }
        return ExitCode.OK;
      }
      List<JsonObject> counts =
          JsonObject.objectsOf(api(out).getList(UrlPaths.project(key(), "labels")), "labels");
      if (out.json()) {
        out.printJson(counts);
        return ExitCode.OK;
      }
      if (counts.isEmpty()) {
        out.info("No labels.");
        return ExitCode.OK;
      }
      Table table = new Table(List.of("LABEL", "ISSUES"), 0);
      for (JsonObject count : counts) {
        table.row(count.string("label", ""), String.valueOf(count.number("count", 0)));
      }
      out.table(table);
      return ExitCode.OK;
    }
  }
}

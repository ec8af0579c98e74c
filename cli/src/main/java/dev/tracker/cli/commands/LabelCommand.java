package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.Table;
import dev.tracker.core.error.ExitCode;
import java.util.List;

final class LabelCommand extends GroupCommand {
  LabelCommand() {
    super(
        "label",
        "Add, remove, replace or list labels.",
        new Add(),
        new Remove(),
        new Replace(),
        new ListLabels());
  }

  /** A change to one issue's labels: {@code label add|remove|set ID LABEL...}. */
  abstract static class Change extends ProjectCommand {
    /** The parameters; subclasses name the subcommand. */
    @Override
    void declare(CommandModel model) {
      model
          .parameter("ID", "Issue id or unique prefix.")
          .parameters("1..*", "LABEL", "Labels (commas separate too).");
    }

    abstract JsonObject change(Api api, String id, List<String> labels);

    @Override
    protected int execute(Output out) {
      List<String> given = Inputs.labels(args.strings("LABEL"));
      if (given.isEmpty()) {
        throw CliException.usage("no labels given", null);
      }
      JsonObject issue = change(api(out), args.string("ID"), given);
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

  static final class Add extends Change {
    @Override
    void declare(CommandModel model) {
      super.declare(model.named("add", "Add labels to an issue.", "With --json: the issue."));
    }

    @Override
    JsonObject change(Api api, String id, List<String> labels) {
      return api.post(UrlPaths.issue(key(), id, "labels"), new JsonObject().with("labels", labels))
          .object();
    }
  }

  static final class Remove extends Change {
    @Override
    void declare(CommandModel model) {
      super.declare(
          model.named("remove", "Remove labels from an issue.", "With --json: the issue."));
    }

    @Override
    JsonObject change(Api api, String id, List<String> labels) {
      JsonObject issue = null;
      for (String label : labels) {
        issue = api.send("DELETE", UrlPaths.issue(key(), id, "labels", label), null, null).object();
      }
      return issue;
    }
  }

  static final class Replace extends Change {
    @Override
    void declare(CommandModel model) {
      super.declare(model.named("set", "Replace an issue's labels.", "With --json: the issue."));
    }

    @Override
    JsonObject change(Api api, String id, List<String> labels) {
      return api.send(
              "PUT",
              UrlPaths.issue(key(), id, "labels"),
              new JsonObject().with("labels", labels),
              null)
          .object();
    }
  }

  static final class ListLabels extends ProjectCommand {
    @Override
    void declare(CommandModel model) {
      model
          .named(
              "list",
              "List the labels in use in the project with their counts, or one issue's labels.",
              "With --json: [{\"label\",\"count\"}] for the project, [\"label\", ...] for an"
                  + " issue.")
          .optionalParameter(String.class, "ID", "An issue: list only its labels.");
    }

    @Override
    protected int execute(Output out) {
      String id = args.string("ID");
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

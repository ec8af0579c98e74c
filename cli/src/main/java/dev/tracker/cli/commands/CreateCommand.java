package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.config.ConfigKey;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.edit.Editor;
import dev.tracker.cli.edit.IssueTemplate;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.ArrayList;
import java.util.List;

final class CreateCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "create",
            "Create an issue.",
            "Create an issue. Without a title (or with --edit) your editor opens on a template, as"
                + " for a git commit; an empty title aborts.")
        .parameters("0..*", "TITLE", "The title; words are joined.")
        .option("TEXT", "Description (Markdown).", "-d", "--description")
        .option("FILE", "Read the description from FILE ('-' for stdin).", "--description-file")
        .option(
            "P",
            "0-4 or critical, high, medium, low, backlog (default: medium).",
            "-p",
            "--priority")
        .option("TYPE", "bug, feature, task (default), epic, chore.", "-t", "--type")
        .option(
            "STATUS", "open (default), in_progress, blocked, deferred, closed.", "-s", "--status")
        .option("NAME", "Who works on it.", "-a", "--assignee")
        .repeatable("LABEL", "A label; repeat or separate with commas.", "-l", "--label")
        .option("ID", "The epic this issue belongs to.", "--parent")
        .repeatable("ID", "An issue that must be closed first; repeatable.", "--blocked-by")
        .repeatable(
            "KIND:ID",
            "Another edge, e.g. related:trk-a1b2 or discovered-from:trk-c3d4; repeatable.",
            "--depends-on")
        .flag("Open the editor even when a title is given.", "-e", "--edit");
  }

  @Override
  protected int execute(Output out) {
    String text = descriptionText();
    String titleText = String.join(" ", args.strings("TITLE")).trim();
    if (titleText.isEmpty() || args.flag("--edit")) {
      Editor editor = Editor.choose(context.env(), context.config().get(ConfigKey.EDITOR));
      String edited =
          editor.edit(
              IssueTemplate.render(titleText, text, "New issue in project " + key()),
              context.env(),
              out.stdout(),
              out.stderr());
      IssueTemplate.Edited result = IssueTemplate.parse(edited);
      if (result.title() == null || result.title().isEmpty()) {
        throw CliException.error("aborted: the title is empty; nothing was created", null);
      }
      titleText = result.title();
      text = result.description().isEmpty() ? null : result.description();
    }
    JsonObject draft =
        new JsonObject()
            .with("title", titleText)
            .with("description", text)
            .with("status", Inputs.status("--status", args.string("--status")))
            .with("priority", Inputs.priority("--priority", args.string("--priority")))
            .with("type", Inputs.type("--type", args.string("--type")))
            .with("assignee", Inputs.nonBlank("--assignee", args.string("--assignee")))
            .with("parent", Inputs.nonBlank("--parent", args.string("--parent")));
    List<String> labelList = Inputs.labels(args.strings("--label"));
    if (!labelList.isEmpty()) {
      draft.put("labels", labelList);
    }
    List<Object> edges = edges();
    if (!edges.isEmpty()) {
      draft.put("dependencies", edges);
    }
    JsonObject issue = api(out).post(UrlPaths.project(key(), "issues"), draft).object();
    if (out.json()) {
      out.printJson(issue);
    } else if (out.quiet()) {
      out.line(issue.string("id"));
    } else {
      out.line("Created " + IssueViews.summary(issue, out.style()));
    }
    return ExitCode.OK;
  }

  private String descriptionText() {
    String description = args.string("--description");
    String descriptionFile = args.string("--description-file");
    if (description != null && descriptionFile != null) {
      throw CliException.usage(
          "--description and --description-file exclude each other", "give only one of them");
    }
    return descriptionFile != null
        ? TextSources.read("--description-file", descriptionFile, context.env())
        : description;
  }

  private List<Object> edges() {
    List<Object> edges = new ArrayList<>();
    for (String id : args.strings("--blocked-by")) {
      edges.add(new JsonObject().with("kind", "blocks").with("dependsOn", id));
    }
    for (String edge : args.strings("--depends-on")) {
      int colon = edge.indexOf(':');
      if (colon <= 0 || colon == edge.length() - 1) {
        throw CliException.usage(
            "--depends-on: expected KIND:ID, such as related:trk-a1b2 (got '" + edge + "')", null);
      }
      edges.add(
          new JsonObject()
              .with("kind", Inputs.kind("--depends-on", edge.substring(0, colon)))
              .with("dependsOn", edge.substring(colon + 1)));
    }
    return edges;
  }
}

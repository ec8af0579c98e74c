package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.config.ConfigKey;
import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.edit.Editor;
import dev.tracker.cli.edit.IssueTemplate;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.Map;

final class EditCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "edit",
            "Edit an issue in your editor.",
            "Edit an issue's title and description in your editor ($EDITOR, then $VISUAL, then vi)."
                + " An empty title aborts; if someone else changed the issue meanwhile, nothing is"
                + " saved (exit 4).",
            "With --json: the issue after the edit.")
        .parameter("ID", "Issue id or unique prefix.");
  }

  @Override
  protected int execute(Output out) {
    Api api = api(out);
    Api.Reply reply = api.get(UrlPaths.issue(key(), args.string("ID")));
    JsonObject issue = reply.object();
    String fullId = issue.string("id");
    Editor editor = Editor.choose(context.env(), context.config().get(ConfigKey.EDITOR));
    String before =
        IssueTemplate.render(
            issue.string("title"), issue.string("description"), "Editing " + fullId);
    IssueTemplate.Edited edited =
        IssueTemplate.parse(editor.edit(before, context.env(), out.stdout(), out.stderr()));
    if (edited.title() == null || edited.title().isEmpty()) {
      throw CliException.error("aborted: the title is empty; " + fullId + " is unchanged", null);
    }
    JsonObject patch = new JsonObject();
    if (!edited.title().equals(issue.string("title"))) {
      patch.put("title", edited.title());
    }
    if (!edited.description().equals(issue.string("description", "").strip())) {
      patch.put("description", edited.description());
    }
    if (patch.isEmpty()) {
      if (out.json()) {
        out.printJson(issue);
      } else {
        out.info("No changes; " + fullId + " is unchanged.");
      }
      return ExitCode.OK;
    }
    String etag = reply.headers().get("etag");
    JsonObject updated =
        api.send(
                "PATCH",
                UrlPaths.issue(key(), fullId),
                patch,
                etag == null ? null : Map.of("If-Match", etag))
            .object();
    if (out.json()) {
      out.printJson(updated);
    } else {
      out.info("Updated " + IssueViews.summary(updated, out.style()));
    }
    return ExitCode.OK;
  }
}

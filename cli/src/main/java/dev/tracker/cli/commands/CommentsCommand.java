package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.List;

final class CommentsCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "comments",
            "List an issue's comments.",
            "List an issue's comments, oldest first.",
            "With --json: an array of comments.")
        .parameter("ID", "Issue id or unique prefix.");
  }

  @Override
  protected int execute(Output out) {
    List<JsonObject> comments =
        JsonObject.objectsOf(
            api(out).getList(UrlPaths.issue(key(), args.string("ID"), "comments")), "comments");
    if (out.json()) {
      out.printJson(comments);
      return ExitCode.OK;
    }
    if (comments.isEmpty()) {
      out.info("No comments.");
    }
    for (JsonObject comment : comments) {
      out.line(
          out.style().bold(comment.string("author", "?"))
              + ", "
              + Times.brief(comment.string("createdAt"))
              + out.style().dim("  [" + comment.string("id", "") + "]"));
      for (String line : comment.string("body", "").split("\n", -1)) {
        out.line("  " + line);
      }
    }
    return ExitCode.OK;
  }
}

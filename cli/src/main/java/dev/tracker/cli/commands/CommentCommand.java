package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.config.ConfigKey;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.edit.Editor;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.List;

final class CommentCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "comment",
            "Comment on an issue.",
            "Comment on an issue: the text from the arguments, from --file ('-' for stdin), or else"
                + " from your editor. With --delete, remove a comment instead.",
            "With --json: the new comment (or, with --delete, the daemon's answer).")
        .parameter("ID", "Issue id or unique prefix.")
        .parameters("0..*", "TEXT", "The comment; words are joined.")
        .option("FILE", "Read the comment from FILE ('-' for stdin).", "-f", "--file")
        .option("NAME", "Author (default: user.name, else your login).", "--author")
        .option("COMMENT_ID", "Delete this comment of the issue.", "--delete");
  }

  @Override
  protected int execute(Output out) {
    String id = args.string("ID");
    String delete = args.string("--delete");
    if (delete != null) {
      if (!args.strings("TEXT").isEmpty() || args.string("--file") != null) {
        throw CliException.usage("--delete takes no comment text", null);
      }
      Object answer =
          api(out).send("DELETE", UrlPaths.issue(key(), id, "comments", delete), null, null).body();
      if (out.json()) {
        out.printJson(answer);
      } else {
        out.info("Deleted comment " + delete);
      }
      return ExitCode.OK;
    }
    String body = body(out, id);
    if (body.isBlank()) {
      throw CliException.error("aborted: the comment is empty; nothing was added", null);
    }
    JsonObject comment =
        api(out)
            .post(
                UrlPaths.issue(key(), id, "comments"),
                new JsonObject().with("body", body.strip()).with("author", args.string("--author")))
            .object();
    if (out.json()) {
      out.printJson(comment);
    } else if (out.quiet()) {
      out.line(comment.string("id"));
    } else {
      out.line("Commented on " + comment.string("issueId", id) + " [" + comment.string("id") + "]");
    }
    return ExitCode.OK;
  }

  private String body(Output out, String id) {
    List<String> words = args.strings("TEXT");
    String file = args.string("--file");
    if (file != null) {
      if (!words.isEmpty()) {
        throw CliException.usage("give the comment as TEXT or with --file, not both", null);
      }
      return TextSources.read("--file", file, context.env());
    }
    if (!words.isEmpty()) {
      return String.join(" ", words);
    }
    Editor editor = Editor.choose(context.env(), context.config().get(ConfigKey.EDITOR));
    String text =
        editor.edit(
            "\n# Comment on " + id + ". Lines starting with '#' are ignored; empty aborts.\n",
            context.env(),
            out.stdout(),
            out.stderr());
    StringBuilder kept = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.startsWith("#")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }
}

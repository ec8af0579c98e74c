package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.TextWidth;
import dev.tracker.core.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

final class ImportCommand extends ProjectCommand {
  /** Changes listed without -v: enough to see what happens, not a screenful per thousand. */
  private static final int SHOWN = 20;

  @Override
  void declare(CommandModel model) {
    model
        .named(
            "import",
            "Import issues from a JSONL file.",
            "Merge the issues of a JSONL file in the sync file's format (what 'tracker export'"
                + " writes) into the project, as the sync does with a file it has no base for: ids"
                + " are kept; for an issue on both sides, each field takes the newer edit; labels,"
                + " dependencies and comments are united; a tombstone deletes an issue it is newer"
                + " than.",
            "The daemon reads and checks the whole file first and writes it in one transaction: a"
                + " file with a bad line, or an issue of another project, changes nothing."
                + " --dry-run shows what would change.",
            "With --json: {\"project\",\"file\",\"dryRun\",\"created\",\"updated\","
                + "\"deleted\",\"unchanged\",\"changes\":[{\"id\",\"change\",\"title\"}]}.")
        .parameter("FILE", "The JSONL file ('-' for stdin).")
        .flag("Show what would change; change nothing.", "--dry-run");
  }

  @Override
  protected int execute(Output out) throws IOException {
    String source = args.string("FILE");
    boolean dryRun = args.flag("--dry-run");
    Api api = api(out);
    Path stdinCopy = source.equals("-") ? copyStdin() : null;
    try {
      Path file =
          stdinCopy != null ? stdinCopy : context.env().workingDir().resolve(source).normalize();
      if (stdinCopy == null && !Files.isReadable(file)) {
        throw CliException.usage(
            "FILE: cannot read " + source + (Files.exists(file) ? "" : ": no such file"), null);
      }
      if (out.stderrIsTerminal() && !out.quiet()) {
        out.stderr().print((dryRun ? "checking " : "importing ") + source + "...");
        out.stderr().flush();
      }
      JsonObject report;
      try {
        report =
            api.post(
                    UrlPaths.project(key(), "import"),
                    new JsonObject()
                        .with("file", file.toAbsolutePath().toString())
                        .with("dryRun", dryRun))
                .object();
      } finally {
        if (out.stderrIsTerminal() && !out.quiet()) {
          out.stderr().print("\r\u001b[2K");
          out.stderr().flush();
        }
      }
      print(out, report, dryRun);
      return ExitCode.OK;
    } finally {
      if (stdinCopy != null) {
        Files.deleteIfExists(stdinCopy);
      }
    }
  }

  /** The daemon reads files, not streams: stdin goes to a private temporary file first. */
  private Path copyStdin() throws IOException {
    Path copy =
        Files.createTempFile(
            "tracker-import-",
            ".jsonl",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (InputStream in = context.env().stdin()) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    return copy;
  }

  private static void print(Output out, JsonObject report, boolean dryRun) {
    if (out.json()) {
      out.printJson(report);
      return;
    }
    List<JsonObject> changes = report.objects("changes");
    int shown = out.quiet() ? 0 : out.verbose() ? changes.size() : Math.min(changes.size(), SHOWN);
    for (JsonObject change : changes.subList(0, shown)) {
      out.line(
          (dryRun ? "would " : "")
              + change.string("change")
              + " "
              + change.string("id")
              + ": "
              + TextWidth.oneLine(change.string("title", "")));
    }
    if (shown < changes.size() && !out.quiet()) {
      out.line("... and " + (changes.size() - shown) + " more (-v or --json lists them all)");
    }
    out.info(
        (dryRun ? "Dry run, nothing changed: would create " : "Imported: created ")
            + report.get("created")
            + ", "
            + (dryRun ? "update " : "updated ")
            + report.get("updated")
            + ", "
            + (dryRun ? "delete " : "deleted ")
            + report.get("deleted")
            + "; "
            + report.get("unchanged")
            + " unchanged.");
  }
}

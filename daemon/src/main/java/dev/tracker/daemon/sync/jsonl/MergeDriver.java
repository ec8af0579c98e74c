package dev.tracker.daemon.sync.jsonl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The git merge driver for {@code .tracker/issues.jsonl}: {@code tracker-daemon merge-driver %O %A
 * %B}. It merges with {@link IssueMerge}, the same merge the import uses, so a merge in git and an
 * import of the same two versions give the same issues.
 *
 * <p>Installed with {@code .gitattributes} ({@code /.tracker/issues.jsonl merge=tracker}) and
 * {@code git config merge.tracker.driver "tracker-daemon merge-driver %O %A %B"}; see {@code
 * docs/sync.md}.
 */
public final class MergeDriver {
  static final String PREFIX = "tracker-daemon merge-driver: ";

  private MergeDriver() {}

  /**
   * Merges {@code ours} and {@code theirs} with {@code base} as their ancestor and writes the
   * result over {@code ours}. A missing or empty {@code base} means no common ancestor is known.
   *
   * @return 0 when merged; 1 when an input cannot be read or the result cannot be written, after
   *     one line on {@code err} naming the file and the line. {@code ours} is then left as it was,
   *     and git reports a conflict as it would without this driver.
   */
  public static int run(Path base, Path ours, Path theirs, PrintStream err) {
    List<IssueLine> ancestor;
    List<IssueLine> left;
    List<IssueLine> right;
    try {
      ancestor = readBase(base);
      left = read("ours", ours);
      right = read("theirs", theirs);
    } catch (Unreadable e) {
      err.println(PREFIX + e.getMessage());
      return 1;
    }
    List<IssueLine> merged = IssueMerge.merge(ancestor, left, right);
    byte[] content = JsonlCodec.write(merged);
    try {
      JsonlCodec.read(content);
    } catch (JsonlException e) {
      err.println(
          PREFIX + "the merged file would not be readable (" + e.getMessage() + "); merge by hand");
      return 1;
    }
    try {
      AtomicFiles.write(ours, content);
    } catch (IOException e) {
      err.println(PREFIX + "cannot write the result to " + ours + ": " + e);
      return 1;
    }
    return 0;
  }

  private static List<IssueLine> readBase(Path base) throws Unreadable {
    if (!Files.exists(base)) {
      return null;
    }
    List<IssueLine> issues = read("base", base);
    return issues.isEmpty() ? null : issues;
  }

  private static List<IssueLine> read(String side, Path file) throws Unreadable {
    byte[] content;
    try {
      content = FileBytes.read(file);
    } catch (NoSuchFileException e) {
      throw new Unreadable(side + " (" + file + ") does not exist");
    } catch (IOException e) {
      throw new Unreadable("cannot read " + side + " (" + file + "): " + e);
    }
    try {
      return JsonlCodec.read(content);
    } catch (JsonlException e) {
      throw new Unreadable(side + " (" + file + "): " + e.getMessage());
    }
  }

  private static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }
}

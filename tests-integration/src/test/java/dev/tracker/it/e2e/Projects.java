package dev.tracker.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Set-up steps the end-to-end tests share: a git repository with an initialized project. */
public final class Projects {
  private Projects() {}

  /**
   * A fresh git repository {@code name} under the runner's working directory, initialized as
   * project {@code key}; returns a runner that works in it.
   */
  public static CliRunner initRepo(CliRunner cli, String name, String key) {
    Path repo = cli.workDir().resolve(name);
    try {
      Files.createDirectories(repo);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CliRunner inRepo = cli.in(repo);
    ok(inRepo.exec("git", "init", "-q", "."));
    ok(inRepo.run("init", "--key", key, "-q"));
    return inRepo;
  }

  /** Creates an issue with {@code args} (title and options) and returns it, from --json. */
  public static JsonObject create(CliRunner cli, String... args) {
    String[] command = new String[args.length + 2];
    command[0] = "create";
    System.arraycopy(args, 0, command, 1, args.length);
    command[args.length + 1] = "--json";
    return ok(cli.run(command)).object();
  }

  public static String createId(CliRunner cli, String... args) {
    return create(cli, args).string("id");
  }

  /**
   * Asserts a failure as the CLI reports one: the exit code, nothing on stdout (so a script reading
   * --json never sees half a document), and on stderr one line {@code tracker...: <what>} naming
   * every one of {@code mentions}, optionally followed by one {@code hint: } line.
   */
  public static CliResult fails(CliResult result, int exitCode, String... mentions) {
    assertThat(result.exitCode()).as("exit code of%n%s", result).isEqualTo(exitCode);
    assertThat(result.stdout()).as("stdout of%n%s", result).isEmpty();
    List<String> lines = result.stderrLines();
    assertThat(lines).as("stderr of%n%s", result).hasSizeBetween(1, 2);
    assertThat(lines.get(0)).as("stderr of%n%s", result).startsWith("tracker").contains(mentions);
    if (lines.size() == 2) {
      assertThat(lines.get(1)).as("stderr of%n%s", result).startsWith("hint: ");
    }
    return result;
  }

  /** Asserts success: exit 0 and nothing on stderr. */
  public static CliResult ok(CliResult result) {
    assertThat(result.exitCode()).as("exit code of%n%s", result).isZero();
    assertThat(result.stderr()).as("stderr of%n%s", result).isEmpty();
    return result;
  }
}

package dev.tracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.testing.CliHarness;
import dev.tracker.cli.testing.CliHarness.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens before any daemon is asked: parsing, help, usage errors, exit codes. */
class ParsingTest {
  @TempDir Path home;

  private CliHarness cli() {
    return new CliHarness(home);
  }

  @Test
  void aMistypedCommandGetsDidYouMeanAndExit2() {
    Result result = cli().run("lsit");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("tracker: 'lsit' is not a tracker command\n")
        .contains("hint: did you mean list");
  }

  @Test
  void aMistypedSubcommandGetsDidYouMeanToo() {
    Result result = cli().run("daemon", "stpo");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("'stpo' is not a tracker daemon command").contains("stop");
  }

  @Test
  void anUnknownOptionIsOneLineAndAHint() {
    Result result = cli().run("list", "--colour");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err().lines())
        .containsExactly(
            "tracker list: unknown option '--colour'", "hint: see 'tracker list --help'");
  }

  @Test
  void aBadPriorityFailsBeforeAnyDaemonIsAsked() {
    Result result = cli().run("create", "Fix it", "-p", "urgent");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("tracker: --priority: unknown value 'urgent'; use 0 to 4 or critical");
  }

  @Test
  void aBadStatusNamesTheAcceptedValues() {
    Result result = cli().run("list", "--status", "done");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("--status: unknown value 'done'; expected one of open, in_progress, blocked");
  }

  @Test
  void noCommandIsAUsageError() {
    Result result = cli().run();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("a command is required");
  }

  @Test
  void helpListsEveryCommandAndExits0() {
    Result result = cli().run("--help");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("init", "create", "dep", "daemon", "completion", "version");
  }

  @Test
  void helpWithACommandShowsThatCommandsUsage() {
    Result result = cli().run("help", "list");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).startsWith("Usage: tracker list [-hqv] [--all] [--json]");
  }

  @Test
  void aGroupWithoutSubcommandNamesThem() {
    Result result = cli().run("label");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("needs a subcommand: add, remove, set, list");
  }

  @Test
  void versionWithoutADaemonSaysSoAndStartsNone() {
    Result result = cli().run("version", "--json");

    assertThat(result.exit()).isZero();
    JsonObject json = Json.parseObject(result.out());
    assertThat(json.string("version")).isEqualTo(CliHarness.VERSION);
    assertThat(json.number("apiVersion", 0)).isEqualTo(1);
    assertThat(json).containsEntry("daemon", null);
  }

  @Test
  void withoutADaemonAndWithoutAutoStartTheExitIs5() {
    Result result = cli().run("list");

    assertThat(result.exit()).isEqualTo(5);
    assertThat(result.err())
        .startsWith("tracker: no daemon is running")
        .contains("hint: start one with 'tracker daemon start'");
  }

  @Test
  void completionScriptsForBashAndZsh() {
    Result bash = cli().run("completion", "bash");
    Result zsh = cli().run("completion", "zsh");
    Result fish = cli().run("completion", "fish");

    assertThat(bash.exit()).isZero();
    assertThat(bash.out()).contains("complete -F").contains("create").contains("dep");
    assertThat(zsh.out()).startsWith("#compdef tracker\n").contains("bashcompinit");
    assertThat(fish.exit()).isEqualTo(2);
    assertThat(fish.err()).contains("unknown shell 'fish'");
  }

  @Test
  void completionOffersTheCommandsAfterHelp() {
    String script = cli().run("completion", "bash").out();

    int start = script.indexOf("function _picocli_tracker_help()");
    assertThat(start).isNotNegative();
    assertThat(script.substring(start, script.indexOf("\n}\n", start)))
        .contains("local commands=\"init create list ");
  }
}

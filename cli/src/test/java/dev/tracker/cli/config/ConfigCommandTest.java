package dev.tracker.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.testing.CliHarness;
import dev.tracker.cli.testing.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  @TempDir Path home;

  @Test
  void setThenGetThenUnset() throws Exception {
    CliHarness cli = new CliHarness(home);

    assertThat(cli.run("config", "get", "personal.key").out()).isEqualTo("me\n");
    assertThat(cli.run("config", "set", "personal.key", "Mine").exit()).isZero();
    assertThat(cli.run("config", "get", "personal.key").out()).isEqualTo("mine\n");
    assertThat(Files.readString(cli.configFile())).isEqualTo("[personal]\nkey = \"mine\"\n");
    JsonObject json = Json.parseObject(cli.run("config", "get", "personal.key", "--json").out());
    assertThat(json).containsEntry("value", "mine").containsEntry("default", false);
    assertThat(cli.run("config", "unset", "personal.key").exit()).isZero();
    assertThat(cli.run("config", "get", "personal.key").out()).isEqualTo("me\n");
  }

  @Test
  void booleansAreStoredAsBooleans() throws Exception {
    CliHarness cli = new CliHarness(home);

    cli.run("config", "set", "daemon.autostart", "FALSE");

    assertThat(Files.readString(cli.configFile())).contains("autostart = false");
  }

  @Test
  void listShowsEverySettingWithItsSource() {
    CliHarness cli = new CliHarness(home);
    cli.run("config", "set", "color", "never");

    JsonObject json = Json.parseObject(cli.run("config", "list", "--json").out());

    assertThat(json.string("file")).isEqualTo(cli.configFile().toString());
    assertThat(json.objects("settings"))
        .extracting(s -> s.string("key"))
        .containsExactly(
            "personal.key", "personal.name", "user.name", "color", "editor", "daemon.autostart");
    assertThat(json.objects("settings").get(3))
        .containsEntry("value", "never")
        .containsEntry("default", false);
  }

  @Test
  void anUnknownKeyGetsASuggestion() {
    Result result = new CliHarness(home).run("config", "set", "personal.kye", "x");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err().lines())
        .containsExactly(
            "tracker: unknown setting 'personal.kye'", "hint: did you mean personal.key?");
  }

  @Test
  void aBadValueIsRefusedWithTheRule() {
    Result result = new CliHarness(home).run("config", "set", "color", "pink");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("tracker: color: must be auto, always or never (got 'pink')");
  }

  @Test
  void anUnreadableFileIsNamedWithItsLine() throws Exception {
    CliHarness cli = new CliHarness(home);
    CliHarness.write(cli.configFile(), "color = [\n");

    Result result = cli.run("config", "list");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains(cli.configFile() + ": line 1: arrays and inline tables");
  }

  @Test
  void autostartOffInTheConfigKeepsTheDaemonDown() throws Exception {
    CliHarness cli =
        new CliHarness(home)
            .autoStart(
                () -> {
                  throw new AssertionError("must not start");
                },
                java.time.Duration.ofSeconds(1));
    CliHarness.write(cli.configFile(), "[daemon]\nautostart = false\n");

    Result result = cli.run("projects");

    assertThat(result.exit()).isEqualTo(5);
    assertThat(result.err()).contains("auto-start is off");
  }
}

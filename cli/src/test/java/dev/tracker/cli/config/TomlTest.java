package dev.tracker.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TomlTest {

  @Test
  void readsTablesStringsBooleansAndNumbers() {
    Toml toml =
        Toml.parse(
            "# settings\n"
                + "color = \"never\"\n"
                + "\n"
                + "[personal]\n"
                + "key = 'me'  # mine\n"
                + "name = \"My \\\"own\\\" \\u00e9\"\n"
                + "[daemon]\n"
                + "autostart = false\n"
                + "port = 1_000\n");

    assertThat(toml.values())
        .containsEntry("color", "never")
        .containsEntry("personal.key", "me")
        .containsEntry("personal.name", "My \"own\" é")
        .containsEntry("daemon.autostart", false)
        .containsEntry("daemon.port", 1000L);
  }

  @Test
  void settingKeepsCommentsAndReplacesOnlyItsLine() {
    Toml toml = Toml.parse("# keep me\n[personal]\nkey = \"me\" # old\nname = \"P\"\n");

    toml.set("personal.key", "xy");
    toml.set("user.name", "Ann \"A\"");
    toml.set("color", "never");

    assertThat(toml.text())
        .isEqualTo(
            "# keep me\ncolor = \"never\"\n[personal]\nkey = \"xy\"\nname = \"P\"\n\n[user]\n"
                + "name = \"Ann \\\"A\\\"\"\n");
    assertThat(Toml.parse(toml.text()).values()).containsEntry("user.name", "Ann \"A\"");
  }

  @Test
  void removingDropsTheLine() {
    Toml toml = Toml.parse("[personal]\nkey = \"me\"\nname = \"P\"\n");

    assertThat(toml.remove("personal.key")).isTrue();
    assertThat(toml.remove("personal.key")).isFalse();
    assertThat(toml.text()).isEqualTo("[personal]\nname = \"P\"\n");
  }

  @Test
  void whatItCannotReadIsRefusedWithTheLine() {
    assertThatThrownBy(() -> Toml.parse("a = 1\nb = [1, 2]\n"))
        .hasMessage("line 2: arrays and inline tables are not supported");
    assertThatThrownBy(() -> Toml.parse("a = hello\n"))
        .hasMessageContaining("line 1: 'hello' is not a value");
    assertThatThrownBy(() -> Toml.parse("a = \"x\"\na = \"y\"\n"))
        .hasMessage("line 2: key 'a' is defined twice");
    assertThatThrownBy(() -> Toml.parse("a = \"open\n")).hasMessage("line 1: unterminated string");
  }
}

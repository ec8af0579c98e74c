package dev.tracker.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void columnsAlignAndTheFlexColumnIsTruncatedToTheWidth() {
    Table table = new Table(List.of("ID", "P", "TITLE"), 2);
    table.row("trk-a1b2", "P1", "A short title");
    table.row("trk-c3", "P0", "A very long title that would never fit on a narrow terminal line");

    List<String> lines = table.render(40, Style.PLAIN);

    assertThat(lines)
        .containsExactly(
            "ID        P   TITLE",
            "trk-a1b2  P1  A short title",
            "trk-c3    P0  A very long title that wo…");
    assertThat(lines).allSatisfy(line -> assertThat(TextWidth.of(line)).isLessThanOrEqualTo(40));
  }

  @Test
  void cellsNeverBreakALine() {
    Table table = new Table(List.of("ID", "TITLE"), 1);
    table.row("a", "first\nsecond\tthird");

    assertThat(table.render(80, Style.PLAIN))
        .containsExactly("ID  TITLE", "a   first second third");
  }

  @Test
  void colourDoesNotCountTowardsWidthAndIsDroppedWhenACellIsCut() {
    Style colour = Style.decide(true, false, "auto");
    Table table = new Table(List.of("P", "TITLE"), 1);
    table.row(new String[] {"P0", "Short"}, new String[] {colour.priority(0, "P0"), "Short"});
    table.row(
        new String[] {"P3", "Title long enough to cut"},
        new String[] {colour.priority(3, "P3"), colour.bold("Title long enough to cut")});

    List<String> lines = table.render(16, colour);

    assertThat(lines.get(1)).isEqualTo("\u001b[1;31mP0\u001b[0m  Short");
    assertThat(lines.get(2)).isEqualTo("\u001b[2mP3\u001b[0m  Title long …");
    assertThat(TextWidth.of(lines.get(2))).isEqualTo(16);
  }

  @Test
  void wideCharactersCountTwice() {
    assertThat(TextWidth.of("日本")).isEqualTo(4);
    assertThat(TextWidth.truncate("日本語のタイトル", 7)).isEqualTo("日本語…");
    assertThat(TextWidth.of("e\u0301")).isEqualTo(1);
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() {
    assertThat(Style.decide(true, false, "auto").enabled()).isTrue();
    assertThat(Style.decide(false, false, "auto").enabled()).isFalse();
    assertThat(Style.decide(true, true, "auto").enabled()).isFalse();
    assertThat(Style.decide(true, false, "never").enabled()).isFalse();
    assertThat(Style.PLAIN.status("open", "open")).isEqualTo("open");
  }
}

package dev.tracker.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void drawsOnATerminalAndClearsItsLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ProgressBar bar =
        new ProgressBar(
            new PrintStream(err, true, StandardCharsets.UTF_8), "import", 4, true, 80)) {
      bar.update(1);
      bar.update(4);
    }

    String drawn = err.toString(StandardCharsets.UTF_8);
    assertThat(drawn).contains("\rimport [").contains("] 1/4").contains("] 4/4");
    assertThat(drawn).endsWith("\r\u001b[2K");
  }

  @Test
  void drawsNothingWhenStderrIsNotATerminal() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ProgressBar bar =
        new ProgressBar(
            new PrintStream(err, true, StandardCharsets.UTF_8), "import", 4, false, 80)) {
      bar.update(2);
      assertThat(bar.enabled()).isFalse();
    }

    assertThat(err.size()).isZero();
  }
}

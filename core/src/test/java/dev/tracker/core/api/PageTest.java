package dev.tracker.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {
  @Test
  void itemsAreAnUnmodifiableCopy() {
    List<String> items = new ArrayList<>(List.of("a", "b"));
    Page<String> page = new Page<>(items, "next");
    items.add("c");
    assertThat(page.items()).containsExactly("a", "b");
    assertThat(page.nextCursor()).isEqualTo("next");
    assertThatThrownBy(() -> page.items().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

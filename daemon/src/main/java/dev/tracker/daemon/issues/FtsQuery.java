package dev.tracker.daemon.issues;

import dev.tracker.core.error.TrackerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what a user typed into a safe FTS5 query: every word becomes a quoted prefix term, so FTS5
 * operators and punctuation in the input are matched as text and never parsed as syntax.
 */
final class FtsQuery {
  private static final int MAX_TERMS = 32;

  private FtsQuery() {}

  static String of(String text) {
    List<String> terms = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    if (text != null) {
      text.codePoints()
          .forEach(
              cp -> {
                if (Character.isLetterOrDigit(cp)) {
                  word.appendCodePoint(cp);
                } else if (word.length() > 0) {
                  terms.add(word.toString());
                  word.setLength(0);
                }
              });
    }
    if (word.length() > 0) {
      terms.add(word.toString());
    }
    if (terms.isEmpty()) {
      throw TrackerException.invalid("text", "must contain at least one letter or digit");
    }
    if (terms.size() > MAX_TERMS) {
      throw TrackerException.invalid(
          "text", "at most " + MAX_TERMS + " words (got " + terms.size() + ")");
    }
    List<String> quoted = new ArrayList<>(terms.size());
    for (String term : terms) {
      quoted.add("\"" + term.toLowerCase(Locale.ROOT) + "\"*");
    }
    return String.join(" ", quoted);
  }
}

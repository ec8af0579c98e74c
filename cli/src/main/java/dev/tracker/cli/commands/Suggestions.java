package dev.tracker.cli.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * "Did you mean" candidates: names within a small edit distance of what was typed (a swap of two
 * neighbouring letters counts as one edit, the most common typo), or that start with it.
 */
final class Suggestions {
  private Suggestions() {}

  static List<String> closest(String typed, Collection<String> names) {
    List<String> best = new ArrayList<>();
    int bestDistance = Integer.MAX_VALUE;
    int allowed = Math.max(1, Math.min(3, typed.length() / 3));
    for (String name : names) {
      int distance = name.startsWith(typed) && typed.length() >= 2 ? 1 : distance(typed, name);
      if (distance > allowed) {
        continue;
      }
      if (distance < bestDistance) {
        best.clear();
        bestDistance = distance;
      }
      if (distance == bestDistance) {
        best.add(name);
      }
    }
    return best;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

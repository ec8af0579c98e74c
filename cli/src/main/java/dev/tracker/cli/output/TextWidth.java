package dev.tracker.cli.output;

/**
 * Display width of text in a terminal: East Asian wide characters and most emoji take two columns,
 * combining marks and ANSI colour sequences none. Good enough to keep table rows from wrapping.
 */
public final class TextWidth {
  private TextWidth() {}

  public static int of(String text) {
    int width = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (cp == 0x1b) {
        i = skipEscape(text, i);
        continue;
      }
      width += columns(cp);
      i += Character.charCount(cp);
    }
    return width;
  }

  /**
   * Cuts {@code text} to at most {@code max} columns, ending with an ellipsis when anything was
   * cut. Line breaks and tabs become spaces first: a table cell is one line.
   */
  public static String truncate(String text, int max) {
    String line = oneLine(text);
    if (of(line) <= max) {
      return line;
    }
    if (max <= 0) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int width = 0;
    int i = 0;
    while (i < line.length()) {
      int cp = line.codePointAt(i);
      int w = columns(cp);
      if (width + w > max - 1) {
        break;
      }
      out.appendCodePoint(cp);
      width += w;
      i += Character.charCount(cp);
    }
    return out.append('\u2026').toString();
  }

  public static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }

  public static String padRight(String text, int width) {
    int missing = width - of(text);
    return missing <= 0 ? text : text + " ".repeat(missing);
  }

  private static int skipEscape(String text, int i) {
    int j = i + 1;
    if (j < text.length() && text.charAt(j) == '[') {
      j++;
      while (j < text.length() && (text.charAt(j) < 0x40 || text.charAt(j) > 0x7e)) {
        j++;
      }
    }
    return Math.min(j + 1, text.length());
  }

  static int columns(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || cp == 0x200b) {
      return 0;
    }
    boolean wide =
        (cp >= 0x1100 && cp <= 0x115f)
            || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f)
            || (cp >= 0xac00 && cp <= 0xd7a3)
            || (cp >= 0xf900 && cp <= 0xfaff)
            || (cp >= 0xfe30 && cp <= 0xfe4f)
            || (cp >= 0xff00 && cp <= 0xff60)
            || (cp >= 0xffe0 && cp <= 0xffe6)
            || (cp >= 0x1f300 && cp <= 0x1f64f)
            || (cp >= 0x1f900 && cp <= 0x1f9ff)
            || (cp >= 0x20000 && cp <= 0x3fffd);
    return wide ? 2 : 1;
  }
}

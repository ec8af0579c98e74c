package dev.tracker.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A table sized to the terminal: columns are as wide as their widest cell, separated by two spaces,
 * and the one flexible column (the title) takes what is left and is truncated with an ellipsis, so
 * a row never wraps. Cells may carry colour; widths ignore it.
 */
public final class Table {
  private static final String GAP = "  ";
  private static final int MIN_FLEX = 10;

  private final List<String> headers;
  private final int flexColumn;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String[]> plainRows = new ArrayList<>();

  /**
   * @param flexColumn the index of the column that shrinks to fit, or -1 for none
   */
  public Table(List<String> headers, int flexColumn) {
    this.headers = List.copyOf(headers);
    this.flexColumn = flexColumn;
  }

  /**
   * Adds a row. {@code styled} cells may hold colour and must be single lines; {@code plain} holds
   * the same text without colour, which is what gets truncated (cutting an escape sequence in half
   * would colour the rest of the terminal).
   */
  public Table row(String[] plain, String[] styled) {
    if (plain.length != headers.size() || styled.length != headers.size()) {
      throw new IllegalArgumentException("a row needs " + headers.size() + " cells");
    }
    String[] single = new String[plain.length];
    for (int i = 0; i < plain.length; i++) {
      single[i] = TextWidth.oneLine(plain[i]);
    }
    plainRows.add(single);
    rows.add(styled);
    return this;
  }

  public Table row(String... plain) {
    String[] cells = new String[plain.length];
    for (int i = 0; i < plain.length; i++) {
      cells[i] = TextWidth.oneLine(plain[i]);
    }
    return row(cells, cells.clone());
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The lines of the table, none longer than {@code width} columns when that is possible. */
  public List<String> render(int width, Style style) {
    int columns = headers.size();
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = TextWidth.of(headers.get(c));
      for (String[] row : plainRows) {
        widths[c] = Math.max(widths[c], TextWidth.of(row[c]));
      }
    }
    if (flexColumn >= 0) {
      int fixed = GAP.length() * (columns - 1);
      for (int c = 0; c < columns; c++) {
        fixed += c == flexColumn ? 0 : widths[c];
      }
      widths[flexColumn] = Math.min(widths[flexColumn], Math.max(MIN_FLEX, width - fixed));
    }
    List<String> lines = new ArrayList<>(rows.size() + 1);
    String[] headerCells = headers.toArray(new String[0]);
    lines.add(style.bold(line(headerCells, headerCells, widths)));
    for (int r = 0; r < rows.size(); r++) {
      lines.add(line(plainRows.get(r), rows.get(r), widths));
    }
    return lines;
  }

  private String line(String[] plain, String[] styled, int[] widths) {
    StringBuilder line = new StringBuilder();
    int last = widths.length - 1;
    for (int c = 0; c <= last; c++) {
      String cell =
          TextWidth.of(plain[c]) > widths[c] ? TextWidth.truncate(plain[c], widths[c]) : styled[c];
      line.append(c == last ? cell : TextWidth.padRight(cell, widths[c]));
      if (c < last) {
        line.append(GAP);
      }
    }
    return line.toString();
  }
}

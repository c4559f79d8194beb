package dev.lake.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table: a column whose values are all numbers (or blank) is right-aligned, others left-aligned.
 * Numbers are printed as given; callers format them ({@code %,d}) before adding the row.
 *
 * <pre>{@code
 * TextTable t = new TextTable("dataset", "rows");
 * t.row("songplays", 6820L);
 * out.print(t);
 * }</pre>
 */
final class TextTable {
  private final List<String> header;
  private final List<List<Object>> rows = new ArrayList<>();
  private boolean grouping = true;

  TextTable(String... header) {
    this(List.of(header));
  }

  TextTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  TextTable row(Object... cells) {
    return row(List.of(cells.length == 0 ? new Object[0] : cells));
  }

  TextTable row(List<?> cells) {
    rows.add(new ArrayList<>(cells));
    return this;
  }

  /** Prints whole numbers without thousands separators (for data, where 2010 is a year). */
  TextTable plainNumbers() {
    grouping = false;
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  int size() {
    return rows.size();
  }

  static String text(Object v, boolean grouping) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      return grouping ? String.format("%,d", ((Number) v).longValue()) : v.toString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format("%.1f", d) : String.valueOf(d);
    }
    return String.valueOf(v);
  }

  @Override
  public String toString() {
    int n = header.size();
    int[] width = new int[n];
    boolean[] right = new boolean[n];
    boolean[] anyNumber = new boolean[n];
    List<List<String>> cells = new ArrayList<>();
    cells.add(header);
    for (List<Object> row : rows) {
      List<String> text = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Object v = i < row.size() ? row.get(i) : "";
        text.add(text(v, grouping).replace('\n', ' '));
        if (v != null && !(v instanceof Number) && !"".equals(v)) {
          right[i] = true; // "not all numbers": inverted below
        }
        anyNumber[i] |= v instanceof Number;
      }
      cells.add(text);
    }
    for (int i = 0; i < n; i++) {
      right[i] = anyNumber[i] && !right[i];
    }
    for (List<String> row : cells) {
      for (int i = 0; i < n; i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < n; i++) {
        String cell = cells.get(r).get(i);
        String space = " ".repeat(width[i] - cell.length());
        line.append(i == 0 ? "" : "  ").append(right[i] ? space + cell : cell + space);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
          rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append(rule).append('\n');
      }
    }
    return sb.toString();
  }
}

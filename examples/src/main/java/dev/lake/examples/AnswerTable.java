package dev.lake.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * A small aligned text table for terminals: numbers right-aligned (BigDecimal as amounts: {@code 1,234.50}),
 * text left-aligned.
 *
 * <pre>{@code
 * System.out.print(AnswerTable.format(List.of("level", "plays"), List.of(List.of("paid", 5591L))));
 * }</pre>
 */
public final class AnswerTable {
  private AnswerTable() {}

  public static String format(List<String> header, List<? extends List<?>> rows) {
    int n = header.size();
    int[] width = new int[n];
    List<List<String>> cells = new ArrayList<>();
    cells.add(header);
    for (List<?> row : rows) {
      List<String> text = new ArrayList<>();
      for (Object v : row) {
        text.add(v instanceof Long || v instanceof Integer ? String.format("%,d", ((Number) v).longValue())
            : v instanceof Double d ? String.format("%.1f", d)
            : v instanceof java.math.BigDecimal b ? String.format("%,.2f", b) : String.valueOf(v));
      }
      cells.add(text);
    }
    for (List<String> row : cells) {
      for (int i = 0; i < n; i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      for (int i = 0; i < n; i++) {
        boolean right = !rows.isEmpty() && rows.get(Math.max(0, r - 1)).get(i) instanceof Number;
        String cell = cells.get(r).get(i);
        sb.append("  ").append(pad(cell, width[i], right));
      }
      sb.append(System.lineSeparator());
      if (r == 0) {
        for (int i = 0; i < n; i++) {
          sb.append("  ").append("-".repeat(width[i]));
        }
        sb.append(System.lineSeparator());
      }
    }
    return sb.toString().replaceAll(" +(\\R)", "$1");
  }

  private static String pad(String s, int width, boolean right) {
    String space = " ".repeat(width - s.length());
    return right ? space + s : s + space;
  }
}

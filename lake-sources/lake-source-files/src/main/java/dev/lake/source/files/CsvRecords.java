package dev.lake.source.files;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The records of a CSV file, as Spark's CSV reader sees them: by default one record per line, so that a quote left
 * open costs only its line (a bad record, "Unterminated quote in field 3 at line 40") and reading goes on at the
 * next one. With {@code multiLine}, a quoted field may hold line breaks; one still open at the end of the file, or
 * longer than {@code maxQuotedBytes}, makes the line where it opened a bad record, and the lines after it are read
 * again. A quote only opens a field at its start (elsewhere it is text); a doubled quote inside quotes is one quote;
 * text after a closing quote is kept. Blank lines are skipped.
 *
 * <pre>{@code
 * CsvRecords records = new CsvRecords(lines, ',', '"', false, 0);
 * for (CsvRecords.Rec r; (r = records.next()) != null; ) { if (r.error() == null) use(r.field(0)); }
 * }</pre>
 */
final class CsvRecords {
  /**
   * One record (reused: valid until the next call): its fields, its first line, its text, or why it is bad. A field
   * is kept as a range of the line it came from (or as the text of a quoted field) and becomes a {@code String} only
   * when asked for, so that a reader can compare it with the last value or parse a number from the line itself.
   */
  static final class Rec {
    private String[] sources = new String[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int size;
    long line;
    long lastLine;
    String raw;
    String error;

    /** The number of fields. */
    int size() {
      return size;
    }

    /** Field {@code i}'s text. */
    String field(int i) {
      String s = sources[i];
      int from = starts[i];
      int to = ends[i];
      return from == 0 && to == s.length() ? s : s.substring(from, to);
    }

    /**
     * True when field {@code i} is the {@code length} characters of {@code text} from {@code from} (false for null):
     * compared on the strings' bytes ({@code regionMatches}), without copying either.
     */
    boolean fieldEquals(int i, String text, int from, int length) {
      int start = starts[i];
      return text != null && ends[i] - start == length && sources[i].regionMatches(start, text, from, length);
    }

    /** The text field {@code i} is a range of: from {@link #start} to {@link #end}. */
    String source(int i) {
      return sources[i];
    }

    int start(int i) {
      return starts[i];
    }

    int end(int i) {
      return ends[i];
    }

    /** The fields' texts, as a new list. */
    List<String> fields() {
      List<String> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(field(i));
      }
      return out;
    }

    String error() {
      return error;
    }

    private void clear() {
      size = 0;
    }

    private void add(String text) {
      add(text, 0, text.length());
    }

    private void add(String source, int from, int to) {
      if (size == sources.length) {
        sources = Arrays.copyOf(sources, size * 2);
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      sources[size] = source;
      starts[size] = from;
      ends[size] = to;
      size++;
    }
  }

  private final TextLines lines;
  private final char delimiter;
  private final char quote;
  private final boolean multiLine;
  private final long maxQuotedBytes;
  private final Deque<TextLines.Line> replay = new ArrayDeque<>();
  private final Rec rec = new Rec();
  private final StringBuilder field = new StringBuilder();

  CsvRecords(TextLines lines, char delimiter, char quote, boolean multiLine, long maxQuotedBytes) {
    this.lines = lines;
    this.delimiter = delimiter;
    this.quote = quote;
    this.multiLine = multiLine;
    this.maxQuotedBytes = maxQuotedBytes;
  }

  /** The next record (the same object each time), or null at the end of the file. */
  Rec next() throws IOException {
    TextLines.Line first;
    do {
      first = nextLine();
      if (first == null) {
        return null;
      }
    } while (first.text().isEmpty());
    rec.clear();
    rec.line = first.number();
    rec.lastLine = first.number();
    rec.raw = first.text();
    rec.error = first.malformed();
    int open = scan(first.text(), 0, false);
    if (open == 0) {
      return rec;
    }
    if (!multiLine) {
      rec.error = rec.error != null ? rec.error : "Unterminated quote in field " + open + " at line " + first.number()
          + ": the line ends inside a quoted field (quotes inside a field are doubled; CsvSource.multiLine() reads "
          + "line breaks inside quotes)";
      return rec;
    }
    return continueQuoted(first, open);
  }

  /** Reads lines into the quoted field {@code open} of the record starting at {@code first} until it closes. */
  private Rec continueQuoted(TextLines.Line first, int open) throws IOException {
    List<TextLines.Line> taken = new ArrayList<>();
    StringBuilder raw = new StringBuilder(first.text());
    String terminator = first.terminator();
    long bytes = first.bytes();
    while (open > 0) {
      TextLines.Line line = bytes > maxQuotedBytes ? null : nextLine();
      if (line == null) {
        String why = bytes > maxQuotedBytes
            ? "runs past " + String.format("%,d", maxQuotedBytes) + " bytes without closing (the multiLine limit)"
            : "is still open at the end of the file";
        for (int i = taken.size() - 1; i >= 0; i--) {
          replay.addFirst(taken.get(i)); // read the lines after the opening line again, as records of their own
        }
        field.setLength(0);
        rec.clear();
        rec.lastLine = first.number();
        rec.raw = first.text();
        rec.error = "Unterminated quote in field " + open + " opened at line " + first.number() + ": the quoted field "
            + why + "; the lines after it are read again";
        return rec;
      }
      taken.add(line);
      rec.lastLine = line.number();
      bytes += line.bytes();
      field.append(terminator);
      raw.append(terminator).append(line.text());
      terminator = line.terminator();
      if (rec.error == null) {
        rec.error = line.malformed();
      }
      open = scan(line.text(), open, true);
    }
    rec.raw = raw.toString();
    return rec;
  }

  private TextLines.Line nextLine() throws IOException {
    return replay.isEmpty() ? lines.next() : replay.pollFirst();
  }

  /**
   * Adds the fields of {@code s} to the record. With {@code inQuotes}, {@code s} continues the quoted field
   * {@code field} holds so far. Returns 0 when the record is complete, or the 1-based number of the field whose
   * quote is still open at the end of {@code s}.
   */
  private int scan(String s, int openField, boolean inQuotes) {
    int n = s.length();
    int i = 0;
    if (!inQuotes && s.indexOf(quote) < 0) { // the common case: no quote on the line
      int d;
      while ((d = s.indexOf(delimiter, i)) >= 0) {
        rec.add(s, i, d);
        i = d + 1;
      }
      rec.add(s, i, n);
      return 0;
    }
    while (true) {
      if (!inQuotes) {
        if (i < n && s.charAt(i) == quote) {
          inQuotes = true;
          openField = rec.size + 1;
          field.setLength(0);
          i++;
          continue;
        }
        int d = s.indexOf(delimiter, i);
        if (d < 0) {
          rec.add(s, i, n);
          return 0;
        }
        rec.add(s, i, d);
        i = d + 1;
        continue;
      }
      int q = s.indexOf(quote, i);
      if (q < 0) {
        field.append(s, i, n);
        return openField;
      }
      field.append(s, i, q);
      if (q + 1 < n && s.charAt(q + 1) == quote) {
        field.append(quote);
        i = q + 2;
        continue;
      }
      inQuotes = false;
      int d = s.indexOf(delimiter, q + 1);
      field.append(s, q + 1, d < 0 ? n : d); // text after the closing quote is kept, as FastCSV and Spark do
      rec.add(field.toString());
      field.setLength(0);
      if (d < 0) {
        return 0;
      }
      i = d + 1;
      if (i == n) {
        rec.add("");
        return 0;
      }
    }
  }
}

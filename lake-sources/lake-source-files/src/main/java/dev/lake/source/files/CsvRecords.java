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
    private String rawText; // the record's text is rawText's characters rawFrom..rawTo
    private int rawFrom;
    private int rawTo;
    String error;

    /** The record's text (its lines, with their line breaks), made when asked for: for a bad row's message. */
    String raw() {
      return rawFrom == 0 && rawTo == rawText.length() ? rawText : rawText.substring(rawFrom, rawTo);
    }

    private void raw(String text, int from, int to) {
      rawText = text;
      rawFrom = from;
      rawTo = to;
    }

    private void raw(String text) {
      raw(text, 0, text.length());
    }

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
  private final Finder delimiters;
  private final Finder quotes;

  CsvRecords(TextLines lines, char delimiter, char quote, boolean multiLine, long maxQuotedBytes) {
    this.lines = lines;
    this.delimiter = delimiter;
    this.quote = quote;
    this.multiLine = multiLine;
    this.maxQuotedBytes = maxQuotedBytes;
    this.delimiters = new Finder(delimiter);
    this.quotes = new Finder(quote);
  }

  /** The next record (the same object each time), or null at the end of the file. */
  Rec next() throws IOException {
    String text;
    int from;
    int to;
    TextLines.Line replayed;
    do {
      replayed = replay.pollFirst();
      if (replayed != null) {
        text = replayed.text();
        from = 0;
        to = text.length();
      } else if (lines.advance()) {
        text = lines.text(); // the line is a range of it: no String of its own
        from = lines.from();
        to = lines.to();
      } else {
        return null;
      }
    } while (from == to);
    long number = replayed != null ? replayed.number() : lines.number();
    rec.clear();
    rec.line = number;
    rec.lastLine = number;
    rec.raw(text, from, to);
    rec.error = replayed != null ? replayed.malformed() : lines.malformed();
    int open = scan(text, from, to, 0, false);
    if (open == 0) {
      return rec;
    }
    if (!multiLine) {
      rec.error = rec.error != null ? rec.error : "Unterminated quote in field " + open + " at line " + number
          + ": the line ends inside a quoted field (quotes inside a field are doubled; CsvSource.multiLine() reads "
          + "line breaks inside quotes)";
      return rec;
    }
    return continueQuoted(replayed != null ? replayed : lines.current(), open);
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
        rec.raw(first.text());
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
      open = scan(line.text(), 0, line.text().length(), open, true);
    }
    rec.raw(raw.toString());
    return rec;
  }

  private TextLines.Line nextLine() throws IOException {
    return replay.isEmpty() ? lines.next() : replay.pollFirst();
  }

  /**
   * Adds the fields of {@code s}'s characters {@code from..n} to the record. With {@code inQuotes}, they continue the
   * quoted field {@code field} holds so far. Returns 0 when the record is complete, or the 1-based number of the field
   * whose quote is still open at {@code n}. {@code s} may go on past {@code n} (the lines after): every search is
   * bounded by {@code n}.
   */
  private int scan(String s, int from, int n, int openField, boolean inQuotes) {
    int i = from;
    while (true) {
      if (!inQuotes) {
        if (i < n && s.charAt(i) == quote) {
          inQuotes = true;
          openField = rec.size + 1;
          field.setLength(0);
          i++;
          continue;
        }
        int d = delimiters.find(s, i, n);
        if (d < 0) {
          rec.add(s, i, n);
          return 0;
        }
        rec.add(s, i, d);
        i = d + 1;
        continue;
      }
      int q = quotes.find(s, i, n);
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
      int d = delimiters.find(s, q + 1, n);
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

  /**
   * Finds one character in a text with {@code String.indexOf}, remembering where the last search found it: lines that
   * are ranges of one long text (a 64 KiB read) are searched in order, and a search that ran past its line into the
   * next ones is not repeated for them, so the text is searched once in all, not once per line.
   */
  private static final class Finder {
    private final char c;
    private String text;
    private int searchedFrom;
    private int found; // the first c at or after searchedFrom, or -1: none to the end of text

    Finder(char c) {
      this.c = c;
    }

    /** The first {@code c} in {@code s} from {@code from}, if it is before {@code to}; else -1. */
    int find(String s, int from, int to) {
      if (s != text || from < searchedFrom || found >= 0 && from > found) {
        text = s;
        searchedFrom = from;
        found = s.indexOf(c, from);
      }
      return found >= 0 && found < to ? found : -1;
    }
  }
}

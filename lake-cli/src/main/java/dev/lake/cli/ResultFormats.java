package dev.lake.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Query results as CSV (RFC 4180 quoting, a header line) or JSON (an array of objects, one per line, numbers and
 * booleans kept as such, everything else as text), each row written as it arrives: memory does not grow with the
 * result.
 *
 * <pre>{@code
 * long rows = duck.stream("SELECT * FROM songplays", ResultFormats.csv(writer));
 * }</pre>
 */
final class ResultFormats {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultFormats() {}

  static DuckSession.RowHandler csv(Writer w) {
    return new DuckSession.RowHandler() {
      @Override
      public void columns(List<String> columns) throws IOException {
        line(columns, w);
      }

      @Override
      public void row(List<Object> row) throws IOException {
        line(row, w);
      }
    };
  }

  private static void line(List<?> cells, Writer w) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      Object v = cells.get(i);
      String s = v == null ? "" : v.toString();
      if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        s = '"' + s.replace("\"", "\"\"") + '"';
      }
      w.write(s);
    }
    w.write("\r\n");
  }

  static DuckSession.RowHandler json(Writer w) throws IOException {
    JsonGenerator g = JSON.getFactory().createGenerator(w);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM); // flush() hands the text to w; w decides when to write
    g.setRootValueSeparator(null); // the separators between rows are written here
    return new DuckSession.RowHandler() {
      private List<String> columns;
      private boolean first = true;

      @Override
      public void columns(List<String> names) throws IOException {
        columns = names;
        w.write("[");
      }

      @Override
      public void row(List<Object> row) throws IOException {
        g.flush(); // the previous row's text before this separator
        w.write(first ? "\n" : ",\n");
        first = false;
        g.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
          g.writeFieldName(columns.get(i));
          value(g, row.get(i));
        }
        g.writeEndObject();
      }

      @Override
      public void end(long rows) throws IOException {
        g.flush();
        w.write(first ? "]\n" : "\n]\n");
      }
    };
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeString(Double.toString(d));
      }
    } else if (v instanceof BigDecimal b) {
      g.writeNumber(b);
    } else if (v instanceof BigInteger b) {
      g.writeNumber(b);
    } else {
      g.writeString(v.toString());
    }
  }
}

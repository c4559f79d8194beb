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
 * booleans kept as such, everything else as text).
 *
 * <pre>{@code
 * ResultFormats.csv(result, writer);
 * }</pre>
 */
final class ResultFormats {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultFormats() {}

  static void csv(DuckSession.Result r, Writer w) throws IOException {
    line(r.columns(), w);
    for (List<Object> row : r.rows()) {
      line(row, w);
    }
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

  static void json(DuckSession.Result r, Writer w) throws IOException {
    w.write("[");
    for (int n = 0; n < r.rows().size(); n++) {
      w.write(n == 0 ? "\n" : ",\n");
      try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        List<Object> row = r.rows().get(n);
        for (int i = 0; i < r.columns().size(); i++) {
          g.writeFieldName(r.columns().get(i));
          value(g, row.get(i));
        }
        g.writeEndObject();
      }
    }
    w.write(r.rows().isEmpty() ? "]\n" : "\n]\n");
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

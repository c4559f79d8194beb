package dev.lake.internal.format;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.lake.io.ObjectWriter;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Writes CSV with FastCSV: a header line of field names, then one line per row, LF line ends, UTF-8, the whole file
 * gzipped for {@code GZIP}. Values are rendered as in JSON Lines but as plain text: null is an empty field, records,
 * lists and maps are their JSON text. {@link #bytes()} counts compressed bytes when gzipped; FastCSV's and gzip's
 * buffers are not counted.
 */
final class CsvRowWriter extends BaseRowFileWriter {
  private final WriteSpec spec;
  private final CsvWriter csv;

  CsvRowWriter(WriteSpec spec, ObjectWriter out) throws IOException {
    super("CSV", out);
    this.spec = spec;
    this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
        .build(new OutputStreamWriter(ObjectOutput.of(out, TextFiles.gzip(spec)), StandardCharsets.UTF_8));
    csv.writeRecord(spec.schema().getFields().stream().map(Schema.Field::name).toList());
  }

  @Override
  void writeRow(Object row) throws IOException {
    List<String> fields = new ArrayList<>(spec.schema().getFields().size());
    for (Schema.Field field : spec.schema().getFields()) {
      fields.add(text(spec.model().getField(row, field.name(), field.pos()), field.schema(), spec.model()));
    }
    csv.writeRecord(fields); // rendered first: a value that cannot be rendered leaves no partial line
  }

  /** One CSV field: "" for null, JSON for records, lists and maps, else the scalar's text. */
  static String text(Object value, Schema schema, GenericData model) {
    if (value == null) {
      return "";
    }
    Schema type = schema.getType() == Schema.Type.UNION ? JsonRows.branch(schema, value, model) : schema;
    return switch (type.getType()) {
      case RECORD, ARRAY, MAP -> JsonRows.toJson(value, type, model);
      default -> JsonRows.scalarText(ReadModel.toJava(value, type));
    };
  }

  @Override
  void finish() throws IOException {
    csv.close(); // flushes and finishes gzip; ObjectOutput.close() only flushes
  }
}

package dev.lake.sink.iceberg;

import dev.lake.exceptions.SourceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.SeekableInputStream;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;

/**
 * The top-level columns of a Parquet data file by Iceberg field id, read from the file's footer (its Thrift
 * metadata, without Hadoop and without the row groups' metadata): a column renamed in the table since the file was
 * written keeps its old name in the file but its id, so readers match columns by id, as every Iceberg engine does.
 * A column without an id (a file not written for Iceberg) is absent from the map.
 *
 * <pre>{@code
 * Map<Integer, String> byId = FileColumns.byFieldId(table.io().newInputFile(dataFile.location()));
 * }</pre>
 */
final class FileColumns {
  private static final int TAIL = 8; // footer length (4 bytes, little endian) + "PAR1"

  private FileColumns() {}

  static Map<Integer, String> byFieldId(InputFile file) {
    try (SeekableInputStream in = file.newStream()) {
      long length = file.getLength();
      in.seek(length - TAIL);
      byte[] tail = in.readNBytes(TAIL);
      if (tail.length != TAIL || tail[4] != 'P' || tail[5] != 'A' || tail[6] != 'R' || tail[7] != '1') {
        throw new IOException("not a Parquet file (no PAR1 magic at its end)");
      }
      int footer = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      in.seek(length - TAIL - footer);
      FileMetaData meta = Util.readFileMetaData(in, true);
      return topLevel(meta.getSchema());
    } catch (IOException e) {
      throw new SourceException("iceberg", "Cannot read the Parquet footer of " + file.location() + ": "
          + e.getMessage(),
          e);
    }
  }

  /** The schema elements are the tree in depth-first order; element 0 is the root, with its children counted. */
  private static Map<Integer, String> topLevel(List<SchemaElement> elements) {
    Map<Integer, String> out = new HashMap<>();
    int children = elements.get(0).getNum_children();
    int i = 1;
    for (int c = 0; c < children; c++) {
      SchemaElement e = elements.get(i);
      if (e.isSetField_id()) {
        out.put(e.getField_id(), e.getName());
      }
      i = skip(elements, i);
    }
    return out;
  }

  /** The index after the subtree at {@code i}. */
  private static int skip(List<SchemaElement> elements, int i) {
    SchemaElement e = elements.get(i);
    int next = i + 1;
    if (e.isSetNum_children()) {
      for (int c = 0; c < e.getNum_children(); c++) {
        next = skip(elements, next);
      }
    }
    return next;
  }
}

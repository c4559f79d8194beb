package dev.lake.sink.iceberg;

import dev.lake.exceptions.SourceException;
import dev.lake.format.FileFormats;
import dev.lake.io.FileFormat;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The rows of a planned snapshot, streamed: one data file open at a time (a row group in memory), each row mapped
 * to the snapshot's schema by field id (a renamed column is read from its old name, a column added later is null,
 * an int column widened to long is widened), and the rows its delete files remove left out ({@link DeleteSets}).
 *
 * <pre>{@code
 * try (SnapshotRows rows = new SnapshotRows(tasks, schema, avro, table.io())) { rows.forEachRemaining(...); }
 * }</pre>
 */
final class SnapshotRows implements SourceReader<GenericRecord> {
  private final Iterator<FileScanTask> tasks;
  private final List<Types.NestedField> fields;
  private final Schema avro;
  private final DeleteSets deletes;
  private final FileIO io;
  private SourceReader<GenericRecord> file;
  private String fileLocation;
  private String[] fileNames;
  private DeleteSets.Filter filter;
  private long position;
  private long returned;
  private GenericRecord next;
  private long nextPosition;
  private String last = "";

  SnapshotRows(List<FileScanTask> tasks, org.apache.iceberg.Schema schema, Schema avro, FileIO io) {
    this.tasks = tasks.iterator();
    this.fields = schema.columns();
    this.avro = avro;
    this.io = io;
    this.deletes = new DeleteSets(io);
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null) {
        if (file == null || !file.hasNext()) {
          if (!openNext()) {
            return false;
          }
          continue;
        }
        GenericRecord row = file.next();
        long pos = position++;
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = fileNames[i] == null ? null : promote(row.get(fileNames[i]), fields.get(i).type());
        }
        if (!filter.deleted(pos, values)) {
          GenericData.Record out = new GenericData.Record(avro);
          for (int i = 0; i < values.length; i++) {
            out.put(i, values[i]);
          }
          next = out;
          nextPosition = pos;
        }
      }
      return true;
    } catch (IOException e) {
      throw new SourceException("iceberg", "Cannot read " + fileLocation + ": " + e.getMessage(), e);
    }
  }

  private boolean openNext() throws IOException {
    closeFile();
    if (!tasks.hasNext()) {
      return false;
    }
    FileScanTask task = tasks.next();
    fileLocation = task.file().location();
    Map<Integer, String> byId = FileColumns.byFieldId(io.newInputFile(fileLocation, task.file().fileSizeInBytes()));
    fileNames = new String[fields.size()];
    for (int i = 0; i < fileNames.length; i++) {
      // by field id; a file written without ids (not by an Iceberg writer) is read by name
      fileNames[i] = byId.isEmpty() ? fields.get(i).name() : byId.get(fields.get(i).fieldId());
    }
    filter = deletes.filter(fileLocation, task.deletes(), this::columnOf);
    position = 0;
    file = FileFormats.newReader(FileFormat.PARQUET, LakeFileIO.store(fileLocation), LakeFileIO.uri(fileLocation),
        null);
    return true;
  }

  private int columnOf(int fieldId) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).fieldId() == fieldId) {
        return i;
      }
    }
    return -1;
  }

  private static Object promote(Object v, Type type) {
    if (v instanceof Integer i && type.typeId() == Type.TypeID.LONG) {
      return i.longValue();
    }
    if (v instanceof Float f && type.typeId() == Type.TypeID.DOUBLE) {
      return f.doubleValue();
    }
    return v;
  }

  @Override
  public GenericRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    GenericRecord r = next;
    next = null;
    returned++;
    last = fileLocation + ":" + nextPosition;
    return r;
  }

  @Override
  public String position() {
    return last;
  }

  /** Rows returned so far. */
  long returned() {
    return returned;
  }

  private void closeFile() throws IOException {
    if (file != null) {
      SourceReader<GenericRecord> f = file;
      file = null;
      f.close();
    }
  }

  @Override
  public void close() throws IOException {
    closeFile();
  }
}

package dev.lake.sink.iceberg;

import dev.lake.exceptions.SourceException;
import dev.lake.format.FileFormats;
import dev.lake.io.FileFormat;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.io.FileIO;

/**
 * The rows that a snapshot's delete files remove, read once per delete file and kept in memory for one read of the
 * snapshot: position deletes as row positions per data file, equality deletes as the set of deleted keys. Which
 * delete files apply to which data file (sequence numbers, partitions) is Iceberg's scan planning's business: this
 * only reads them. Equality keys compare as values normalized across Iceberg's type promotions (an int key read from
 * an older file equals the same long).
 *
 * <pre>{@code
 * DeleteSets deletes = new DeleteSets(table.io());
 * DeleteSets.Filter f = deletes.filter(task.file().location(), task.deletes(), fieldPositions);
 * boolean gone = f.deleted(position, row);
 * }</pre>
 */
final class DeleteSets {
  private static final String FILE_PATH = "file_path";
  private static final String POS = "pos";

  private final FileIO io;
  private final Map<String, Map<String, Set<Long>>> positions = new HashMap<>();
  private final Map<String, Set<List<Object>>> equality = new HashMap<>();

  DeleteSets(FileIO io) {
    this.io = io;
  }

  /** What removes rows of one data file. */
  record Filter(Set<Long> positions, List<Map.Entry<int[], Set<List<Object>>>> keys) {
    static final Filter NONE = new Filter(Set.of(), List.of());

    /** True when the row at {@code position} of the file ({@code values}: the row's columns) is deleted. */
    boolean deleted(long position, Object[] values) {
      if (positions.contains(position)) {
        return true;
      }
      for (Map.Entry<int[], Set<List<Object>>> eq : keys) {
        if (eq.getValue().contains(key(values, eq.getKey()))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The filter for one data file.
   *
   * @param columnOf the position in the read rows of a top-level field id, or -1 when the schema lacks it
   */
  Filter filter(String dataFile, List<DeleteFile> deletes, java.util.function.IntUnaryOperator columnOf) {
    if (deletes.isEmpty()) {
      return Filter.NONE;
    }
    Set<Long> deleted = new HashSet<>();
    List<Map.Entry<int[], Set<List<Object>>>> keys = new ArrayList<>();
    for (DeleteFile d : deletes) {
      if (d.content() == FileContent.POSITION_DELETES) {
        deleted.addAll(positions(d).getOrDefault(dataFile, Set.of()));
      } else {
        List<Integer> ids = d.equalityFieldIds();
        int[] columns = new int[ids.size()];
        for (int i = 0; i < columns.length; i++) {
          columns[i] = columnOf.applyAsInt(ids.get(i));
          if (columns[i] < 0) {
            throw new SourceException("iceberg", "Equality delete file " + d.location() + " deletes by field id "
                + ids.get(i) + ", which is not a top-level column of the table: Lake reads equality deletes by "
                + "top-level columns only", null);
          }
        }
        keys.add(Map.entry(columns, equality(d)));
      }
    }
    return new Filter(deleted, keys);
  }

  private Map<String, Set<Long>> positions(DeleteFile d) {
    return positions.computeIfAbsent(d.location(), loc -> {
      Map<String, Set<Long>> byFile = new HashMap<>();
      forEachRow(loc, r -> byFile.computeIfAbsent(r.get(FILE_PATH).toString(), k -> new HashSet<>())
          .add(((Number) r.get(POS)).longValue()));
      return byFile;
    });
  }

  private Set<List<Object>> equality(DeleteFile d) {
    return equality.computeIfAbsent(d.location(), loc -> {
      Map<Integer, String> names = FileColumns.byFieldId(io.newInputFile(loc));
      List<String> columns = new ArrayList<>();
      for (int id : d.equalityFieldIds()) {
        String name = names.get(id);
        if (name == null) {
          throw new SourceException("iceberg", "Equality delete file " + loc + " has no column with field id " + id
              + ": the file does not match its delete metadata", null);
        }
        columns.add(name);
      }
      Set<List<Object>> keys = new HashSet<>();
      forEachRow(loc, r -> {
        List<Object> key = new ArrayList<>(columns.size());
        columns.forEach(c -> key.add(normalize(r.get(c))));
        keys.add(key);
      });
      return keys;
    });
  }

  private static void forEachRow(String location, java.util.function.Consumer<GenericRecord> action) {
    try (SourceReader<GenericRecord> r = FileFormats.newReader(FileFormat.PARQUET, LakeFileIO.store(location),
        LakeFileIO.uri(location), null)) {
      r.forEachRemaining(action);
    } catch (IOException e) {
      throw new SourceException("iceberg", "Cannot read delete file " + location + ": " + e.getMessage(), e);
    }
  }

  static List<Object> key(Object[] values, int[] columns) {
    List<Object> key = new ArrayList<>(columns.length);
    for (int c : columns) {
      key.add(normalize(values[c]));
    }
    return key;
  }

  /** Values as keys compare them: Iceberg's int-to-long and float-to-double promotions undone, text as String. */
  static Object normalize(Object v) {
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof CharSequence c) {
      return c.toString();
    }
    if (v instanceof byte[] b) {
      return ByteBuffer.wrap(b);
    }
    return v;
  }
}

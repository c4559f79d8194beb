package dev.lake.internal.lake;

import dev.lake.exceptions.SourceException;
import dev.lake.internal.format.Formats;
import dev.lake.internal.format.RecordRows;
import dev.lake.internal.values.Values;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads the committed rows of a lake dataset: the files of its newest manifest, one split per file, with partition
 * values put back into the rows.
 *
 * <pre>{@code
 * Source<Sale> rows = new DatasetSource<>(lake, "processed/sales", Sale.class, records); // lake.read("sales", ...)
 * }</pre>
 */
public final class DatasetSource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;

  private final LakeRoot lake;
  private final String dataset;
  private final Class<T> type;
  private final RecordRows records; // converts rows to type when it is a Java record
  private final DataFile file; // null for the unsplit source
  private final Layout layout; // set on splits: what a file needs to be read, not the whole manifest
  private final long version; // 0: the newest

  /** The part of a manifest a split needs; small, so splits do not each carry and re-parse every file's entry. */
  private record Layout(String format, List<String> partitionBy, String schema) implements java.io.Serializable {}

  /** The newest rows of {@code dataset} as {@code type}: generic rows, or records converted by {@code records}. */
  public DatasetSource(LakeRoot lake, String dataset, Class<T> type, RecordRows records) {
    this(lake, dataset, type, records, 0);
  }

  /** The rows of one retained version ({@code version} 0: the newest). */
  public DatasetSource(LakeRoot lake, String dataset, Class<T> type, RecordRows records, long version) {
    this(lake, dataset, type, records, null, null, version);
  }

  private DatasetSource(LakeRoot lake, String dataset, Class<T> type, RecordRows records, DataFile file,
      Layout layout, long version) {
    this.lake = lake;
    this.dataset = dataset;
    this.type = type;
    this.records = records;
    this.file = file;
    this.layout = layout;
    this.version = version;
  }

  @Override
  public String name() {
    return "lake:" + dataset;
  }

  @Override
  public String id() {
    if (file != null) {
      return lake.root() + dataset + "/" + file.path() + "@" + file.bytes();
    }
    return lake.root() + dataset + "@v" + manifest().version();
    // a split: the file's path is unique to the attempt that wrote it, so it names the same rows forever
  }

  private Manifest manifest() {
    try {
      if (version > 0) {
        return ManifestStore.of(lake).version(dataset, version).orElseThrow(() -> new SourceException("lake",
            "Dataset " + dataset + " has no version " + version + " under " + lake.root() + ": it was expired, or "
                + "never committed (lake.history lists the retained versions)", null));
      }
      return ManifestStore.of(lake).latest(dataset).orElseThrow(() -> new SourceException("lake",
          "Dataset " + dataset + " has no commit under " + lake.root() + ": run the pipeline that writes it first",
          null));
    } catch (IOException e) {
      throw new SourceException("lake", "Cannot read the manifest of " + dataset + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<DatasetSource<T>> split(SourceContext ctx) {
    Manifest m = manifest();
    Layout shared = new Layout(m.format(), m.partitionBy(), m.schema());
    List<DatasetSource<T>> splits = new ArrayList<>();
    for (DataFile f : m.files()) {
      splits.add(new DatasetSource<>(lake, dataset, type, records, f, shared, version));
    }
    return splits;
  }

  @Override
  public SourceReader<T> open(SourceContext ctx) throws IOException {
    if (file == null) {
      return new Concat<>(split(ctx), ctx);
    }
    Layout m = layout;
    Schema rowSchema = new Schema.Parser().parse(m.schema());
    List<Schema.Field> fileFields = new ArrayList<>();
    for (Schema.Field f : rowSchema.getFields()) {
      if (!m.partitionBy().contains(f.name())) {
        fileFields.add(new Schema.Field(f, f.schema()));
      }
    }
    Schema fileSchema = Schema.createRecord(rowSchema.getName(), rowSchema.getDoc(), rowSchema.getNamespace(),
        false, fileFields);
    SourceReader<GenericRecord> files = openFile(FileFormat.valueOf(m.format()), fileSchema);
    Map<String, String> partition = file.partition();
    return new SourceReader<>() {
      @Override
      public boolean hasNext() {
        return files.hasNext();
      }

      @Override
      @SuppressWarnings("unchecked")
      public T next() {
        GenericRecord in = files.next();
        GenericData.Record row = new GenericData.Record(rowSchema);
        for (Schema.Field f : rowSchema.getFields()) {
          String p = partition.get(f.name());
          row.put(f.pos(), p != null || partition.containsKey(f.name()) ? Values.parse(p == null ? "" : p, f.schema())
              : in.get(f.name()));
        }
        return GenericRecord.class.isAssignableFrom(type) ? (T) row : records.toRecord(row, type);
      }

      @Override
      public String position() {
        return files.position();
      }

      @Override
      public void close() throws IOException {
        files.close();
      }
    };
  }

  /**
   * The file where the dataset keeps it, or, once a newer version replaced it, where it waits for older versions'
   * readers ({@code _lake/retired/}); a reader that planned on an older version keeps reading.
   */
  private SourceReader<GenericRecord> openFile(FileFormat format, Schema fileSchema) throws IOException {
    ManifestStore manifests = ManifestStore.of(lake);
    try {
      return Formats.newReader(format, lake.store(), manifests.fileUri(dataset, file.path()), fileSchema);
    } catch (java.io.FileNotFoundException e) {
      try {
        return Formats.newReader(format, lake.store(), manifests.retiredUri(dataset, file.path()), fileSchema);
      } catch (java.io.FileNotFoundException retired) {
        throw new java.io.FileNotFoundException(file.path() + " of " + dataset + " is neither in the dataset nor "
            + "retired: the version that lists it was expired (lake.expire deletes the files only expired versions "
            + "list)");
      }
    }
  }

  /** Reads splits one after the other. */
  private static final class Concat<T> implements SourceReader<T> {
    private final java.util.Iterator<DatasetSource<T>> splits;
    private final SourceContext ctx;
    private SourceReader<T> current;

    Concat(List<DatasetSource<T>> splits, SourceContext ctx) {
      this.splits = splits.iterator();
      this.ctx = ctx;
    }

    @Override
    public boolean hasNext() {
      try {
        while ((current == null || !current.hasNext()) && splits.hasNext()) {
          if (current != null) {
            current.close();
          }
          current = splits.next().open(ctx);
        }
      } catch (IOException e) {
        throw new SourceException("lake", e.getMessage(), e);
      }
      return current != null && current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return current.next();
    }

    @Override
    public String position() {
      return current == null ? "" : current.position();
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        current.close();
      }
    }
  }

  /** Reading the newest manifest (listing and reading {@code _lake/manifests/<dataset>/}) and the data files. */
  @Override
  public dev.lake.iam.IamPolicy permissions(dev.lake.iam.IamScope scope) {
    return LakePermissions.read(lake, dataset, scope);
  }
}

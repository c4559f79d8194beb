package dev.lake.internal.lake;

import dev.lake.LakeSink;
import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import java.io.Serializable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * What the engine needs of a lake sink: the dataset it writes into and how (format, compression, partitioning, write
 * mode, file limits, coalescing, ingest date, the explicit schema). Built from the user's {@code LakeSink}
 * ({@link #of}), so the writer, the publications and the runner do not depend on the API type. Serializable (the
 * schema as its JSON), as plans that carry it go to other machines.
 *
 * <pre>{@code
 * LakeDataset sales = LakeDataset.of(lake.processed("sales"));
 * ManifestStore manifests = ManifestStore.of(sales.lake());
 * }</pre>
 */
public final class LakeDataset implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final LakeRoot lake;
  private final String dataset;
  private final FileFormat format;
  private final Compression compression;
  private final List<String> partitionBy;
  private final boolean ingestDate;
  private final String mode;
  private final boolean appends;
  private final long targetFileBytes;
  private final long maxRowsPerFile;
  private final int maxOpenFiles;
  private final String schemaJson;
  private final boolean coalesce;
  private transient volatile Schema schema;

  private LakeDataset(LakeSink<?> sink) {
    this.name = sink.name();
    this.lake = new LakeRoot(sink.lake().root());
    this.dataset = sink.dataset();
    this.format = sink.format();
    this.compression = sink.compression();
    this.partitionBy = List.copyOf(sink.partitionBy());
    this.ingestDate = sink.ingestDate();
    this.mode = sink.mode().name();
    this.appends = sink.mode() == dev.lake.WriteMode.APPEND;
    this.targetFileBytes = sink.targetFileBytes();
    this.maxRowsPerFile = sink.maxRowsPerFile();
    this.maxOpenFiles = sink.maxOpenFiles();
    this.schema = sink.schema();
    this.schemaJson = schema == null ? null : schema.toString();
    this.coalesce = sink.coalescesSmallFiles();
  }

  /** The description of {@code sink}'s dataset: the one place the engine reads a {@code LakeSink}. */
  public static LakeDataset of(LakeSink<?> sink) {
    return new LakeDataset(sink);
  }

  /** The sink's name, as the run report and bad rows name it. */
  public String name() {
    return name;
  }

  public LakeRoot lake() {
    return lake;
  }

  public String dataset() {
    return dataset;
  }

  public FileFormat format() {
    return format;
  }

  public Compression compression() {
    return compression;
  }

  public List<String> partitionBy() {
    return partitionBy;
  }

  public boolean ingestDate() {
    return ingestDate;
  }

  /** The write mode's name ({@code APPEND}, ...), as a publication records it. */
  public String mode() {
    return mode;
  }

  /** True under {@code WriteMode.APPEND}: committed input is in the dataset's split ledger and never added again. */
  public boolean appends() {
    return appends;
  }

  public long targetFileBytes() {
    return targetFileBytes;
  }

  public long maxRowsPerFile() {
    return maxRowsPerFile;
  }

  public int maxOpenFiles() {
    return maxOpenFiles;
  }

  public boolean coalescesSmallFiles() {
    return coalesce;
  }

  /** The explicit schema, or null to derive it from the first row; parsed once after serialization. */
  public Schema schema() {
    if (schemaJson == null) {
      return null;
    }
    Schema parsed = schema;
    if (parsed == null) {
      parsed = new Schema.Parser().parse(schemaJson);
      schema = parsed;
    }
    return parsed;
  }
}

package dev.lake.internal.lake;

import dev.lake.io.Compression;
import dev.lake.io.FileFormat;
import java.io.Serializable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * What the engine needs of a lake sink: the dataset it writes into and how (format, compression, partitioning, write
 * mode, file limits, coalescing, ingest date, the explicit schema). The user's {@code LakeSink} builds it
 * ({@link #builder}), so the writer, the publications and the runner do not depend on the API type. Serializable (the
 * schema as its JSON, in the {@link SerializableSchema} the sink holds), as plans that carry it go to other machines.
 *
 * <pre>{@code
 * LakeDataset sales = LakeDataset.builder().name("lake:processed/sales").at(root, "processed/sales")
 *     .format(FileFormat.PARQUET, null).mode("APPEND", true).fileLimits(128L << 20, Long.MAX_VALUE, 64).build();
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
  private final SerializableSchema schema;
  private final boolean coalesce;

  private LakeDataset(Builder b) {
    this.name = b.name;
    this.lake = b.lake;
    this.dataset = b.dataset;
    this.format = b.format;
    this.compression = b.compression;
    this.partitionBy = List.copyOf(b.partitionBy);
    this.ingestDate = b.ingestDate;
    this.mode = b.mode;
    this.appends = b.appends;
    this.targetFileBytes = b.targetFileBytes;
    this.maxRowsPerFile = b.maxRowsPerFile;
    this.maxOpenFiles = b.maxOpenFiles;
    this.schema = b.schema;
    this.coalesce = b.coalesce;
  }

  /** A description to fill in: what {@code LakeSink} does, the one place that reads a lake sink's settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings of a {@link LakeDataset}, each as the lake sink holds it; the write mode as its name and whether it
   * appends, so that the engine needs no API enum.
   */
  public static final class Builder {
    private String name;
    private LakeRoot lake;
    private String dataset;
    private FileFormat format;
    private Compression compression;
    private List<String> partitionBy = List.of();
    private boolean ingestDate;
    private String mode;
    private boolean appends;
    private long targetFileBytes;
    private long maxRowsPerFile;
    private int maxOpenFiles;
    private SerializableSchema schema;
    private boolean coalesce;

    private Builder() {}

    /** The sink's name in run reports, e.g. {@code lake:processed/sales}. */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** The lake and the dataset in it, e.g. {@code processed/sales}. */
    public Builder at(LakeRoot root, String datasetName) {
      this.lake = root;
      this.dataset = datasetName;
      return this;
    }

    /** The file format and its compression ({@code null}: the format's default). */
    public Builder format(FileFormat value, Compression codec) {
      this.format = value;
      this.compression = codec;
      return this;
    }

    /** The partition columns, and whether the ingest date partitions too. */
    public Builder partitioning(List<String> columns, boolean byIngestDate) {
      this.partitionBy = columns;
      this.ingestDate = byIngestDate;
      return this;
    }

    /** The write mode's name, as manifests record it, and whether it is the appending mode. */
    public Builder mode(String modeName, boolean appending) {
      this.mode = modeName;
      this.appends = appending;
      return this;
    }

    /** The file limits: target bytes, rows and open files per writer. */
    public Builder fileLimits(long targetBytes, long maxRows, int maxOpen) {
      this.targetFileBytes = targetBytes;
      this.maxRowsPerFile = maxRows;
      this.maxOpenFiles = maxOpen;
      return this;
    }

    /** The explicit schema, or {@code null} for the one the rows give. */
    public Builder schema(SerializableSchema value) {
      this.schema = value;
      return this;
    }

    /** Whether a run's small files are merged per partition before the commit. */
    public Builder coalescesSmallFiles(boolean value) {
      this.coalesce = value;
      return this;
    }

    public LakeDataset build() {
      return new LakeDataset(this);
    }
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
    return schema == null ? null : schema.get();
  }
}

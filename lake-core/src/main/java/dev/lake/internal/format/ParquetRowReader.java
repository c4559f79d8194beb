package dev.lake.internal.format;

import dev.lake.exceptions.LakeException;
import dev.lake.io.Compression;
import dev.lake.io.ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a Parquet file as generic rows (Java logical-type values, String strings) without Hadoop. Decimals are
 * {@code BigDecimal}s whether the file stores them as bytes or, as Lake writes those of precision 18 or less, as
 * integers ({@link IntegerDecimalsReading}).
 *
 * <p>{@code AvroParquetReader}/{@code ParquetReader.Builder} cannot be used: loading them needs Hadoop classes
 * ({@code org.apache.hadoop.fs.PathFilter}) even with an {@code InputFile}. So this does what parquet's
 * {@code InternalParquetRecordReader} does, with only Hadoop-free types: {@link ParquetFileReader} over an
 * {@code InputFile} with options from {@link ParquetReadOptionsFactory} (the options builder loads Hadoop classes too),
 * {@link AvroReadSupport} for the Avro materializer, and one {@link RecordReader} per row group.
 */
final class ParquetRowReader extends BaseRowFileReader {
  private final ParquetFileReader file;
  private final MessageType fileSchema;
  private final MessageType requested;
  private final RecordMaterializer<GenericRecord> materializer;
  private final ColumnIOFactory columnIo;
  private final IntegerDecimalsReading decimals; // null: the file's decimals, if any, are binary
  private RecordReader<GenericRecord> rowGroup;
  private long rowsLeftInGroup;
  private GenericRecord next;

  @SuppressWarnings("deprecation")
  ParquetRowReader(ObjectStore store, URI uri, Schema projection) throws IOException {
    super(uri);
    Optional<Path> local = store.localPath(uri);
    InputFile input = local.isPresent() ? new LocalInputFile(local.get()) : new StoreInputFile(store, uri);
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    // The non-compatible converter applies the model's logical-type conversions (Instant, LocalDate, BigDecimal).
    conf.set(AvroReadSupport.AVRO_COMPATIBILITY, "false");
    // A projection is converted to Parquet types like a written schema: with the standard 3-level lists we write.
    conf.set(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false");
    if (projection != null) {
      conf.set(AvroReadSupport.AVRO_REQUESTED_PROJECTION, projection.toString());
    }
    ParquetReadOptions options = ParquetReadOptionsFactory.create(conf, ParquetCodecs.INSTANCE);
    this.file = ParquetFileReader.open(input, options);
    try {
      FileMetaData meta = file.getFileMetaData();
      this.fileSchema = meta.getSchema();
      this.decimals = IntegerDecimalsReading.of(fileSchema, meta.getKeyValueMetaData(), projection);
      if (decimals != null) {
        decimals.configure(conf); // decimals stored as integers: read as numbers, restored in readNext
      }
      AvroReadSupport<GenericRecord> support = new AvroReadSupport<>(ReadModel.MODEL);
      ReadSupport.ReadContext context = support.init(conf, meta.getKeyValueMetaData(), fileSchema);
      this.requested = context.getRequestedSchema();
      this.materializer = support.prepareForRead(conf, meta.getKeyValueMetaData(), fileSchema, context);
      file.setRequestedSchema(requested);
      this.columnIo = new ColumnIOFactory(meta.getCreatedBy());
    } catch (RuntimeException | LinkageError e) {
      file.close();
      throw new LakeException("Cannot read Parquet file " + uri + ": " + e, e);
    }
  }

  /** The codec of the file's first column chunk, or null for a file without row groups. */
  static Compression codec(ObjectStore store, URI uri) throws IOException {
    InputFile input = new StoreInputFile(store, uri); // the footer only: read through the store
    ParquetReadOptions options = ParquetReadOptionsFactory.create(new PlainParquetConfiguration(), ParquetCodecs.INSTANCE);
    try (ParquetFileReader reader = ParquetFileReader.open(input, options)) {
      var blocks = reader.getFooter().getBlocks();
      if (blocks.isEmpty() || blocks.get(0).getColumns().isEmpty()) {
        return null;
      }
      return switch (blocks.get(0).getColumns().get(0).getCodec()) {
        case UNCOMPRESSED -> Compression.NONE;
        case SNAPPY -> Compression.SNAPPY;
        case ZSTD -> Compression.ZSTD;
        case GZIP -> Compression.GZIP;
        default -> null;
      };
    }
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null) {
        if (rowsLeftInGroup == 0) {
          PageReadStore pages = file.readNextRowGroup();
          if (pages == null) {
            return false;
          }
          rowsLeftInGroup = pages.getRowCount();
          rowGroup = columnIo.getColumnIO(requested, fileSchema, true)
              .getRecordReader(pages, materializer, FilterCompat.NOOP);
          continue;
        }
        rowsLeftInGroup--;
        next = rowGroup.read();
      }
      return true;
    } catch (IOException | RuntimeException e) {
      throw new LakeException("Cannot read Parquet file " + uri + " after row " + index + ": " + e.getMessage(), e);
    }
  }

  @Override
  GenericRecord readNext() {
    GenericRecord row = decimals == null ? next : decimals.restore(next);
    next = null;
    index++;
    return (GenericRecord) ReadModel.strings(row, row.getSchema()); // Utf8 to String
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}

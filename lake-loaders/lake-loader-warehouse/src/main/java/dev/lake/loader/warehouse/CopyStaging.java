package dev.lake.loader.warehouse;

import dev.lake.Lake;
import dev.lake.Rows;
import dev.lake.exceptions.SinkException;
import dev.lake.format.FileFormats;
import dev.lake.io.Compression;
import dev.lake.io.DataFile;
import dev.lake.io.FileFormat;
import dev.lake.io.Locations;
import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import dev.lake.io.RowFileWriter;
import dev.lake.io.SourceReader;
import dev.lake.io.WriteSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of a table snapshot (an Iceberg table) staged for Redshift's COPY, which reads Parquet files whole and by
 * column position: each file's rows, as the table gives them (deletes applied, columns matched by field id), are
 * written again as Parquet in the schema the load's staging table has, with a COPY manifest listing them, under
 * {@code <staging lake>/_lake/copy-staging/<source and table hash>/<run>/}. {@link #close} deletes what this run
 * wrote, after the transaction committed or rolled back; a killed run's files stay under the prefix until the next
 * load of the same source into the same table deletes them ({@link #removeLeftovers}, under the load-state lock).
 */
final class CopyStaging implements AutoCloseable {
  /** Where staged rows go, under the staging lake's root. */
  static final String PREFIX = "_lake/copy-staging/";

  private static final Logger LOG = LoggerFactory.getLogger(CopyStaging.class);

  private final ObjectStore store;
  private final URI prefix;
  private final URI run;
  private final List<URI> written = new ArrayList<>();
  private long rows;

  CopyStaging(Lake staging, String source, String table, String suffix) {
    this.store = staging.store();
    this.prefix = prefix(staging, source, table);
    this.run = Locations.child(prefix, suffix + "/");
  }

  /**
   * The prefix of one source's loads into one table: {@code <root>/_lake/copy-staging/<hash>/}, the hash the first 16
   * hex digits of the SHA-256 of the source's location, a newline and the quoted table name.
   */
  static URI prefix(Lake staging, String source, String table) {
    try {
      byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
          .digest((source + "\n" + table).getBytes(StandardCharsets.UTF_8));
      return Locations.child(staging.root(), PREFIX + HexFormat.of().formatHex(sha, 0, 8) + "/");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Deletes the files (and aborts the uploads) that earlier runs, killed before their cleanup, left. */
  void removeLeftovers() {
    try {
      for (ObjectInfo o : store.list(prefix, true)) {
        store.delete(o.uri());
      }
      store.abortIncompleteWrites(prefix, Instant.now());
    } catch (IOException e) {
      throw new SinkException("redshift", "Cannot remove the files earlier loads staged under " + prefix + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Writes the rows of the snapshot's files to load, one Parquet file per data file that still holds rows, then
   * their COPY manifest; returns the manifest, or null when no row is left to load. {@code hook} hears
   * {@code "file <n>"} after each data file.
   */
  URI stage(Snapshot snap, Consumer<String> hook) {
    WriteSpec spec = WriteSpec.of(FileFormat.PARQUET, Compression.SNAPPY, snap.rowSchema(),
        Rows.model(GenericData.Record.class));
    List<DataFile> staged = new ArrayList<>();
    int n = 0;
    for (DataFile f : snap.files()) {
      URI to = Locations.child(run, String.format("part-%05d.parquet", n));
      long count = 0;
      long bytes = 0;
      try (SourceReader<GenericRecord> in = snap.open(f)) {
        if (in.hasNext()) {
          written.add(to);
          try (RowFileWriter w = FileFormats.newWriter(spec, store.newWriter(to))) {
            while (in.hasNext()) {
              w.write(in.next());
              count++;
            }
            w.commit();
            bytes = w.bytes(); // the file's size once committed: no HEAD, so no read grant on the prefix
          }
        }
      } catch (IOException e) {
        throw new SinkException("redshift", "Cannot stage the rows of " + f.path() + " at " + to + " for COPY: "
            + e.getMessage(), e);
      }
      if (count > 0) {
        staged.add(DataFile.of(CopyManifests.s3Url(to), java.util.Map.of(), count, bytes, null));
        rows += count;
      }
      hook.accept("file " + n++);
    }
    if (staged.isEmpty()) {
      return null;
    }
    URI manifest = Locations.child(run, "manifest.json");
    written.add(manifest);
    try {
      store.write(manifest, CopyManifests.json(snap, staged).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SinkException("redshift", "Cannot write the COPY manifest " + manifest + ": " + e.getMessage(), e);
    }
    return manifest;
  }

  /** The rows staged. */
  long rows() {
    return rows;
  }

  /** Deletes this run's staged files; a file that cannot be deleted is logged and left to the next load. */
  @Override
  public void close() {
    for (URI uri : written) {
      try {
        store.delete(uri);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Could not delete the staged {} ({}); the next load into the same table deletes it", uri,
            e.getMessage());
      }
    }
  }
}

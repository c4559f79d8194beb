package dev.lake;

import dev.lake.exceptions.LakeException;
import dev.lake.exceptions.ValidationException;
import dev.lake.internal.lake.DatasetSource;
import dev.lake.internal.lake.LakeRoot;
import dev.lake.internal.lake.Manifest;
import dev.lake.internal.lake.ManifestStore;
import dev.lake.internal.lake.StateLog;
import dev.lake.io.FileFormat;
import dev.lake.io.Locations;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import dev.lake.io.Source;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.avro.generic.GenericRecord;

/**
 * A data lake under one root URI ({@code file://} or {@code s3://}), laid out in zones:
 * <ul>
 *   <li>{@code raw/<source>/<dataset>/ingest_date=YYYY-MM-DD/} — what came in, verbatim (JSON Lines, gzip)</li>
 *   <li>{@code processed/<dataset>/<k>=<v>/} — typed, partitioned Parquet (Snappy)</li>
 *   <li>{@code rejected/<dataset>/ingest_date=YYYY-MM-DD/} — bad rows with reason, step and position</li>
 *   <li>{@code _lake/} — manifests (commits), state (cursors) and run reports</li>
 * </ul>
 *
 * <pre>{@code
 * Lake lake = Lake.at("./lake");                       // or Lake.at("s3://bucket/lake")
 * pipeline.to(lake.processed("sales").partitionBy("year", "month")).run();
 * Source<GenericRecord> sales = lake.read("sales");    // the committed rows
 * lake.compact("sales");                               // small files rewritten into ~128 MB ones
 * lake.expire("sales");                                // old versions and the files only they list deleted
 * }</pre>
 */
public final class Lake implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final URI root;

  private Lake(URI root) {
    this.root = Locations.directory(root);
  }

  /** The lake under a location: a plain path ({@code ./lake}) or a URI ({@code s3://bucket/prefix}). */
  public static Lake at(String location) {
    return new Lake(ObjectStores.toUri(location));
  }

  /** The lake under a root URI. */
  public static Lake at(URI root) {
    return new Lake(root);
  }

  /** The root URI, ending in '/'. */
  public URI root() {
    return root;
  }

  /** A sink into {@code processed/<dataset>/}: Parquet, Snappy, append, unpartitioned until configured. */
  public LakeSink<Object> processed(String dataset) {
    return new LakeSink<>(this, "processed/" + checkName(dataset), FileFormat.PARQUET);
  }

  /** A sink into {@code raw/<source>/<dataset>/}: JSON Lines, gzip, partitioned by the run's ingest date. */
  public LakeSink<Object> raw(String source, String dataset) {
    return new LakeSink<>(this, "raw/" + checkName(source) + "/" + checkName(dataset), FileFormat.JSON_LINES)
        .withIngestDate();
  }

  /**
   * A sink into {@code rejected/<dataset>/}: JSON Lines, gzip, partitioned by ingest date. Pipelines with
   * {@link BadRowPolicy#toRejectedZone()} write their bad rows here.
   */
  public LakeSink<Object> rejected(String dataset) {
    return new LakeSink<>(this, "rejected/" + checkName(dataset), FileFormat.JSON_LINES).withIngestDate();
  }

  /** The committed rows of a dataset as generic rows; {@code dataset} is a processed dataset's name or a path. */
  public Source<GenericRecord> read(String dataset) {
    return new DatasetSource<>(location(), path(dataset), GenericRecord.class, RecordModel.install());
  }

  /** The committed rows of a dataset as records of {@code type}. */
  public <T> Source<T> read(String dataset, Class<T> type) {
    return new DatasetSource<>(location(), path(dataset), type, RecordModel.install());
  }

  /**
   * The newest version of a dataset, if it has one: its files, schema and who committed it.
   *
   * <pre>{@code
   * long rows = lake.latest("sales").map(DatasetVersion::rows).orElse(0L);
   * }</pre>
   */
  public Optional<DatasetVersion> latest(String dataset) {
    ManifestStore manifests = ManifestStore.of(location());
    try {
      return manifests.latest(path(dataset)).map(m -> version(manifests, m));
    } catch (IOException e) {
      throw new LakeException("Cannot read the newest commit of " + dataset + " under " + root + ": "
          + e.getMessage() + "; check that the lake's location is reachable and readable", e);
    }
  }

  /** Every retained version of a dataset, oldest first (older ones were {@link #expire expired}). */
  public List<DatasetVersion> history(String dataset) {
    ManifestStore manifests = ManifestStore.of(location());
    try {
      return manifests.history(path(dataset)).stream().map(m -> version(manifests, m)).toList();
    } catch (IOException e) {
      throw new LakeException("Cannot read the commits of " + dataset + " under " + root + ": " + e.getMessage()
          + "; check that the lake's location is reachable and readable", e);
    }
  }

  /** One retained version of a dataset, if it is still retained. */
  public Optional<DatasetVersion> version(String dataset, long version) {
    ManifestStore manifests = ManifestStore.of(location());
    try {
      return manifests.version(path(dataset), version).map(m -> version(manifests, m));
    } catch (IOException e) {
      throw new LakeException("Cannot read version " + version + " of " + dataset + " under " + root + ": "
          + e.getMessage() + "; check that the lake's location is reachable and readable", e);
    }
  }

  private static DatasetVersion version(ManifestStore manifests, Manifest m) {
    return DatasetVersion.of(m, manifests.dataDirectory(m.dataset()));
  }

  /**
   * A compaction of a dataset's small files, to configure and {@link Compaction#run() run}; {@code dataset} is a
   * processed dataset's name or a path.
   */
  public Compaction compaction(String dataset) {
    return new Compaction(this, path(dataset));
  }

  /** Compacts a dataset's small files into files of about 128 MB and commits them: {@code compaction(d).run()}. */
  public CompactionResult compact(String dataset) {
    return compaction(dataset).run();
  }

  /**
   * An expiry of a dataset's old versions, to configure and {@link Expiry#run() run}; {@code dataset} is a processed
   * dataset's name or a path.
   */
  public Expiry expiry(String dataset) {
    return new Expiry(this, path(dataset));
  }

  /**
   * Expires the dataset's versions older than a day beyond its newest ten, and deletes the replaced files only they
   * list: {@code expiry(d).run()}.
   */
  public ExpiryResult expire(String dataset) {
    return expiry(dataset).run();
  }

  /**
   * The rows of one retained version of a dataset (time travel): what readers saw at that version, also files an
   * overwrite or a compaction replaced since (kept under {@code _lake/retired/} until {@link #expire}).
   *
   * <pre>{@code
   * long before = lake.latest("sales").orElseThrow().version();
   * ...
   * List<GenericRecord> then = lake.readVersion("sales", before).readAll();
   * }</pre>
   */
  public Source<GenericRecord> readVersion(String dataset, long version) {
    return new DatasetSource<>(location(), path(dataset), GenericRecord.class, RecordModel.install(), version);
  }

  /** The committed cursors of a pipeline: those its newest committed run left. */
  public Map<String, String> cursors(String pipeline) {
    return new StateLog(store(), root).cursors(pipeline);
  }

  /** The URI of a path under the root, e.g. {@code uri("processed/sales/")}. */
  public URI uri(String relative) {
    return Locations.child(root, relative);
  }

  /** The object store the lake is in ({@code file://} or the one registered for its scheme, e.g. S3). */
  public ObjectStore store() {
    return ObjectStores.forUri(root);
  }

  /** What the engine needs of this lake (its root; the store by the root's scheme), for the engine's classes. */
  LakeRoot location() {
    return new LakeRoot(root);
  }

  /** "sales" means "processed/sales"; a path with a zone ("raw/api/fixtures") is taken as it is. */
  static String path(String dataset) {
    ValidationException.check(dataset != null && !dataset.isBlank(), "A dataset name is required");
    String d = dataset.endsWith("/") ? dataset.substring(0, dataset.length() - 1) : dataset;
    if (d.startsWith("processed/") || d.startsWith("raw/") || d.startsWith("rejected/")) {
      return d;
    }
    return "processed/" + checkName(d);
  }

  static String checkName(String name) {
    ValidationException.check(name != null && SEGMENT.matcher(name).matches(),
        "Invalid dataset or source name '%s': use 1-128 letters, digits, '.', '_' or '-', starting with a letter "
            + "or digit", name);
    return name;
  }

  @Override
  public String toString() {
    return "Lake(" + root + ")";
  }
}

package dev.lake.it.check;

import dev.lake.Lake;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import dev.lake.it.driver.CrashDriver;
import dev.lake.it.driver.RetailRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The three readers of a lake under test: DuckDB over a plain glob, DuckDB over exactly the files of the newest
 * manifest (parsed with Jackson), and Lake's own {@code Lake.at(root).read(..)}. None writes anything.
 *
 * <pre>{@code
 * LakeViews views = new LakeViews(LocalLake.in(dir));
 * View glob = views.glob();
 * Committed committed = views.committed();
 * }</pre>
 */
public final class LakeViews {
  private final LakeLocation lake;

  /** Views of {@code lake}. */
  public LakeViews(LakeLocation lake) {
    this.lake = lake;
  }

  /** The lake. */
  public LakeLocation lake() {
    return lake;
  }

  /** DuckDB over {@code processed/online_retail/**}{@code /*.parquet}, Hive partitioning on. */
  public View glob() throws IOException, SQLException {
    LakeLocation.Visible visible = lake.visible();
    try (Duck duck = new Duck()) {
      List<String> matched = duck.glob(visible.dir() + "/**/*.parquet");
      List<String> files = matched.stream().map(f -> visible.dir().relativize(Path.of(f)).toString()).toList();
      if (files.isEmpty()) {
        return new View("glob", files, new TreeMap<>(), 0);
      }
      // The files DuckDB's glob matched, read as one list: one listing, however the directory changes meanwhile.
      String relation = Duck.parquet(matched.stream().map(Path::of).toList());
      return new View("glob", files, duck.dayStats(relation), duck.misfiled(relation));
    }
  }

  /** The newest manifest and exactly the files it lists. */
  public Committed committed() throws IOException, SQLException {
    Optional<Map.Entry<String, byte[]>> newest = lake.newestManifest();
    if (newest.isEmpty()) {
      return new Committed(0, List.of(), Map.of(), List.of(), Map.of(), new View("no manifest", List.of(),
          new TreeMap<>(), 0));
    }
    ManifestFile manifest = ManifestFile.parse(newest.get().getKey(), newest.get().getValue(),
        lake::manifestObject);
    Map<String, Path> local = lake.fetch(manifest.paths());
    List<String> missing = new ArrayList<>(manifest.paths());
    missing.removeAll(local.keySet());
    Map<String, Committed.Fingerprint> present = new LinkedHashMap<>();
    for (Map.Entry<String, Path> f : local.entrySet()) {
      present.put(f.getKey(), fingerprint(f.getValue()));
    }
    String reader = "manifest v" + manifest.version();
    if (local.isEmpty()) {
      return new Committed(manifest.version(), manifest.files(), present, missing, Map.of(),
          new View(reader, List.of(), new TreeMap<>(), 0));
    }
    try (Duck duck = new Duck()) {
      String relation = Duck.parquet(local.values());
      Map<String, Long> rowsRead = new LinkedHashMap<>();
      Map<Path, String> byPath = new LinkedHashMap<>();
      local.forEach((rel, p) -> byPath.put(p.toAbsolutePath(), rel));
      duck.rowsPerFile(relation).forEach((file, n) -> rowsRead.put(byPath.get(Path.of(file).toAbsolutePath()), n));
      View view = new View(reader, List.copyOf(local.keySet()), duck.dayStats(relation), duck.misfiled(relation));
      return new Committed(manifest.version(), manifest.files(), present, missing, rowsRead, view);
    }
  }

  /** Lake's own reader, {@code Lake.at(root).read("online_retail", RetailRow.class)}, its rows counted by DuckDB. */
  public View lakeReader() throws IOException, SQLException {
    Source<RetailRow> source = Lake.at(lake.root()).read(CrashDriver.DATASET, RetailRow.class);
    try (Duck duck = new Duck()) {
      duck.execute("CREATE TABLE lake_rows (invoice_no VARCHAR, stock_code VARCHAR, description VARCHAR, "
          + "quantity INTEGER, invoice_date TIMESTAMP, unit_price DECIMAL(10,3), customer_id BIGINT, "
          + "country VARCHAR, year INTEGER, month INTEGER)");
      DuckDBConnection connection = duck.connection().unwrap(DuckDBConnection.class);
      try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "lake_rows")) {
        for (Source<RetailRow> split : source.split(SourceContext.standalone())) {
          try (SourceReader<RetailRow> reader = split.open(SourceContext.standalone())) {
            while (reader.hasNext()) {
              RetailRow r = reader.next();
              appender.beginRow().append(r.invoiceNo()).append(r.stockCode()).append(r.description())
                  .append(r.quantity()).append(r.invoiceDate()).append(r.unitPrice()).append(r.customerId())
                  .append(r.country()).append(r.year()).append(r.month()).endRow();
            }
          }
        }
      }
      return new View("Lake.read", List.of(), duck.dayStats("lake_rows"), duck.misfiled("lake_rows"));
    }
  }

  /** Size and SHA-256 of a local file. */
  public static Committed.Fingerprint fingerprint(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      long size = in.transferTo(java.io.OutputStream.nullOutputStream());
      return new Committed.Fingerprint(size,
          HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.lake.loader.warehouse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a warehouse has loaded, kept in the warehouse itself so that it commits in the load's own transaction: for
 * each target table and dataset, the dataset version last loaded ({@value #LOADS}) and the paths of the data files
 * whose rows the table holds ({@value #FILES}). Both tables live in the target table's schema and are created on
 * the first load. File names are unique per writing attempt and never reused, so the paths tell exactly which
 * files of the newest version are new, whatever versions were expired since; the version answers "up to date?"
 * without reading a path.
 *
 * <p>Values are inlined as escaped literals of the dialect (PostgreSQL loads turn {@code standard_conforming_strings}
 * on for their transaction), so the same statements run over JDBC and the Redshift Data API.
 */
final class LoadState {
  static final String LOADS = "lake_loads";
  static final String FILES = "lake_loaded_files";
  /** Paths per INSERT statement: well under the Data API's 100 KB statement limit. */
  static final int CHUNK = 200;
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
      .withZone(ZoneOffset.UTC);

  /** What the warehouse recorded: the version last loaded (0: never) and the loaded files' paths. */
  record Recorded(long version, Set<String> paths) {
    Recorded {
      paths = Set.copyOf(paths);
    }
  }

  /** A transaction on the warehouse: JDBC or a Data API session. */
  interface Tx {
    /** The rows of a query, each value as text (null for SQL NULL). */
    List<List<String>> query(String sql);

    void execute(String sql);
  }

  private final Dialect dialect;
  private final String schema;
  private final String loads;
  private final String files;
  private final String target;
  private final String source;

  /**
   * @param target the target table, quoted: the key of its state
   * @param source the dataset's URI: loads of the same table from another lake are kept apart
   */
  LoadState(Dialect dialect, String schema, String target, String source) {
    this.dialect = dialect;
    this.schema = schema;
    this.loads = Sql.ident(schema) + "." + Sql.ident(LOADS);
    this.files = Sql.ident(schema) + "." + Sql.ident(FILES);
    this.target = target;
    this.source = source;
  }

  /** Creates the state tables if absent, then locks them for the rest of the transaction (no other load runs). */
  List<String> prepare() {
    String text = dialect.typeName(ColumnDef.Kind.STRING, 0, 0);
    String key = dialect == Dialect.REDSHIFT ? "" : ", PRIMARY KEY (\"target_table\", \"source\")";
    List<String> out = new ArrayList<>();
    out.add(Statements.createSchema(schema));
    out.add("CREATE TABLE IF NOT EXISTS " + loads + " (\"target_table\" " + text + " NOT NULL, \"source\" " + text
        + " NOT NULL, \"version\" BIGINT NOT NULL, \"loaded_at\" TIMESTAMP NOT NULL" + key + ")");
    out.add("CREATE TABLE IF NOT EXISTS " + files + " (\"target_table\" " + text + " NOT NULL, \"source\" " + text
        + " NOT NULL, \"path\" " + text + " NOT NULL, \"version\" BIGINT NOT NULL)");
    switch (dialect) {
      case POSTGRES -> out.add("LOCK TABLE " + loads + " IN SHARE ROW EXCLUSIVE MODE"); // readers still read
      case REDSHIFT -> out.add("LOCK " + loads);
      default -> { } // DuckDB: optimistic; a concurrent load's commit conflicts on the primary key or the row
    }
    return out;
  }

  String versionQuery() {
    return "SELECT \"version\" FROM " + loads + where();
  }

  String pathsQuery() {
    return "SELECT \"path\" FROM " + files + where();
  }

  /** Reads what was recorded, inside the load's transaction (after {@link #prepare()}). */
  Recorded read(Tx tx) {
    List<List<String>> v = tx.query(versionQuery());
    if (v.isEmpty()) {
      return new Recorded(0, Set.of());
    }
    Set<String> paths = new LinkedHashSet<>();
    tx.query(pathsQuery()).forEach(r -> paths.add(r.get(0)));
    return new Recorded(Long.parseLong(v.get(0).get(0)), paths);
  }

  /**
   * The statements recording a load of {@code version}: the version, the paths no longer live removed and the new
   * ones added ({@code replaceAll}: every path rewritten).
   */
  List<String> record(Recorded before, long version, Instant at, List<String> gone, List<String> added,
      boolean replaceAll) {
    List<String> out = new ArrayList<>();
    String when = "CAST(" + literal(TIMESTAMP.format(at)) + " AS TIMESTAMP)";
    if (before.version() == 0) {
      out.add("INSERT INTO " + loads + " (\"target_table\", \"source\", \"version\", \"loaded_at\") VALUES ("
          + literal(target) + ", " + literal(source) + ", " + version + ", " + when + ")");
    } else {
      out.add("UPDATE " + loads + " SET \"version\" = " + version + ", \"loaded_at\" = " + when + where());
    }
    if (replaceAll) {
      out.add("DELETE FROM " + files + where());
    } else {
      for (List<String> chunk : chunks(gone)) {
        out.add("DELETE FROM " + files + where() + " AND \"path\" IN (" + String.join(", ",
            chunk.stream().map(this::literal).toList()) + ")");
      }
    }
    for (List<String> chunk : chunks(added)) {
      StringBuilder sb = new StringBuilder("INSERT INTO " + files
          + " (\"target_table\", \"source\", \"path\", \"version\") VALUES ");
      for (int i = 0; i < chunk.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append('(').append(literal(target)).append(", ").append(literal(source))
            .append(", ").append(literal(chunk.get(i))).append(", ").append(version).append(')');
      }
      out.add(sb.toString());
    }
    return out;
  }

  private String where() {
    return " WHERE \"target_table\" = " + literal(target) + " AND \"source\" = " + literal(source);
  }

  private String literal(String value) {
    return Statements.literal(dialect, value);
  }

  private static List<List<String>> chunks(List<String> values) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i += CHUNK) {
      out.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
    }
    return out;
  }
}

package dev.lake.cli;

import dev.lake.DatasetVersion;
import dev.lake.io.DataFile;
import dev.lake.io.Source;
import dev.lake.io.SourceContext;
import dev.lake.io.SourceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lake show <dataset>}: the newest commit's schema, partitions, a few sample rows and the commit history.
 *
 * <pre>{@code
 * lake show songplays --lake ./lake --rows 10
 * }</pre>
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Shows a dataset: schema, partitions, sample rows and commit history.",
    footer = {"", "Examples:", "  lake show songplays", "  lake show online_retail --rows 10 --history 3",
        "  lake show rejected/songplays --lake ./lake",
        "  lake show retail.online_retail --warehouse ./lake/iceberg --snapshot 3051729675574597004"})
final class ShowCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RootOption root;

  @Parameters(paramLabel = "<dataset>", description = "A dataset name (songplays) or path (raw/api/fixtures), or "
      + "an Iceberg table (namespace.table).")
  String dataset;

  @Option(names = "--rows", defaultValue = "5", description = "Sample rows to show (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--history", defaultValue = "10",
      description = "Newest commits to show (default: ${DEFAULT-VALUE}).")
  int history;

  @Mixin
  IcebergOption iceberg;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    OpenedLake lake = iceberg.lake(root, root.lake);
    var catalog = iceberg.catalog(root, root.lake);
    if (catalog != null && IcebergShow.has(catalog, dataset)) {
      var table = catalog.load(dataset);
      IcebergShow.print(out, table, iceberg.snapshotOf(table), rows, history);
      return 0;
    }
    if (!iceberg.snapshots.isEmpty() || lake == null) {
      throw new CliException("No Iceberg table " + dataset + (catalog == null ? "" : " in " + catalog.warehouse()
          + "; its tables are " + IcebergCommand.tables(catalog.catalog())));
    }
    OpenedLake.Dataset d = lake.find(dataset);
    DatasetVersion m = lake.latest(d);
    out.printf("%s  %s%n", Terminal.bold(d.path()), lake.lake().uri(d.path() + "/"));
    out.printf("version %d, committed %s by %s (run %s), %s %s: %,d rows, %,d files, %s%n%n", m.version(),
        Format.time(m.committedAt()), m.pipeline(), m.runId(), m.format(), m.mode(), m.rows(), m.files().size(),
        Format.bytes(m.bytes()));

    Schema schema = m.schema().orElse(null);
    if (schema != null) {
      out.println("Schema " + schema.getFullName() + ":");
      TextTable fields = new TextTable("field", "type", "nullable", "partition");
      for (Schema.Field f : schema.getFields()) {
        fields.row(f.name(), SchemaText.type(f.schema()), SchemaText.nullable(f.schema()) ? "yes" : "no",
            m.partitionBy().contains(f.name()) ? "yes" : "");
      }
      out.print(indent(fields.toString()));
      out.println();
    }
    partitions(out, m);
    if (rows > 0 && schema != null && !m.files().isEmpty()) {
      sample(out, lake, d, schema, m);
    }
    history(out, lake, d);
    return 0;
  }

  private void partitions(PrintWriter out, DatasetVersion m) {
    if (m.partitionBy().isEmpty()) {
      out.println("Not partitioned.");
      out.println();
      return;
    }
    out.printf("Partitioned by %s: %,d partitions%n", String.join(", ", m.partitionBy()),
        LsCommand.partitions(m.files()));
    for (String column : m.partitionBy()) {
      TreeSet<String> values = new TreeSet<>(ShowCommand::compareValues);
      for (DataFile f : m.files()) {
        values.add(String.valueOf(f.partition().get(column)));
      }
      List<String> first = new ArrayList<>(values).subList(0, Math.min(5, values.size()));
      out.printf("  %s: %s%s (%,d values)%n", column, String.join(", ", first), values.size() > 5 ? ", …" : "",
          values.size());
    }
    out.println();
  }

  /** Reads only as many files (splits) as the sample needs, not the whole dataset. */
  private void sample(PrintWriter out, OpenedLake lake, OpenedLake.Dataset d, Schema schema, DatasetVersion m)
      throws IOException {
    List<String> header = schema.getFields().stream().map(Schema.Field::name).toList();
    TextTable table = new TextTable(header).plainNumbers();
    int n = 0;
    List<? extends Source<GenericRecord>> splits = lake.lake().read(d.path()).split(SourceContext.standalone());
    for (int s = 0; s < splits.size() && n < rows; s++) {
      try (SourceReader<GenericRecord> reader = splits.get(s).open(SourceContext.standalone())) {
        while (n < rows && reader.hasNext()) {
          GenericRecord r = reader.next();
          List<Object> cells = new ArrayList<>();
          for (Schema.Field f : schema.getFields()) {
            cells.add(shorten(SchemaText.value(r.get(f.name()), f.schema())));
          }
          table.row(cells);
          n++;
        }
      }
    }
    out.printf("Sample rows (%d of %,d):%n", n, m.rows());
    out.print(indent(table.toString()));
    out.println();
  }

  private static Object shorten(Object v) {
    if (v instanceof String s && s.length() > 40) {
      return s.substring(0, 39) + "…";
    }
    return v;
  }

  private void history(PrintWriter out, OpenedLake lake, OpenedLake.Dataset d) {
    List<DatasetVersion> all = lake.lake().history(d.path());
    out.printf("History (%d commit%s%s):%n", all.size(), all.size() == 1 ? "" : "s", all.size() > history ? ", newest " + history : "");
    TextTable table = new TextTable("version", "committed", "pipeline", "mode", "added", "removed", "files", "rows");
    for (DatasetVersion c : all.subList(Math.max(0, all.size() - history), all.size())) {
      table.row(c.version(), Format.time(c.committedAt()), c.pipeline(), c.mode(), (long) c.added().size(),
          (long) c.removed().size(), (long) c.files().size(), c.rows());
    }
    out.print(indent(table.toString()));
  }

  /** Numbers in numeric order, then text. */
  static int compareValues(String a, String b) {
    boolean na = a.matches("-?\\d{1,18}");
    boolean nb = b.matches("-?\\d{1,18}");
    if (na && nb) {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }
    return na != nb ? (na ? -1 : 1) : a.compareTo(b);
  }

  static String indent(String text) {
    return text.replaceAll("(?m)^(?=.)", "  ");
  }

}

package dev.lake.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lake query "SQL"}: SQL over the committed datasets through an embedded DuckDB, one view per dataset,
 * printed as an aligned table (the first {@code --max-rows} rows, every row counted) or written as CSV or JSON, every
 * row streamed from DuckDB to the output as it is produced: memory does not grow with the result.
 *
 * <pre>{@code
 * lake query "SELECT level, count(*) AS plays FROM songplays GROUP BY ALL ORDER BY plays DESC"
 * lake query "SELECT * FROM team_season" --format csv --output team_season.csv
 * lake query "SELECT * FROM online_retail" --max-rows 50
 * }</pre>
 */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Runs SQL (DuckDB) over the committed datasets: one view per dataset, named after it "
        + "(songplays; rejected_songplays; raw_<source>_<dataset>), over exactly the files of its newest commit.",
        "For an s3:// root the committed files are downloaded to a temporary directory first.",
        "csv and json write every row as DuckDB produces it; the table shows the first --max-rows rows and counts "
            + "the rest."},
    footer = {"", "Examples:",
        "  lake query \"SELECT level, count(*) AS plays FROM songplays GROUP BY ALL ORDER BY plays DESC\"",
        "  lake query \"SELECT team, points, xpts, points - xpts AS luck FROM team_season ORDER BY luck\"",
        "  lake query \"SELECT year, month, sum(quantity * unit_price) AS sales FROM online_retail GROUP BY ALL "
            + "ORDER BY ALL\" --format csv --output sales.csv",
        "  lake query \"SHOW TABLES\"",
        "  lake query \"SELECT count(*) FROM retail.online_retail\" --warehouse ./lake/iceberg --snapshot <id>",
        "", "Iceberg tables of --warehouse (or <lake>/iceberg) are views namespace.table over their newest snapshot, "
        + "or the one --snapshot names, with the deletes of upserts applied."})
final class QueryCommand implements Callable<Integer> {
  /** Output formats. */
  enum OutputFormat { table, csv, json }

  @Spec
  CommandSpec spec;

  @Mixin
  RootOption root;

  @Mixin
  IcebergOption iceberg;

  @Parameters(paramLabel = "<sql>", description = "The query.")
  String sql;

  @Option(names = {"--format", "-f"}, defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = {"--output", "-o"}, paramLabel = "<file>", description = "Write to a file instead of stdout.")
  Path output;

  @Option(names = "--max-rows", paramLabel = "<n>", defaultValue = "1000",
      description = "Rows the table shows (default: ${DEFAULT-VALUE}); the rest are counted. csv and json write "
          + "every row.")
  int maxRows;

  @Override
  public Integer call() throws IOException {
    if (maxRows < 1) {
      throw new ParameterException(spec.commandLine(), "--max-rows must be at least 1, not " + maxRows
          + "; for every row use --format csv or json.");
    }
    try (DuckSession duck = iceberg.session(root, spec.commandLine().getErr())) {
      if (output == null) {
        query(duck, spec.commandLine().getOut());
        return 0;
      }
      // written next to the target and moved over it when complete: a query failing midway leaves no partial file
      Path absolute = output.toAbsolutePath();
      Path partial = absolute.resolveSibling("." + absolute.getFileName() + ".partial");
      try {
        long rows;
        try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
          rows = query(duck, w);
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().printf("%,d row%s written to %s%n", rows, rows == 1 ? "" : "s", output);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    return 0;
  }

  private long query(DuckSession duck, Writer w) throws IOException {
    DuckSession.RowHandler handler = switch (format) {
      case csv -> ResultFormats.csv(w);
      case json -> ResultFormats.json(w);
      case table -> new TablePreview(w, maxRows);
    };
    long rows = duck.stream(sql, handler);
    w.flush();
    return rows;
  }

  /** The first {@code max} rows as an aligned table, then the number of rows, all of them counted. */
  private static final class TablePreview implements DuckSession.RowHandler {
    private final Writer w;
    private final int max;
    private TextTable table;

    TablePreview(Writer w, int max) {
      this.w = w;
      this.max = max;
    }

    @Override
    public void columns(List<String> columns) {
      table = new TextTable(columns).plainNumbers();
    }

    @Override
    public void row(List<Object> row) {
      if (table.size() < max) {
        table.row(row);
      }
    }

    @Override
    public void end(long rows) throws IOException {
      w.write(table.toString());
      if (rows > table.size()) {
        w.write(String.format("(%,d rows, the first %,d shown; --max-rows shows more, --format csv or json writes "
            + "all)%n", rows, table.size()));
      } else {
        w.write(String.format("(%,d row%s)%n", rows, rows == 1 ? "" : "s"));
      }
    }
  }

}

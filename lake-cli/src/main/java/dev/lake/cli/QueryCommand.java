package dev.lake.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lake query "SQL"}: SQL over the committed datasets through an embedded DuckDB, one view per dataset,
 * printed as an aligned table or written as CSV or JSON.
 *
 * <pre>{@code
 * lake query "SELECT level, count(*) AS plays FROM songplays GROUP BY ALL ORDER BY plays DESC"
 * lake query "SELECT * FROM team_season" --format csv --output team_season.csv
 * }</pre>
 */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Runs SQL (DuckDB) over the committed datasets: one view per dataset, named after it "
        + "(songplays; rejected_songplays; raw_<source>_<dataset>), over exactly the files of its newest commit.",
        "For an s3:// root the committed files are downloaded to a temporary directory first."},
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

  @Override
  public Integer call() throws IOException {
    DuckSession.Result result;
    try (DuckSession duck = iceberg.session(root, spec.commandLine().getErr())) {
      result = duck.query(sql);
    }
    if (output == null) {
      write(result, format, spec.commandLine().getOut());
    } else {
      try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        write(result, format, w);
      }
      spec.commandLine().getOut().printf("%,d row%s written to %s%n", result.rows().size(),
          result.rows().size() == 1 ? "" : "s", output);
    }
    return 0;
  }

  static void write(DuckSession.Result r, OutputFormat format, Writer w) throws IOException {
    switch (format) {
      case csv -> ResultFormats.csv(r, w);
      case json -> ResultFormats.json(r, w);
      default -> {
        TextTable t = new TextTable(r.columns()).plainNumbers();
        r.rows().forEach(t::row);
        w.write(t.toString());
        w.write(String.format("(%,d row%s)%n", r.rows().size(), r.rows().size() == 1 ? "" : "s"));
      }
    }
    w.flush();
  }

}

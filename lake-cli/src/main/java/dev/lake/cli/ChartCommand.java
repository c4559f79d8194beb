package dev.lake.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lake chart "SQL"}: a line, bar or scatter chart of a query's result (XChart), saved as PNG or SVG.
 *
 * <pre>{@code
 * lake chart "SELECT team, points, xpts FROM team_season ORDER BY points DESC" --type bar --x team \
 *     --y points,xpts --out xg.png
 * }</pre>
 */
@Command(name = "chart", mixinStandardHelpOptions = true,
    description = "Draws a query's result (same views as lake query) as a line, bar or scatter chart: PNG or SVG.",
    footer = {"", "Examples:",
        "  lake chart \"SELECT team, points, xpts FROM team_season ORDER BY points DESC\" --type bar --x team "
            + "--y points,xpts --out xg.png",
        "  lake chart \"SELECT xpts, points FROM team_season\" --type scatter --x xpts --y points --out luck.svg",
        "  lake chart \"SELECT make_date(year, month, 1) AS month, sum(quantity * unit_price) AS sales "
            + "FROM online_retail GROUP BY ALL ORDER BY 1\" --type line --x month --y sales --out sales.png",
        "", "--x defaults to the first column, --y to every other numeric column. A line chart over text x values "
        + "(team names) is drawn as categories."})
final class ChartCommand implements Callable<Integer> {
  private static final int MAX_DATE_CATEGORIES = 60;
  private static final String Y_PATTERN = "#,##0.##";

  /** Chart types. */
  enum Type { line, bar, scatter }

  @Spec
  CommandSpec spec;

  @Mixin
  RootOption root;

  @Mixin
  IcebergOption iceberg;

  @Parameters(paramLabel = "<sql>", description = "The query whose result to draw.")
  String sql;

  @Option(names = {"--type", "-t"}, defaultValue = "bar", description = "line, bar or scatter (default: "
      + "${DEFAULT-VALUE}).")
  Type type;

  @Option(names = "--x", description = "The x column (default: the first column).")
  String x;

  @Option(names = "--y", split = ",", description = "The y column(s), comma-separated: one series each "
      + "(default: the other numeric columns).")
  List<String> y;

  @Option(names = {"--out", "-o"}, required = true, paramLabel = "<file.png|file.svg>",
      description = "Where to save the chart; the extension picks PNG or SVG.")
  Path out;

  @Option(names = "--title", description = "The chart title (default: the y columns by x).")
  String title;

  @Option(names = "--width", defaultValue = "1000", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--height", defaultValue = "600", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
  int height;

  @Override
  public Integer call() throws IOException {
    System.setProperty("java.awt.headless", "true");
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean svg = name.endsWith(".svg");
    if (!svg && !name.endsWith(".png")) {
      throw new CliException("--out must end in .png or .svg, got " + out);
    }
    DuckSession.Result r;
    try (DuckSession duck = iceberg.session(root, spec.commandLine().getErr())) {
      r = duck.query(sql);
    }
    Chart<?, ?> chart = ChartData.of(r, x, y).draw(type, title, width, height);
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    try (OutputStream o = Files.newOutputStream(out)) {
      if (svg) {
        VectorGraphicsEncoder.saveVectorGraphic(chart, o, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      } else {
        BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG);
      }
    }
    spec.commandLine().getOut().printf("%s chart of %,d rows (%s by %s) saved to %s%n", type, r.rows().size(),
        String.join(", ", ChartData.of(r, x, y).ys()), ChartData.of(r, x, y).x(), out);
    return 0;
  }

  /** The x column and the numeric y columns picked from a result, validated against its columns. */
  record ChartData(DuckSession.Result result, String x, List<String> ys) {
    static ChartData of(DuckSession.Result r, String x, List<String> y) {
      List<String> columns = r.columns();
      if (columns.size() < 2) {
        throw new CliException("A chart needs at least two columns (x and y); the query returned " + columns);
      }
      String xs = x == null ? columns.get(0) : column(columns, x, "--x");
      List<String> ys = new ArrayList<>();
      if (y == null || y.isEmpty()) {
        for (int i = 0; i < columns.size(); i++) {
          if (!columns.get(i).equals(xs) && numeric(r, i)) {
            ys.add(columns.get(i));
          }
        }
        if (ys.isEmpty()) {
          throw new CliException("No numeric column to draw besides " + xs + " in " + columns + ": pass --y");
        }
      } else {
        for (String c : y) {
          String col = column(columns, c.strip(), "--y");
          if (!numeric(r, columns.indexOf(col))) {
            throw new CliException("--y " + col + " is not numeric: cast it in the query, e.g. CAST(" + col
                + " AS DOUBLE)");
          }
          ys.add(col);
        }
      }
      return new ChartData(r, xs, ys);
    }

    private static String column(List<String> columns, String name, String option) {
      for (String c : columns) {
        if (c.equalsIgnoreCase(name)) {
          return c;
        }
      }
      throw new CliException(option + " " + name + " is not a column of the result " + columns + "."
          + DidYouMean.closest(name, columns).map(c -> " Did you mean '" + c + "'?").orElse(""));
    }

    private static boolean numeric(DuckSession.Result r, int column) {
      return r.rows().stream().map(row -> row.get(column)).allMatch(v -> v == null || v instanceof Number)
          && r.rows().stream().anyMatch(row -> row.get(column) != null);
    }

    private int index(String column) {
      return result.columns().indexOf(column);
    }

    private List<Object> values(String column) {
      int i = index(column);
      return result.rows().stream().map(row -> row.get(i)).toList();
    }

    private List<Number> numbers(String column) {
      return values(column).stream().map(v -> v == null ? (Number) Double.NaN : (Number) ((Number) v).doubleValue())
          .toList();
    }

    Chart<?, ?> draw(Type type, String title, int width, int height) {
      String t = title != null ? title : String.join(", ", ys) + " by " + x;
      List<Object> xv = values(x);
      boolean xNumeric = numeric(result, index(x));
      boolean xTime = !xv.isEmpty() && xv.stream().allMatch(v -> v == null || ChartValues.isTime(v));
      // A line over a few dates (months, days) is drawn over exact date labels: XChart's own time ticks fall
      // between the points and, formatted as yyyy-MM, name the wrong month.
      boolean asCategories = type == Type.bar || type == Type.line && (!xNumeric && !xTime
          || xTime && xv.size() <= MAX_DATE_CATEGORIES);
      if (asCategories) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(t).xAxisTitle(x)
            .yAxisTitle(ys.size() == 1 ? ys.get(0) : "").build();
        chart.getStyler().setDefaultSeriesRenderStyle(type == Type.bar ? CategorySeries.CategorySeriesRenderStyle.Bar
            : CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setXAxisLabelRotation(xv.size() > 8 ? 60 : 0);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisDecimalPattern(Y_PATTERN);
        List<String> categories = xv.stream().map(ChartValues::label).toList();
        for (String column : ys) {
          chart.addSeries(column, categories, numbers(column));
        }
        return chart;
      }
      if (!xNumeric && !xTime) {
        throw new CliException("A " + type + " chart needs a numeric or time x, and " + x + " is text: use "
            + "--type bar, or --x with another column");
      }
      XYChart chart = new XYChartBuilder().width(width).height(height).title(t).xAxisTitle(x)
          .yAxisTitle(ys.size() == 1 ? ys.get(0) : "").build();
      chart.getStyler().setDefaultSeriesRenderStyle(type == Type.scatter ? XYSeries.XYSeriesRenderStyle.Scatter
          : XYSeries.XYSeriesRenderStyle.Line);
      chart.getStyler().setYAxisDecimalPattern(Y_PATTERN);
      chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC")); // ChartValues.date converts at UTC
      chart.getStyler().setDatePattern("yyyy-MM-dd");
      List<?> xs = xTime ? xv.stream().map(ChartValues::date).toList() : numbers(x);
      for (String column : ys) {
        chart.addSeries(column, xs, numbers(column));
      }
      return chart;
    }
  }

}

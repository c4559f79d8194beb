package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartCommandTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private final Path root = TestLakes.small();
  private final Path dir = TestLakes.temp("lake-cli-chart-");

  @Test
  void chart_barPng_expectedVsActualPointsPerTeam() throws Exception {
    Path png = dir.resolve("xg.png");

    String out = lake("chart", "--lake", root.toString(), "SELECT team, points, xpts FROM team_points "
        + "ORDER BY points DESC", "--type", "bar", "--x", "team", "--y", "points,xpts", "--out", png.toString(),
        "--width", "900", "--height", "500").ok().out();

    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith(PNG);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(500);
    assertThat(out).isEqualTo("bar chart of 20 rows (points, xpts by team) saved to " + png + "\n");
  }

  @Test
  void chart_lineSvgOverDates_validSvg() throws Exception {
    Path svg = dir.resolve("plays.svg");

    String out = lake("chart", "--lake", root.toString(), "SELECT CAST(epoch_ms(ts) AS DATE) AS day, "
        + "count(*) AS plays FROM songplays GROUP BY ALL ORDER BY 1", "--type", "line", "--out", svg.toString())
        .ok().out();

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
    Document doc = factory.newDocumentBuilder().parse(svg.toFile());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("1000px");
    // VectorGraphics2D draws text as outlines, so the series name is a shape, not a string: count the shapes
    assertThat(doc.getElementsByTagName("path").getLength()).isGreaterThan(10);
    assertThat(out).contains("line chart of 30 rows (plays by day)");
  }

  @Test
  void chart_scatterOverText_namesTheFix() {
    TestLakes.Result r = lake("chart", "--lake", root.toString(), "SELECT team, points FROM team_points",
        "--type", "scatter", "--out", dir.resolve("x.png").toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("needs a numeric or time x, and team is text: use --type bar");
  }

  @Test
  void chart_unknownColumn_suggestsTheClosest() {
    TestLakes.Result r = lake("chart", "--lake", root.toString(), "SELECT team, points, xpts FROM team_points",
        "--y", "xpt", "--out", dir.resolve("x.png").toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--y xpt is not a column of the result [team, points, xpts]. Did you mean 'xpts'?");
  }
}

package dev.lake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lake.Lake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code lake query} in a child JVM whose heap is a small fraction of the result: csv and json stream every row to
 * the output, the table shows the first {@code --max-rows} and counts the rest. A command that collected the result
 * (a list of rows) runs out of memory here; the row counts are read from what the child wrote.
 */
class QueryMemoryTest {
  /** Each songplay (18 columns) repeated this many times: about 273,000 rows, some 100 MB of CSV. */
  private static final int TIMES = 40;

  private final Path root = TestLakes.small();
  private final long rows = Lake.at(root.toString()).latest("songplays").orElseThrow().rows() * TIMES;
  private final String sql = "SELECT s.*, r.i AS copy FROM songplays s, range(" + TIMES + ") r(i)";

  @Test
  void query_csvLargerThanHeap_streamsEveryRow() throws Exception {
    ChildCli.Output out = ChildCli.lake("query", "--lake", root.toString(), "--format", "csv", sql);

    assertThat(out.bytes()).as("the result is larger than the child's heap").isGreaterThan(ChildCli.HEAP);
    assertThat(out.newlines()).isEqualTo(rows + 1); // the header and one line per row
    assertThat(out.head()).endsWith(",copy");
  }

  @Test
  void query_jsonLargerThanHeap_streamsEveryRow() throws Exception {
    Path file = TestLakes.temp("lake-cli-query-memory-").resolve("plays.json");

    ChildCli.Output out = ChildCli.lake("query", "--lake", root.toString(), "--format", "json", "--output",
        file.toString(), sql);

    assertThat(Files.size(file)).as("the result is larger than the child's heap").isGreaterThan(ChildCli.HEAP);
    assertThat(objects(file)).isEqualTo(rows);
    assertThat(out.text()).isEqualTo(String.format("%,d rows written to %s%n", rows, file));
  }

  @Test
  void query_tableLargerThanHeap_showsTheFirstRowsAndCountsAll() throws Exception {
    ChildCli.Output out = ChildCli.lake("query", "--lake", root.toString(), "--max-rows", "25", sql);

    assertThat(out.newlines()).isEqualTo(2 + 25 + 1); // header, rule, the rows shown, the count
    assertThat(out.tail()).isEqualTo(String.format("(%,d rows, the first 25 shown; --max-rows shows more, "
        + "--format csv or json writes all)", rows));
  }

  /** The objects of a JSON array, counted by a streaming parser. */
  private static long objects(Path file) throws IOException {
    long n = 0;
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        p.skipChildren();
        n++;
      }
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_ARRAY);
    }
    return n;
  }
}
